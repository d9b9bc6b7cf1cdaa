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
/** Told of every change: a new reading for a host, or null once that host answered normally again. */
export type ClockListener = (clock: Clock, baseUrl: string, reading: ClockReading | null) => void;

// Per clock (the desk has one, Date.now; tests inject skewed ones), then per Praxis base URL.
const readings = new WeakMap<Clock, Map<string, ClockReading>>();
const of = (clock: Clock) => readings.get(clock) ?? readings.set(clock, new Map()).get(clock)!;
const listeners = new Set<ClockListener>();
const tell = (clock: Clock, baseUrl: string, reading: ClockReading | null) => {
  for (const listener of listeners) listener(clock, baseUrl, reading);
};

const movedBeyondASecond = (was: number | null, now: number | null) =>
  was === null || now === null ? was !== now : Math.abs(was - now) > 1;

export const clockWatch = {
  offBy: (clock: Clock, baseUrl: string): ClockReading | null => of(clock).get(baseUrl) ?? null,
  refused: (clock: Clock, baseUrl: string, skewSeconds: number | undefined) => {
    const reading = { skewSeconds: skewSeconds ?? null };
    const known = of(clock).get(baseUrl);
    // Every refused call says it again, a second either way (timestamps are whole seconds): that is the same reading,
    // kept as it is, so what listeners were told and what offBy answers never differ.
    if (known && !movedBeyondASecond(known.skewSeconds, reading.skewSeconds)) return;
    of(clock).set(baseUrl, reading);
    tell(clock, baseUrl, reading);
  },
  answered: (clock: Clock, baseUrl: string) => {
    if (of(clock).delete(baseUrl)) tell(clock, baseUrl, null);
  },
  /** Returns the unsubscribe. */
  onChange: (listener: ClockListener): (() => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};
