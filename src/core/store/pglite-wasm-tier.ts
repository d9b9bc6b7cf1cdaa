import { setFlagsFromString } from 'node:v8';

let applied = false;

/**
 * Keeps PGlite's WebAssembly on V8's baseline compiler (Liftoff): TurboFan recompiling PostgreSQL's hot functions
 * held some 55 MB more RSS at a warm start and, on two busy cores, made the first queries slower, not faster
 * (bench:start, design.md "Memory"). V8 flags are per process and read when a module is compiled, so this runs
 * before the first PGlite of the process, on whichever thread opens it; the desk runs no other WebAssembly.
 */
export function keepWasmOnBaselineCompiler(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--liftoff-only');
}
