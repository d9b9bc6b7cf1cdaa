// Where the installed Electron binary is, or null: resolved as node_modules/electron/index.js does, without
// requiring it (electron 45 has no install script; that require downloads the binary, and throws when it cannot).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {string | null} */
export function electronBinary() {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative ?? 'electron') : relative ? join(pkgDir, 'dist', relative) : null;
  return binary && existsSync(binary) ? binary : null;
}

/** The script that fetches the binary (what index.js runs on first require). */
export const electronInstallScript = () =>
  join(dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
