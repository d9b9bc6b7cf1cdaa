/**
 * Where the store worker's code is. From source (vitest, tsx, the browser host, Playwright) it is the bootstrap next
 * to this file; the Electron main bundle names its own built copy at start (src/main/index.ts).
 */
let workerModule: URL | string = new URL('./pglite-worker-source.mjs', import.meta.url);

export const pgliteWorkerModule = (): URL | string => workerModule;

/** The built worker's path (electron-vite's `?modulePath`), set once by the app before any store opens. */
export function usePgliteWorkerModule(path: string): void {
  workerModule = path;
}
