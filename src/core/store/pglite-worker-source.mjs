// The store worker run from TypeScript source (vitest, tsx, Playwright): a worker thread starts without the parent's
// TypeScript loader, so it registers one. The Electron build runs the bundled pglite-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-worker.ts');
