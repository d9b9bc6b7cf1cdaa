import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built page (npm test builds before it runs vitest): what a window parses before its first rows.
const RENDERER = 'out/renderer';
/** zod's classic build names its error class "ZodError"; its core and mini builds only "$ZodError". */
const CLASSIC_ZOD = /[`"']ZodError[`"']/;

async function startScripts(): Promise<string[]> {
  const html = await readFile(join(RENDERER, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.\/([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
}

describe("the page's start-up scripts", () => {
  it("carry zod's mini build only: the classic one (~90 KB more to parse) waits for the screens that need it", async () => {
    const atStart = await startScripts();
    expect(atStart.length).toBeGreaterThan(1);
    for (const file of atStart) expect(await readFile(join(RENDERER, file), 'utf8')).not.toMatch(CLASSIC_ZOD);
    // The check can see classic zod where it is: the terminal's form checks drafts with the contract's schemas.
    const later = (await readdir(join(RENDERER, 'assets'))).filter((f) => !atStart.includes(`assets/${f}`));
    const classic = [];
    for (const f of later) if (CLASSIC_ZOD.test(await readFile(join(RENDERER, 'assets', f), 'utf8'))) classic.push(f);
    expect(classic.some((f) => f.startsWith('TerminalScreen-'))).toBe(true);
  });
});
