/**
 * Where this process's resident memory is, read from /proc/self/smaps (Linux): the parts a warm start is judged by.
 * The store worker's heap and PGlite's WebAssembly heap size come from the worker itself (storeWorkerMemory).
 */
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import type { StoreThreadMemory } from '../../src/core/store/pglite-worker-protocol';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

interface Mapping {
  sizeBytes: number;
  perms: string;
  name: string;
  rssBytes: number;
}

function mappings(): Mapping[] {
  const out: Mapping[] = [];
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      out.push({
        sizeBytes: parseInt(head[2]!, 16) - parseInt(head[1]!, 16),
        perms: head[3]!,
        name: head[4]!,
        rssBytes: 0,
      });
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && out.length) out[out.length - 1]!.rssBytes = Number(rss[1]) * 1024;
  }
  return out;
}

/** MB by part; the parts add up to `rss MB`. */
export function processParts(worker: StoreThreadMemory | null): Record<string, number> {
  const maps = mappings();
  const sum = (pick: (m: Mapping) => boolean) => maps.filter(pick).reduce((a, m) => a + m.rssBytes, 0);
  const rss = sum(() => true);
  const files = sum((m) => m.name.startsWith('/'));
  // PGlite's linear memory is one anonymous read-write mapping exactly its size (V8 keeps the guard region apart).
  const wasmHeap = worker?.wasmBytes ? sum((m) => m.sizeBytes === worker.wasmBytes && m.perms === 'rw-p') : 0;
  // JIT and WebAssembly machine code (V8 maps code space read-write-execute on this machine).
  const code = sum((m) => !m.name && m.perms === 'rwxp');
  const ownHeap = process.memoryUsage().heapTotal;
  const youngGen = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.physical_space_size ?? 0;
  const workerHeap = worker?.heapTotalBytes ?? 0;
  const parts = {
    'Node binary + libraries': mb(files),
    'main JS heap': mb(ownHeap),
    '(of which young gen)': mb(youngGen),
    'worker JS heap': mb(workerHeap),
    'PGlite wasm heap touched': mb(wasmHeap),
    'JIT + wasm code': mb(code),
    'malloc + rest': mb(rss - files - ownHeap - workerHeap - wasmHeap - code),
  };
  return { 'rss MB': mb(rss), ...parts };
}
