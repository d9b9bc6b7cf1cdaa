import { parseArgs } from 'node:util';
import { describeStoreLocation, openStore, parseStoreLocation } from '../core/store/work-store';

export const AUDIT_VERIFY_USAGE = `Usage: npm run audit:verify -- --store <pglite-dir | postgres://user@host/db>
Checks the audit log's hash chain and, for a PGlite folder, the chain's head kept beside it.
Close the desk using a PGlite folder first: one folder is opened by one process at a time.
A PostgreSQL password, if any, is read from PGPASSWORD (never put it in the URL).
Exit status: 0 the chain is intact, 1 it is broken, 2 the command could not run.`;

/** The check behind `npm run audit:verify`: prints to `out`/`err` and answers the exit status. */
export async function runAuditVerify(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<0 | 1 | 2> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { store: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (e) {
    err(`audit:verify: ${(e as Error).message}\n\n${AUDIT_VERIFY_USAGE}`);
    return 2;
  }
  if (values.help) {
    out(AUDIT_VERIFY_USAGE);
    return 0;
  }
  if (!values.store) {
    err(
      `audit:verify: --store is required: the PGlite folder or postgres:// URL of the store to check.\n\n${AUDIT_VERIFY_USAGE}`,
    );
    return 2;
  }
  const location = parseStoreLocation(values.store);
  if (location.kind === 'postgres' && process.env.PGPASSWORD) location.password = process.env.PGPASSWORD;
  let store;
  try {
    store = await openStore(location);
  } catch (e) {
    err(`audit:verify: ${(e as Error).message}`);
    return 2;
  }
  try {
    const result = await store.audit.check();
    const where = describeStoreLocation(location);
    if (result.ok) {
      out(`OK ${where}: ${result.message}`);
      return 0;
    }
    err(`BROKEN ${where}: first broken link at row ${result.brokenAtSeq}. ${result.message}`);
    return 1;
  } finally {
    await store.close();
  }
}
