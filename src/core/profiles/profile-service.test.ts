import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_SAMPLE } from '../../shared/domain';
import { createMemoryLogger } from '../log';
import { openProfileService, type ProfileDraft } from './profile-service';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-profiles-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const draft = (over: Partial<ProfileDraft> = {}): ProfileDraft => ({
  name: 'Praxis sandbox',
  environment: 'praxis-sandbox',
  merchantId: 'Test-Integration-Merchant',
  applicationKey: 'Sandbox',
  ...over,
});

describe('profiles', () => {
  it('a first start has one active "Embedded sandbox" profile with the public sample ids, saved to profiles.json', async () => {
    const svc = await openProfileService(dir, createMemoryLogger());
    const state = svc.state();
    expect(state.profiles).toHaveLength(1);
    expect(state.profiles[0]).toMatchObject({
      name: 'Embedded sandbox',
      environment: 'embedded-sandbox',
      merchantId: SANDBOX_SAMPLE.merchantId,
      applicationKey: SANDBOX_SAMPLE.applicationKey,
    });
    expect(state.activeProfileId).toBe(state.profiles[0]!.id);
    const onDisk = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'));
    expect(onDisk.profiles).toHaveLength(1);
  });

  it('saves, edits, activates and removes profiles, and a reopened desk sees the same state', async () => {
    const svc = await openProfileService(dir, createMemoryLogger());
    const added = await svc.save(draft());
    await svc.save(draft({ id: added.id, name: 'Bea desk' }));
    await svc.activate(added.id);
    const reopened = await openProfileService(dir, createMemoryLogger());
    expect(reopened.active()).toMatchObject({ id: added.id, name: 'Bea desk', environment: 'praxis-sandbox' });

    const after = await reopened.remove(added.id);
    expect(after.profiles.map((p) => p.name)).toEqual(['Embedded sandbox']);
    expect(after.activeProfileId).toBe(after.profiles[0]!.id);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a plain-http custom URL unless it is loopback, and says how to fix it', async () => {
    const svc = await openProfileService(dir, createMemoryLogger());
    await expect(
      svc.save(draft({ name: 'Custom', environment: 'custom', customBaseUrl: 'http://gw.example.com' })),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('must use https'),
    });
    const local = await svc.save(
      draft({ name: 'Local', environment: 'custom', customBaseUrl: 'http://127.0.0.1:8080/' }),
    );
    expect(local.customBaseUrl).toBe('http://127.0.0.1:8080');
    const secure = await svc.save(
      draft({ name: 'Gateway', environment: 'custom', customBaseUrl: 'https://gw.example.com/base/' }),
    );
    expect(secure.customBaseUrl).toBe('https://gw.example.com/base');
    expect(svc.state().profiles).toHaveLength(3);
  });

  it('refuses a duplicate name, an unknown id and removing the last profile, without changing anything', async () => {
    const svc = await openProfileService(dir, createMemoryLogger());
    await expect(svc.save(draft({ name: 'embedded SANDBOX' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(svc.activate('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(svc.save(draft({ id: 'nope' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(svc.remove('embedded-sandbox')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Add another profile first'),
    });
    expect(svc.state().profiles).toHaveLength(1);
  });

  it('keeps an unreadable profiles.json aside instead of overwriting it, and starts on the sandbox', async () => {
    await writeFile(join(dir, 'profiles.json'), '{"version":1, "profiles": [ broken');
    const log = createMemoryLogger();
    const svc = await openProfileService(dir, log);
    expect(svc.active()?.environment).toBe('embedded-sandbox');
    const kept = (await readdir(dir)).find((f) => f.startsWith('profiles.json.unreadable-'));
    expect(kept).toBeDefined();
    expect(await readFile(join(dir, kept!), 'utf8')).toContain('broken');
    expect(log.lines.join('\n')).toContain('could not be read');
  });

  it('emits the new state to listeners after every change', async () => {
    const svc = await openProfileService(dir, createMemoryLogger());
    const seen: number[] = [];
    svc.onChange((s) => seen.push(s.profiles.length));
    const p = await svc.save(draft());
    await svc.remove(p.id);
    expect(seen).toEqual([2, 1]);
  });
});
