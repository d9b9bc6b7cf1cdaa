/**
 * `npm run sim -- --port 8777 [--host 127.0.0.1] [--notify URL] [--customer-sync URL] [--arrivals MS|off] [--seed N] [--no-seed]`
 * Runs the Praxis sandbox simulator in the foreground and prints its base URL and the sample credentials.
 */
import { parseArgs } from 'node:util';
import { createLogger } from '../core/log';
import { startSimulator } from '../core/sandbox';
import { closeOnSignal, parsePort } from './cli-support';

const USAGE =
  'Usage: npm run sim -- [--port 8777] [--host 127.0.0.1] [--notify http://127.0.0.1:PORT/path] [--customer-sync URL] [--arrivals 20000|off] [--seed 1] [--no-seed] [--verbose]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: '8777' },
        host: { type: 'string', default: '127.0.0.1' },
        notify: { type: 'string' },
        'customer-sync': { type: 'string' },
        arrivals: { type: 'string', default: '20000' },
        seed: { type: 'string', default: '1' },
        'no-seed': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = parsePort(args.port, fail);
  const arrivals = args.arrivals === 'off' ? null : Number(args.arrivals);
  if (arrivals !== null && (!Number.isInteger(arrivals) || arrivals < 100))
    fail(`--arrivals must be milliseconds (at least 100) or "off", got "${args.arrivals}".`);
  const seedValue = Number(args.seed);
  if (!Number.isInteger(seedValue)) fail(`--seed must be a whole number, got "${args.seed}".`);
  if (args.notify) {
    try {
      new URL(args.notify);
    } catch {
      fail(`--notify must be a URL such as http://127.0.0.1:8790/praxis/notifications, got "${args.notify}".`);
    }
  }

  if (args['customer-sync']) {
    try {
      new URL(args['customer-sync']);
    } catch {
      fail(
        `--customer-sync must be a URL such as http://127.0.0.1:8790/praxis/customer-sync, got "${args['customer-sync']}".`,
      );
    }
  }

  const logger = createLogger(undefined, args.verbose ? 'debug' : 'warn');
  let sim;
  try {
    sim = await startSimulator({
      port,
      host: args.host,
      seed: !args['no-seed'],
      seedValue,
      arrivalIntervalMs: arrivals,
      notificationUrl: args.notify ?? null,
      customerSyncUrl: args['customer-sync'] ?? null,
      logger,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    fail(
      err.code === 'EADDRINUSE'
        ? `Port ${port} is already in use: pick another with --port, or --port 0 for any free port.`
        : `Could not start the simulator: ${err.message}`,
    );
  }
  console.log(`Praxis sandbox simulator listening on ${sim.url}`);
  console.log(`  merchant_id      ${sim.credentials.merchantId}`);
  console.log(`  application_key  ${sim.credentials.applicationKey}`);
  console.log(`  merchant secret  ${sim.credentials.secret}   (the documentation's public sample, not a real secret)`);
  console.log(`  admin API        ${sim.url}/_sim/transactions  (loopback only)`);
  if (args.notify)
    console.log(`  notifications -> ${args.notify}: sent ${await sim.replayNotifications()} seeded items`);
  closeOnSignal([{ name: 'the simulator', close: () => sim.stop() }]);
}

void main();
