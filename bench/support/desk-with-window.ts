/**
 * A warm desk with its window, for bench:start: the built core with the browser host in a process of its own
 * (desk-start-phase.ts, phase warm-window) and the built renderer in Debian's Chromium, standing in for Electron's
 * renderer and GPU processes. After the payout queue shows its first rows and a 10 s settle, answers the RSS and PSS
 * of the core and of every Chromium process. This process drives Chromium (Playwright) and is not measured.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { othersNamed, processMemory, processTree, type ProcessMemory } from './process-tree-memory';

export const WINDOW_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const SETTLE_MS = 10_000;

/** Starts the phase (`node <phaseArgs>`), waits for the URL it prints, and answers its process. */
async function startDesk(phaseArgs: string[]) {
  const desk = spawn(process.execPath, phaseArgs, { stdio: ['pipe', 'pipe', 'inherit'] });
  const failed = once(desk, 'exit').then(([code]) => {
    throw new Error(`the desk's core ended before it served its window (exit ${String(code)})`);
  });
  const lines = createInterface({ input: desk.stdout });
  const url = (async () => {
    for await (const line of lines) if (line.startsWith('{"url"')) return (JSON.parse(line) as { url: string }).url;
    throw new Error('the desk core closed its output without printing its URL');
  })();
  return { desk, url: await Promise.race([url, failed]) };
}

export interface DeskWithWindow {
  /** Core first, then Chromium's processes. */
  processes: ProcessMemory[];
  /** Chromium processes of others (other benches, tests) at the same moment: they take a share of the PSS. */
  otherChromium: number;
}

/** The desk's processes once its window shows the first queue rows and has settled. */
export async function measureDeskWithWindow(phaseArgs: string[], chromiumFlags: string[]): Promise<DeskWithWindow> {
  const { desk, url } = await startDesk(phaseArgs);
  // launchServer answers Chromium's own process, whose tree is the window's share of the desk.
  const server = await chromium.launchServer({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    // Row 0 is the header; the payout queue is the screen a desk opens on.
    await page.getByRole('table', { name: 'Payout queue' }).getByRole('row').nth(1).waitFor({ timeout: 120_000 });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const core = processMemory(desk.pid!, 'desk core (Node: commands, store worker, browser host)');
    const tree = processTree(server.process().pid!);
    return {
      processes: [core, ...tree.map((pid) => processMemory(pid))],
      otherChromium: othersNamed('chromium', tree),
    };
  } finally {
    await server.close();
    desk.stdin.end();
    if (desk.exitCode === null) await once(desk, 'exit');
  }
}
