import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDeskCore } from '../core/app/desk-core';
import { openKeytarSecretStore } from '../core/credentials/keytar-secret-store';
import { keychainService } from '../core/credentials/secret-names';
import { createFileLogger } from '../core/file-logger';
import { keepNewFilesPrivate } from '../core/private-folder';
import { createBrowserHost } from './browser-host';
import { closeOnSignal, parsePort } from './cli-support';

const USAGE = `npm run start:browser -- [--port N] [--data-dir DIR] [--renderer-dir DIR]
  Serves the built desk at http://127.0.0.1:<port>/ for a browser on this machine (no Electron needed).
  --port          loopback port (default 0 = any free port)
  --data-dir      desk data folder (default ~/.praxis-desk-browser)
  --renderer-dir  built renderer (default out/renderer)`;

function options() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        'data-dir': { type: 'string', default: join(homedir(), '.praxis-desk-browser') },
        'renderer-dir': { type: 'string', default: 'out/renderer' },
        help: { type: 'boolean', default: false },
      },
    });
    const port = parsePort(values.port, (message) => {
      throw new Error(message);
    });
    return { port, dataDir: resolve(values['data-dir']), rendererDir: values['renderer-dir'], help: values.help };
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main() {
  const opts = options();
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  keepNewFilesPrivate();
  // Log lines go to the file, so the terminal keeps what a person needs: where things are and the URL, last.
  const logger = createFileLogger(opts.dataDir, { echoToStderr: false });
  console.log(`Praxis Desk (browser host) starting — data folder ${opts.dataDir}, log ${logger.path}`);
  // The browser host is a development tool: it uses the unpackaged keychain service name.
  const secretStore = await openKeytarSecretStore({ service: keychainService(false), log: logger });
  const core = await createDeskCore({ dataDir: opts.dataDir, host: 'browser-host', secretStore, logger });
  let host;
  try {
    host = await createBrowserHost({ core, port: opts.port, rendererDir: opts.rendererDir, logger });
  } catch (err) {
    await core.close();
    throw err;
  }
  const keychain =
    secretStore.kind === 'keychain' ? 'OS keychain' : `memory only (${secretStore.unavailableReason ?? 'no keychain'})`;
  console.log(`Ready. Data folder: ${opts.dataDir}  ·  log: ${logger.path}  ·  secrets: ${keychain}`);
  console.log(`Open this URL in a browser on this machine (it carries this run's access token):\n\n  ${host.url}\n`);

  closeOnSignal([
    { name: 'the browser host (its sockets and HTTP server)', close: () => host.close() },
    { name: 'the desk core (work store, intake, sandbox)', close: () => core.close() },
  ]);
}

main().catch((err: unknown) => {
  console.error(`The browser host could not start: ${(err as Error).message}`);
  process.exit(1);
});
