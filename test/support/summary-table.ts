/** The closing table a reliability or security suite prints: one row per scenario, what it ran and what it found. */
export interface SummaryRow {
  scenario: string;
  runs: number;
  passed: number;
  figures: string;
}

/** Collects rows while a suite runs; `print` writes them as one console table (call it in afterAll). */
export function summaryTable(title: string) {
  const rows: SummaryRow[] = [];
  return {
    add(row: SummaryRow) {
      rows.push(row);
    },
    print() {
      console.log(`\n${title}`);
      console.table(rows);
    },
  };
}

/** PRAXIS_DESK_LONG_TESTS=1 (set by .ci/run) runs the full sizes; otherwise a short version keeps `npm test` quick. */
export const LONG_TESTS = process.env.PRAXIS_DESK_LONG_TESTS === '1';

/** The seed a randomized suite uses: PRAXIS_DESK_SEED replays a failure; otherwise a fresh one, printed. */
export function runSeed(): number {
  const given = process.env.PRAXIS_DESK_SEED;
  const seed = given ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed)) throw new Error(`PRAXIS_DESK_SEED must be an integer, not "${given}"`);
  console.log(`seed ${seed} (replay with PRAXIS_DESK_SEED=${seed})`);
  return seed;
}
