import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/shared/audit';
import type { ProfilesState } from '../../src/shared/domain';
import { CHANNELS, type Channel } from '../../src/shared/ipc/contract';
import { channelSamples } from '../support/channel-samples';
import { startDeskCoreForTest } from '../support/desk-core-rig';

// Malformed calls on every channel of the contract, through the real dispatch of a whole desk (in sandbox mode, so
// every role may call and what is tested is the input): each gets VALIDATION, none crashes, none changes anything.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
let samples: Record<Channel, unknown>;
const call = (channel: Channel, input: unknown) => rig.at('hostile').raw(channel, input);

/** What a call could have changed: every change the desk makes is audited, and profiles live beside the store. */
const state = async () => ({
  audited: (await rig.at('hostile').call<AuditPage>('audit:list', { filter: {} })).total,
  profiles: (await rig.at('hostile').call<ProfilesState>('profiles:list')).profiles.length,
});

/** The sample input as JSON text with one more key first, parsed as the transports parse it (`__proto__` stays own). */
const withExtraKey = (sample: unknown, key: string, value: unknown): unknown => {
  const fields = JSON.stringify(sample).slice(1, -1);
  return JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}${fields ? `,${fields}` : ''}}`);
};

beforeAll(async () => {
  rig = await startDeskCoreForTest('hostile-channels');
  const desk = rig.at('hostile');
  samples = channelSamples({
    payoutSettings: await desk.call('payout-settings:get'),
    captureSettings: await desk.call('capture-settings:get'),
    terminalSettings: await desk.call('terminal-settings:get'),
  });
});
afterAll(() => rig?.close());

describe('every channel refuses malformed input through the real dispatch', () => {
  it('anything that is not an object is VALIDATION on every channel, and changes nothing', async () => {
    const before = await state();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS),
        fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue())),
        async (channel, input) => {
          const r = await call(channel, input);
          expect(r, `${channel} ← ${JSON.stringify(input)}`).toMatchObject({
            ok: false,
            error: { code: 'VALIDATION' },
          });
        },
      ),
      { numRuns: 400 },
    );
    expect(await state()).toEqual(before);
  });

  it('a valid input with one key too many is VALIDATION on every channel, and changes nothing', async () => {
    const before = await state();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS),
        fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'operator', 'role', 'secondApprover', 'x'),
        fc.jsonValue(),
        async (channel, key, value) => {
          // A channel that already takes the key (an operator name, a role) gets it twice: JSON keeps the last.
          const input = withExtraKey(samples[channel], key, value ?? null);
          if (Object.hasOwn(samples[channel] as object, key)) return;
          const r = await call(channel, input);
          expect(r, `${channel} with an extra "${key}"`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        },
      ),
      { numRuns: 400 },
    );
    expect(await state()).toEqual(before);
  });

  it('a refusal stays a few lines however much the input holds: it names what was wrong without echoing it back', async () => {
    const before = await state();
    // Megabytes of made-up field names, a long amount, long currency codes: the answer was the input again, twice.
    const manyKeys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`field${i}`.padEnd(100, 'z'), 0]));
    const longCodes = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`${'X'.repeat(50_000)}${i}`, 1]));
    const terminal = samples['terminal:start'] as Record<string, unknown>;
    const calls: Array<[Channel, unknown, RegExp]> = [
      ['app:info', manyKeys, /^unknown fields: field0z+…, .* and 19995 more$/],
      ['payouts:list', manyKeys, /unknown fields/],
      ['terminal:start', { ...terminal, amount: '9'.repeat(1_000_000) }, /^amount: must be at most 40 characters$/],
      [
        'terminal-settings:save',
        { ...(samples['terminal-settings:save'] as object), depositMaxMinor: longCodes },
        /is not an ISO 4217 currency code/,
      ],
    ];
    for (const [channel, input, says] of calls) {
      const r = await call(channel, input);
      expect(r, channel).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(says) },
      });
      expect(JSON.stringify(r).length, `${channel}: the answer's size`).toBeLessThan(16_000);
    }
    expect(await state()).toEqual(before);
  });

  it('text no store can hold (half an emoji, a NUL) in any text field or key is VALIDATION naming where, on every channel; nothing changes', async () => {
    const before = await state();
    let tried = 0;
    for (const channel of CHANNELS) {
      const sample = samples[channel];
      if (typeof sample !== 'object' || sample === null) continue;
      for (const [key, value] of Object.entries(sample)) {
        if (typeof value !== 'string') continue;
        for (const broken of [`${value}\ud800`, `\udfff${value}`, `${value}\u0000`]) {
          tried++;
          const r = await call(channel, { ...sample, [key]: broken });
          expect(r, `${channel}.${key} ← ${JSON.stringify(broken)}`).toMatchObject({
            ok: false,
            error: { code: 'VALIDATION' },
          });
        }
      }
    }
    expect(tried).toBeGreaterThan(20);
    for (const key of ['a\u0000b', 'x\ud800']) {
      const r = await call('views:save', { name: 'keys', state: { filter: { [key]: 1 } } });
      expect(r, JSON.stringify(key)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(/a key in state\.filter holds/) },
      });
    }
    const note = await call('payouts:reject', { tid: 1, reasonCode: 'other', note: 'hidden \ud800' });
    expect(note).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/note holds half of a UTF-16 surrogate pair/) },
    });
    expect(await state()).toEqual(before);
  });
});
