/** Live processes and their parents, read from /proc (Linux): for benches and tests that look at a desk's processes. */
import { readdirSync, readFileSync } from 'node:fs';

/** The parent pid of each live process; a process that ended meanwhile is left out. */
export function parents(): Map<number, number> {
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
