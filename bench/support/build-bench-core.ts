/**
 * Builds a bench entry and the store worker the way electron-vite builds the app's main process (Rolldown through
 * Vite, dependencies left in node_modules), so a bench can run the desk's core as shipped: plain Node, no tsx.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Builds into out/bench; answers the entry's and the store worker's paths. */
export async function buildBenchCore(entry: string): Promise<{ entry: string; storeWorker: string }> {
  const outDir = `${ROOT}out/bench`;
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: {
        input: { entry: `${ROOT}${entry}`, 'pglite-worker': `${ROOT}src/core/store/pglite-worker.ts` },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
  return { entry: `${outDir}/entry.js`, storeWorker: `${outDir}/pglite-worker.js` };
}
