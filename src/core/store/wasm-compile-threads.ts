import { setFlagsFromString } from 'node:v8';

/**
 * PGlite's WebAssembly tiers up on one background compile task instead of V8's many: measured with bench:start's
 * phases side by side, a warm core held 25–30 MB less and was ready sooner on 2 cores; bulk approve was unchanged.
 * V8 reads the flag whenever a compile job starts, so setting it before PGlite loads is enough; it is process-wide.
 */
export function compileWasmOnOneThread(): void {
  setFlagsFromString('--wasm-num-compilation-tasks=1');
}
