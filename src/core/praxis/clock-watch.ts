/**
 * What the desk last learned about its clock against one Praxis host: set by a refusal for the timestamp, cleared
 * by the next normal answer from that host (any client on the same clock: the connection test's, a queue's). While
 * it is set, money-moving calls to that host are not sent — Praxis would refuse them, and the operator was told why.
 */
export interface ClockReading {
  /** Seconds our clock is ahead (+) or behind (−) Praxis; null when the refusal did not say. */
  skewSeconds: number | null;
}

type Clock = () => number;
// Per clock (the desk has one, Date.now; tests inject skewed ones), then per Praxis base URL.
const readings = new WeakMap<Clock, Map<string, ClockReading>>();
const of = (clock: Clock) => readings.get(clock) ?? readings.set(clock, new Map()).get(clock)!;

export const clockWatch = {
  offBy: (clock: Clock, baseUrl: string): ClockReading | null => of(clock).get(baseUrl) ?? null,
  refused: (clock: Clock, baseUrl: string, skewSeconds: number | undefined) =>
    void of(clock).set(baseUrl, { skewSeconds: skewSeconds ?? null }),
  answered: (clock: Clock, baseUrl: string) => void of(clock).delete(baseUrl),
};
