/** CPU time of a process tree (Linux /proc), e.g. a PostgreSQL server's postmaster and its backends. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processTree } from './process-tree-memory';

const TICKS_PER_MS = 100 / 1000;

/** ms of CPU used so far by `root` and its live children, plus the children it has already reaped. */
export function treeCpuMs(root: number): number {
  let ticks = 0;
  for (const pid of processTree(root)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14-17 of stat (utime, stime, cutime, cstime) are 11-14 after the command name.
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch {
      // ended between listing and reading: its time is in its parent's cutime once reaped
    }
  }
  return ticks / TICKS_PER_MS;
}

/** The postmaster of a PostgreSQL data folder (first line of postmaster.pid). */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}
