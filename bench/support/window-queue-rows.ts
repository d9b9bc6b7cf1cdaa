/** The payout queue of issue 15's second memory goal (all the desk's processes ≤ 600 MB after it), in bench:start. */
export const WINDOW_QUEUE_ROWS = 100_000;
