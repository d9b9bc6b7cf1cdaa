/** Live processes and their parents, read from /proc (Linux): for benches and tests that look at a desk's processes. */
import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat after "pid (comm)" — state, ppid, … — or null once the process is gone. */
function statFields(pid: number): string[] | null {
  try {
    // comm may hold spaces and parentheses, so read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The parent pid of each live process; a process that ended meanwhile is left out. */
export function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(Number(name));
    if (fields) out.set(Number(name), Number(fields[1]));
  }
  return out;
}

/** Still running: a process that is gone, or a zombie (ended, not yet reaped), is not. */
export function isRunning(pid: number): boolean {
  const fields = statFields(pid);
  return fields !== null && fields[0] !== 'Z';
}

/** `root` and every process under it, parents before children. */
export function processTree(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(byParent.get(out[i]!) ?? []));
  return out;
}
