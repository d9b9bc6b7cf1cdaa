import type { CallGauge } from '../../../src/core/sandbox/faults';

/** What the simulator's gauge says of the signed calls it served: per path, how many in all and how many in flight. */
export type SimCallStats = ReturnType<CallGauge['snapshot']>;

export async function simCallStats(simulatorUrl: string): Promise<SimCallStats> {
  const res = await fetch(`${simulatorUrl}/_sim/stats`);
  if (!res.ok) throw new Error(`The simulator's /_sim/stats answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as SimCallStats;
}
