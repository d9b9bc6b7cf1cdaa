/** Waits out Chromium's own window UI before a page is measured (Linux /proc). */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { processTree } from './process-tree-memory';

const TICKS_PER_MS = 100 / 1000;

/** CPU ms used so far by this process's Chromium renderers of the browser's own UI (`--top-chrome-webui`). */
function topChromeCpuMs(): number {
  let ticks = 0;
  for (const pid of processTree(process.pid)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--top-chrome-webui')) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // ended between listing and reading
    }
  }
  return ticks / TICKS_PER_MS;
}

/**
 * Every new Chromium window starts a renderer for the browser's own UI (the omnibox popup's WebUI), which loads ~300
 * modules in its first second or two; an Electron window has none. Measuring a page opened meanwhile measures the
 * two sharing this machine's 2 cores, so wait until that renderer has been idle for 300 ms (at most 8 s).
 */
export async function chromiumWindowSettled(): Promise<void> {
  const until = Date.now() + 8_000;
  let last = topChromeCpuMs();
  let quietSince = Date.now();
  while (Date.now() < until && Date.now() - quietSince < 300) {
    await sleep(50);
    const now = topChromeCpuMs();
    if (now !== last) quietSince = Date.now();
    last = now;
  }
}
