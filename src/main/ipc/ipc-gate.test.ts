import { pathToFileURL } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskCore } from '../../core/app/desk-core';
import type { DeskCore } from '../../core/app/desk-core-types';
import { createMemorySecretStore } from '../../core/credentials/memory-secret-store';
import { createMemoryLogger } from '../../core/log';
import { createIpcGate, type IpcSender } from './ipc-gate';

// The gate runs the real core command table; only Electron's event object is described by plain data.
const rendererDir = '/opt/praxis-desk/out/renderer';
const appPage = pathToFileURL(`${rendererDir}/index.html`).href;
const log = createMemoryLogger();
let dataDir: string;
let core: DeskCore;
let gate: ReturnType<typeof createIpcGate>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'desk-ipc-'));
  core = await createDeskCore({
    dataDir,
    host: 'electron',
    logger: log,
    secretStore: createMemorySecretStore('test'),
    embeddedSandbox: false,
    store: false,
  });
  gate = createIpcGate({
    handlers: core.handlers,
    log,
    location: { kind: 'file', rendererDir },
    trustedWebContents: () => new Set([7]),
  });
});
afterAll(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

const ours: IpcSender = { webContentsId: 7, frameUrl: appPage, isMainFrame: true };

describe('the IPC gate', () => {
  it('answers our window with the handler result', async () => {
    const r = await gate(ours, 'profiles:list', {});
    expect(r).toMatchObject({ ok: true, data: { activeProfileId: 'embedded-sandbox' } });
  });

  it('drops other windows, sub-frames and foreign pages without running the handler', async () => {
    const before = (await gate(ours, 'profiles:list', {})) as { ok: true; data: { profiles: unknown[] } };
    const save = {
      name: 'Injected',
      environment: 'praxis-sandbox',
      merchantId: 'm',
      applicationKey: 'k',
    };
    for (const sender of [
      { ...ours, webContentsId: 8 },
      { ...ours, isMainFrame: false },
      { ...ours, frameUrl: 'https://evil.example/' },
      { ...ours, frameUrl: undefined },
    ]) {
      const r = await gate(sender, 'profiles:save', save);
      expect(r).toMatchObject({ ok: false, error: { code: 'AUTH' } });
    }
    const after = (await gate(ours, 'profiles:list', {})) as { ok: true; data: { profiles: unknown[] } };
    expect(after.data.profiles).toHaveLength(before.data.profiles.length);
    expect(log.lines.some((l) => l.includes('unknown sender dropped'))).toBe(true);
  });

  it('parses input with the channel schema and returns a VALIDATION error naming the field, never a throw', async () => {
    const r = await gate(ours, 'profiles:save', { name: '', environment: 'mars' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toMatch(/name: Give the profile a name/);
      expect(r.error.message).toMatch(/environment/);
    }
    expect(await gate(ours, 'shell:exec', { cmd: 'rm -rf /' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Unknown command "shell:exec".' },
    });
  });

  it('while the core failed to start, every call answers why instead of hanging or throwing', async () => {
    const failed = Promise.reject(new Error('the store folder is read-only'));
    failed.catch(() => undefined);
    const broken = createIpcGate({
      handlers: failed,
      log,
      location: { kind: 'file', rendererDir },
      trustedWebContents: () => new Set([7]),
    });
    expect(await broken(ours, 'app:info', {})).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'The desk could not start: the store folder is read-only. Details are in the desk log.',
      },
    });
  });
});
