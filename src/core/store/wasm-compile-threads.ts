import { setFlagsFromString } from 'node:v8';

/**
 * PGlite's WebAssembly compiles on one background thread instead of V8's default of one per core: each compile thread
 * left its own malloc arena behind (bench:start measured a warm core ~30 MB lighter, and ready sooner on 2 cores).
 * V8 reads the flag whenever a compile job starts, so setting it before PGlite loads is enough; it is process-wide.
 */
export function compileWasmOnOneThread(): void {
  setFlagsFromString('--wasm-num-compilation-tasks=1');
}
