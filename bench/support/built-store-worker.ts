/** The store worker as the Electron build ships it: one bundled file, without the TypeScript loader a source run needs. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHUNKS = fileURLToPath(new URL('../../out/main/chunks/', import.meta.url));

/** Its path in out/main (made by `electron-vite build`, which `npm run bench` runs first), or null when not built. */
export function builtStoreWorker(): string | null {
  try {
    const name = readdirSync(CHUNKS).find((f) => /^pglite-worker-.*\.js$/.test(f));
    return name ? CHUNKS + name : null;
  } catch {
    return null;
  }
}
