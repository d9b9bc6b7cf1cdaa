import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../core/store/work-store';
import { runAuditVerify } from './audit-verify';
import { tamperAsDatabaseOwner } from '../../test/support/tamper';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-cli-'));
  const store = await openStore({ kind: 'pglite', dir });
  for (const operator of ['alice', 'bob', 'carol'])
    await store.audit.append({ operator, action: 'payouts:approve', itemKind: 'transaction', itemId: '42' });
  await store.close();
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function verify(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAuditVerify(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run audit:verify', () => {
  it('prints OK with the rows checked for an intact store and exits 0', async () => {
    const r = await verify(['--store', dir]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^OK PGlite folder .*intact: 3 rows checked/);
  });

  it('says what is missing when --store is not given, and exits 2', async () => {
    const r = await verify([]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--store is required/);
  });

  it('names the first broken row and exits 1 once the newest row was deleted (run as the real command)', async () => {
    const store = await openStore({ kind: 'pglite', dir });
    await tamperAsDatabaseOwner(store.db, 'DELETE FROM audit_log WHERE seq = 3');
    await store.close();
    const failed = await run('npx', ['tsx', 'src/server/audit-verify-cli.ts', '--store', dir]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/BROKEN .*first broken link at row 3\. Row 3 is missing/);
  }, 60_000);
});
