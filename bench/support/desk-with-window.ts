/**
 * A warm desk with its window, for bench:start: the built core with the browser host in a process of its own
 * (desk-start-phase.ts, phase warm-window) and the built renderer in Debian's Chromium, standing in for Electron's
 * renderer and GPU processes. After the payout queue shows its first rows (or has loaded whole) and a 10 s settle,
 * answers the RSS and PSS of the core and of every Chromium process. This process drives Chromium (Playwright) and is not measured.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { chromium, type Page } from '@playwright/test';
import { nodeHostEnv } from '../../scripts/node-host-env.mjs';
import { othersNamed, processMemory, processTree, type ProcessMemory } from './process-tree-memory';
import { serveStaticScreen, staticCopyOf } from './static-screen-floor';

/**
 * Electron turns off Chromium's always-warm spare renderer (shell/browser/feature_list.cc), so the stand-in does too:
 * measured, it took 23 MB PSS of its own (3 MB once its shared pages are counted in the others).
 */
export const WINDOW_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-features=SpareRendererForSitePerProcess',
];
const SETTLE_MS = 10_000;

/** Starts the phase (`node <phaseArgs>`), waits for the URL it prints, and answers its process. */
async function startDesk(phaseArgs: string[], env: NodeJS.ProcessEnv) {
  const desk = spawn(process.execPath, phaseArgs, { stdio: ['pipe', 'pipe', 'inherit'], env });
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
  /** The screen as measured, its scripts left out (static-screen-floor.ts): the floor's page. */
  staticCopy: string;
}

/** The payout queue shows its first rows. */
// Row 0 is the header.
const firstRows = (page: Page) =>
  page.getByRole('table', { name: 'Payout queue' }).getByRole('row').nth(1).waitFor({ timeout: 120_000 });

/** The payout queue has loaded at least `rows` items ("100,000 waiting", nothing left loading). */
export const wholeQueue = (rows: number) => async (page: Page) => {
  const count = page.getByRole('status', { name: 'Queue count' });
  for (const until = Date.now() + 180_000; Date.now() < until; await page.waitForTimeout(250)) {
    const text = ((await count.textContent()) ?? '').trim();
    if (/^[\d,]+ waiting$/.test(text) && Number(text.replace(/\D/g, '')) >= rows) return;
  }
  throw new Error(`the payout queue did not load ${rows} items within 180 s`);
};

/**
 * The desk's processes once its window shows the first queue rows (or `loaded`) and has settled for `settleMs`. The core
 * starts as the browser host starts it (`env`, by default scripts/node-host-env.mjs).
 */
export async function measureDeskWithWindow(
  phaseArgs: string[],
  chromiumFlags: string[],
  loaded: (page: Page) => Promise<void> = firstRows,
  settleMs = SETTLE_MS,
  env: NodeJS.ProcessEnv = nodeHostEnv(),
): Promise<DeskWithWindow> {
  const { desk, url } = await startDesk(phaseArgs, env);
  // launchServer answers Chromium's own process, whose tree is the window's share of the desk.
  const server = await chromium.launchServer({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    // The payout queue is the screen a desk opens on.
    await loaded(page);
    await new Promise((r) => setTimeout(r, settleMs));
    const core = processMemory(desk.pid!, 'desk core (Node: commands, store worker, browser host)');
    const tree = processTree(server.process().pid!);
    return {
      processes: [core, ...tree.map((pid) => processMemory(pid))],
      otherChromium: othersNamed('chromium', tree),
      staticCopy: await staticCopyOf(page),
    };
  } finally {
    await server.close();
    desk.stdin.end();
    if (desk.exitCode === null) await once(desk, 'exit');
  }
}

/**
 * The browser's floor for the window's memory: Chromium with the same flags showing `staticCopy` (the same screen's
 * HTML and stylesheet, no script, no core) for the same settle. What no change to the desk can win back.
 */
export async function measureStaticWindow(
  staticCopy: string,
  chromiumFlags: string[],
  settleMs = SETTLE_MS,
): Promise<DeskWithWindow> {
  const served = await serveStaticScreen(staticCopy, 'out/renderer');
  const server = await chromium.launchServer({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(served.url);
    await page.getByRole('table', { name: 'Payout queue' }).getByRole('row').nth(1).waitFor();
    await new Promise((r) => setTimeout(r, settleMs));
    const tree = processTree(server.process().pid!);
    return {
      processes: tree.map((pid) => processMemory(pid)),
      otherChromium: othersNamed('chromium', tree),
      staticCopy,
    };
  } finally {
    await server.close();
    await served.close();
  }
}
