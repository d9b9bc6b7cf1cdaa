import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { INT8_OID, parseInt8 } from './db';

/**
 * PGlite's defaults plus small memory settings: PostgreSQL's default 128 MB shared_buffers is most of a
 * reopened store's RSS (design.md), and one desk never needs it. 8 MB rather than 16 (issue 15, side by side on
 * 2026-12-07): the core 12 MB smaller at a warm start and 15 MB after the 100k queue, bulk approve of 1,000 as fast,
 * the 100k list read ~5 % slower (whole list 5.6 → 5.9 s; its first 500 rows as fast).
 */
const DESK_START_PARAMS = [
  '-c',
  'shared_buffers=8MB',
  '-c',
  // One connection ever (single-user mode): the default 100 sizes shared memory for backends that never come.
  'max_connections=10',
  '-c',
  'wal_buffers=1MB',
  '-c',
  'work_mem=4MB',
  '-c',
  'maintenance_work_mem=16MB',
];

function defaultStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams;
  return [...(defaults ?? []), ...DESK_START_PARAMS];
}

/**
 * How every desk PGlite is opened, on whichever thread: its folder (none = in memory), memory settings, int8 as numbers.
 * Its WebAssembly keeps V8's tier-up: '--liftoff-only' saved ~60 MB at a warm start but made bulk approve of 1,000
 * 10–55 % slower (the store thread is CPU-bound there; bench:payouts side by side); the start is under 300 MB without it.
 */
export function deskPgliteOptions(dataDir?: string): PGliteOptions {
  return {
    ...(dataDir ? { dataDir } : {}),
    startParams: defaultStartParams(),
    parsers: { [INT8_OID]: (text: string) => parseInt8(text) },
  };
}

/** The bytes PGlite's WebAssembly instance holds (its whole PostgreSQL heap), where PGlite exposes it. */
export function pgliteWasmBytes(pg: PGlite): number | null {
  const mod = (pg as unknown as { mod?: { HEAPU8?: Uint8Array } }).mod;
  return mod?.HEAPU8?.byteLength ?? null;
}
