/**
 * Resident memory of other processes, read from /proc (Linux): a process and its descendants, each with RSS and PSS
 * (/proc/<pid>/smaps_rollup). PSS divides each shared page among the processes sharing it, so PSS adds up honestly
 * across processes; RSS counts a shared page once in every process that maps it.
 */
import { readFileSync } from 'node:fs';
import { parents, processTree } from '../../test/support/process-tree';

export { processTree };

export interface ProcessMemory {
  pid: number;
  /** Chromium's --type (renderer, gpu-process, utility, zygote…), or "browser" for Chromium's first process. */
  role: string;
  rssKb: number;
  pssKb: number;
  /** Pages no other process maps (USS): what ending this process alone would free. */
  privateKb: number;
}

/** How many live processes named `comm` are not among `mine`: they share file pages with mine, lowering my PSS. */
export function othersNamed(comm: string, mine: number[]): number {
  let n = 0;
  for (const pid of parents().keys()) {
    if (mine.includes(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm) n++;
    } catch {
      // ended meanwhile
    }
  }
  return n;
}

function chromiumRole(pid: number): string {
  // Chromium rewrites its children's command lines as one space-separated string.
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length);
  if (!type) return 'browser';
  const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice('--utility-sub-type='.length);
  // Chromium's own UI (top-chrome WebUI) and extensions get renderers too; Electron has neither.
  const kind = sub ?? ['--top-chrome-webui', '--extension-process'].find((a) => args.includes(a))?.slice(2);
  return kind ? `${type} (${kind})` : type;
}

/** RSS and PSS of one process; `role` says what it is. */
export function processMemory(pid: number, role = chromiumRole(pid)): ProcessMemory {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
  return { pid, role, rssKb: kb('Rss'), pssKb: kb('Pss'), privateKb: kb('Private_Clean') + kb('Private_Dirty') };
}
