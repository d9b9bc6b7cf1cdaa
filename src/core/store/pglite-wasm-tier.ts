import { setFlagsFromString } from 'node:v8';

let applied = false;

/**
 * Keeps PGlite's WebAssembly on V8's baseline compiler (Liftoff): TurboFan recompiling PostgreSQL's hot functions
 * left ~60 MB more RSS at a warm start (its compile memory stays with malloc; bench:start "malloc + rest") and, on
 * two busy cores, made the first queries slower, not faster. V8 flags are per process and read when a module is
 * compiled, so this runs before the first PGlite of the process, on whichever thread opens it (Electron keeps
 * v8.setFlagsFromString working in its main process). The only other WebAssembly here, fetch's small HTTP parser
 * (the sandbox's notifier), runs on Liftoff too.
 */
export function keepWasmOnBaselineCompiler(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--liftoff-only');
}
