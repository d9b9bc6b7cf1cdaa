/** Searching everything a run left behind for a secret and a card number (issue 16), with a row per place searched. */
import { readFile } from 'node:fs/promises';
import { filesUnder } from './files';
import type { summaryTable } from './summary-table';

/** The secret as typed, and as base64 and hex in case something encoded it on the way. */
export const secretNeedles = (secret: string): Record<string, string> => ({
  secret,
  'secret (base64)': Buffer.from(secret).toString('base64'),
  'secret (hex)': Buffer.from(secret).toString('hex'),
});

/** The secret's needles and the card number as typed. */
export const leakNeedles = (secret: string, card: string): Record<string, string> => ({
  ...secretNeedles(secret),
  card,
});

/** Every file under a folder as its bytes (latin1 keeps each byte one character, so binary pages are searchable too). */
export async function filesAsText(dir: string): Promise<string[]> {
  return Promise.all((await filesUnder(dir)).map(async (f) => (await readFile(f)).toString('latin1')));
}

/** Searches each place for each needle; adds a summary row per place and returns every hit as "what in place". */
export function searchForLeaks(
  places: [place: string, texts: string[]][],
  needles: Record<string, string>,
  summary: ReturnType<typeof summaryTable>,
): string[] {
  const hits: string[] = [];
  for (const [place, texts] of places) {
    const found = Object.entries(needles).flatMap(([what, needle]) =>
      texts.filter((t) => t.includes(needle)).map(() => `${what} in ${place}`),
    );
    hits.push(...found);
    summary.add({
      scenario: place,
      runs: texts.length,
      passed: texts.filter((t) => !Object.values(needles).some((n) => t.includes(n))).length,
      figures: `${texts.reduce((n, t) => n + t.length, 0)} characters searched; ${found.length} hits`,
    });
  }
  return hits;
}
