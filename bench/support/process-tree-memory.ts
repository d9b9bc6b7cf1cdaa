/**
 * Resident memory of other processes, read from /proc (Linux): a process and its descendants, each with RSS and PSS
 * (/proc/<pid>/smaps_rollup). PSS divides each shared page among the processes sharing it, so PSS adds up honestly
 * across processes; RSS counts a shared page once in every process that maps it.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessMemory {
  pid: number;
  /** Chromium's --type (renderer, gpu-process, utility, zygote…), or "browser" for Chromium's first process. */
  role: string;
  rssKb: number;
  pssKb: number;
  /** Pages no other process maps (USS): what ending this process alone would free. */
  privateKb: number;
}

/** The parent pid of each live process; a process that ended meanwhile is left out. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      out.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended between readdir and read
    }
  }
  return out;
}

/** `root` and every process under it, parents before children. */
export function processTree(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(byParent.get(out[i]!) ?? []));
  return out;
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
