/**
 * Headless intake for a team: `npm run intake -- --port 8778 --store <pglite-dir | postgres://…>
 * --merchant-id … --application-key …`. The merchant secret comes from PRAXIS_MERCHANT_SECRET or
 * --secret-file, never from an argument value (arguments are visible to every user of the machine).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createIntake, NOTIFICATION_PATH } from '../core/intake/intake-server';
import { createLogger } from '../core/log';
import { describeStoreLocation, openStore, parseStoreLocation } from '../core/store/work-store';
import { closeOnSignal, parsePort } from './cli-support';

const USAGE = `Usage: npm run intake -- --port 8778 --store <pglite-dir | postgres://user@host/db> \\
         --merchant-id <merchant_id> --application-key <application_key> [--secret-file <path>] [--host 127.0.0.1]
The merchant secret is read from the environment variable PRAXIS_MERCHANT_SECRET or from --secret-file.
A PostgreSQL password, if any, is read from PGPASSWORD (never put it in the URL).`;

function fail(message: string): never {
  console.error(`intake: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  if (process.argv.some((a) => a === '--secret' || a.startsWith('--secret='))) {
    fail(
      '--secret is not accepted: a secret on the command line is visible to other users. Use PRAXIS_MERCHANT_SECRET or --secret-file.',
    );
  }
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '8778' },
        host: { type: 'string', default: '127.0.0.1' },
        store: { type: 'string' },
        'merchant-id': { type: 'string' },
        'application-key': { type: 'string' },
        'secret-file': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = parsePort(values.port, fail);
  if (!values.store) fail('--store is required: a folder for an embedded PGlite store, or a postgres:// URL.');
  const merchantId = values['merchant-id'];
  const applicationKey = values['application-key'];
  if (!merchantId || !applicationKey) fail('--merchant-id and --application-key are required (they are not secret).');

  const secretFile = values['secret-file'];
  const readSecret = async (): Promise<string> => {
    const s = secretFile ? (await readFile(secretFile, 'utf8')).trim() : process.env.PRAXIS_MERCHANT_SECRET;
    if (!s)
      throw new Error(secretFile ? `the secret file ${secretFile} is empty` : 'PRAXIS_MERCHANT_SECRET is not set');
    return s;
  };
  const logger = createLogger();
  try {
    logger.registerSecret(await readSecret());
  } catch (err) {
    fail(`no merchant secret: ${(err as Error).message}. Set PRAXIS_MERCHANT_SECRET or pass --secret-file <path>.`);
  }

  const location = parseStoreLocation(values.store);
  if (location.kind === 'postgres' && process.env.PGPASSWORD) {
    location.password = process.env.PGPASSWORD;
    logger.registerSecret(process.env.PGPASSWORD);
  }
  const store = await openStore(location);
  const intake = createIntake({ store, merchant: { merchantId, applicationKey, secret: readSecret }, logger });
  const base = await intake.listen({ port, host: values.host });
  console.log(
    `Praxis Desk intake listening on ${base}${NOTIFICATION_PATH} (health: ${base}/healthz; store: ${describeStoreLocation(location)})`,
  );

  closeOnSignal([
    { name: 'the intake server', close: () => intake.close() },
    { name: 'the work store', close: () => store.close() },
  ]);
}

main().catch((err: unknown) => {
  console.error(`intake: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
