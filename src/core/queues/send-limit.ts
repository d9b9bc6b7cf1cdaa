import { createSlots } from '../bounded';

/**
 * One limit on concurrent bulk sends for a whole desk: every bulk run (of any queue) shares it, so two overlapping
 * runs at concurrency 8 still have at most 8 sends at Praxis. The limit follows the latest run's setting.
 */
export function createSendLimit(initial = 8) {
  let limit = initial;
  const run = createSlots(() => limit);
  return {
    run,
    setLimit(n: number) {
      limit = n;
    },
  };
}
export type SendLimit = ReturnType<typeof createSendLimit>;
