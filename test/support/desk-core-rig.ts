import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createDeskCore } from '../../src/core/app/desk-core';
import type { DeskCore } from '../../src/core/app/desk-core-types';
import { dispatch } from '../../src/core/commands/dispatch';
import { createMemorySecretStore } from '../../src/core/credentials/memory-secret-store';
import { createMemoryLogger } from '../../src/core/log';
import type { Result } from '../../src/shared/errors';
import type { Channel } from '../../src/shared/ipc/contract';
import type { PayoutRow } from '../../src/shared/payouts';

/** One window of a desk core in a test: calls its command table as that window (who is signed in is per window). */
export interface DeskWindow {
  raw(channel: Channel, input?: unknown): Promise<Result<unknown>>;
  call<T>(channel: Channel, input?: unknown): Promise<T>;
}

/**
 * A window of a rig that a test file starts later (in beforeAll): named at the top of the file, each call goes to the
 * rig as it is when the call is made.
 */
export const windowOf = (rig: () => { at(connection: string): DeskWindow }, connection: string): DeskWindow => ({
  raw: (channel, input) => rig().at(connection).raw(channel, input),
  call: (channel, input) => rig().at(connection).call(channel, input),
});

/**
 * A whole one-desk composition (store, intake, embedded simulator, no live arrivals) in a fresh data folder, for
 * tests that go through the real command table as a hostile caller would.
 */
export async function startDeskCoreForTest(name: string, options: Partial<Parameters<typeof createDeskCore>[0]> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), `${name}-`));
  const log = createMemoryLogger();
  const core: DeskCore = await createDeskCore({
    dataDir,
    host: 'browser-host',
    sandboxArrivalIntervalMs: null,
    logger: log,
    secretStore: createMemorySecretStore('no keychain in this test'),
    ...options,
  });
  const simulator = async () => (await core.info()).simulatorUrl!;

  const at = (connection: string): DeskWindow => {
    const raw = (channel: Channel, input: unknown = {}) =>
      dispatch(core.handlers, channel, input, { transport: 'test', connection }, log);
    return {
      raw,
      async call<T>(channel: Channel, input: unknown = {}): Promise<T> {
        const r = await raw(channel, input);
        if (!r.ok) throw new Error(`${channel} at ${connection} failed: ${r.error.code} ${r.error.message}`);
        return r.data as T;
      },
    };
  };

  return {
    core,
    log,
    dataDir,
    at,
    /** A withdrawal request made at the simulator, once `window` sees it in its payout queue. */
    async request(window: DeskWindow, cid: string, currency: string, amountMinor: number): Promise<PayoutRow> {
      const res = await fetch(`${await simulator()}/_sim/withdrawal-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cid, currency, amount: amountMinor }),
      });
      const { tid } = (await res.json()) as { tid: number };
      const rows = () => window.call<PayoutRow[]>('payouts:rows', { tids: [tid] });
      await expect.poll(async () => (await rows()).length, { timeout: 15_000 }).toBe(1);
      return (await rows())[0]!;
    },
    /** How many payouts the simulator really made for a request. */
    async payoutsMade(tid: number): Promise<number> {
      const res = await fetch(`${await simulator()}/_sim/transactions/${tid}`);
      return ((await res.json()) as { payoutsMade: number }).payoutsMade;
    },
    async close() {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
