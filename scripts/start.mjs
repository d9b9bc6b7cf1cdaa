// `npm start` after the build: the Electron desk, or — where no Electron binary can be had — one line saying so
// and the browser host instead (the same desk in a browser), never a stack trace. `--browser` (npm run start:browser):
// the browser host at once. Other arguments go to the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary, electronInstallScript } from './electron-binary.mjs';
import { nodeHostEnv } from './node-host-env.mjs';

const run = (cmd, args, env = process.env) => {
  const child = spawn(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
};

const browserOnly = process.argv.includes('--browser');
const hostArgs = process.argv.slice(2).filter((a) => a !== '--browser');
// One process (Node with tsx's loader), not npx → tsx → node: a SIGTERM to `npm start` then reaches the desk itself,
// which closes its stores and lets go of the data folder (through npx, the host outlived it holding the folder).
const startBrowserHost = () =>
  run(process.execPath, ['--import', 'tsx', 'src/server/browser-host-cli.ts', ...hostArgs], nodeHostEnv());

if (browserOnly) {
  startBrowserHost();
} else if (!electronBinary()) {
  // electron 45 fetches its binary on first start (it has no install script): try once, quietly.
  console.log('npm start: fetching the Electron binary (first start)…');
  const fetched = spawnSync(process.execPath, [electronInstallScript()], { encoding: 'utf8', timeout: 300_000 });
  if (!electronBinary()) {
    const why =
      `${fetched.stderr ?? ''}${fetched.error?.message ?? ''}`.split('\n').find((l) => l.trim()) ?? 'no reason given';
    console.log(
      `npm start: no Electron binary, and fetching it failed (${why.trim().slice(0, 160)}). ` +
        'Starting the browser host instead — the same desk in a browser. For the app window, run ' +
        '`node node_modules/electron/install.js` where downloads are allowed, then `npm start` again.',
    );
    startBrowserHost();
  } else {
    run('npx', ['electron-vite', 'preview']);
  }
} else {
  run('npx', ['electron-vite', 'preview']);
}
