/** The simulator's fault switches (body documented on SimFaults in types.ts). */
import { z } from 'zod';
import type { SimFaults, SimStatusAnswer, SimTidFault } from './types';

const count = z.number().int().min(0).max(1000);

const StatusAnswerSchema = z
  .strictObject({
    tid: z.number().int().positive().optional(),
    orderId: z.string().min(1).max(50).optional(),
    status: z.string().min(1).max(32),
    details: z.string().min(1).max(255).optional(),
    seconds: z.number().positive().max(3600),
  })
  .refine((a) => (a.tid === undefined) !== (a.orderId === undefined), 'give exactly one of tid or orderId');

const TidFaultSchema = z.strictObject({
  tid: z.number().int().positive(),
  fault: z.enum(['http5xx', 'refuse', 'timeoutAfterApply']),
  description: z.string().min(1).max(200).optional(),
  times: z.number().int().min(1).max(1000).optional(),
});

export const SimFaultsSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  http5xx: count.optional(),
  timeoutAfterApply: count.optional(),
  timeoutMode: z.enum(['hang', 'drop']).optional(),
  wrongSignature: count.optional(),
  dropNotifications: count.optional(),
  duplicateNotifications: count.optional(),
  holdPayouts: z.boolean().optional(),
  clockOffsetMs: z.number().int().min(-86_400_000).max(86_400_000).optional(),
  shortPayouts: count.optional(),
  shortByMinor: z.number().int().min(1).max(1_000_000).optional(),
  findStatus: z.array(StatusAnswerSchema).max(100).optional(),
  tidFaults: z.array(TidFaultSchema).max(1000).optional(),
});

type CountedFault =
  'http5xx' | 'timeoutAfterApply' | 'wrongSignature' | 'dropNotifications' | 'duplicateNotifications' | 'shortPayouts';

interface HeldAnswer {
  tid?: number;
  orderId?: string;
  status: string;
  details?: string;
  untilMs: number;
}

export class FaultSwitches {
  private f: Omit<SimFaults, 'findStatus' | 'tidFaults'> = {};
  private answers: HeldAnswer[] = [];
  private tidFaults: SimTidFault[] = [];

  constructor(private readonly nowMs: () => number = Date.now) {}

  set(faults: SimFaults): void {
    const { findStatus, tidFaults, ...rest } = faults;
    this.f = { ...this.f, ...rest };
    // Each new fault replaces an older one for the same tid.
    for (const t of tidFaults ?? []) this.tidFaults = [...this.tidFaults.filter((o) => o.tid !== t.tid), { ...t }];
    // Each new answer replaces an older one for the same item; the rest are kept.
    for (const a of findStatus ?? []) {
      this.answers = this.answers.filter((h) => !(h.tid === a.tid && h.orderId === a.orderId));
      this.answers.push({
        tid: a.tid,
        orderId: a.orderId,
        status: a.status,
        details: a.details,
        untilMs: this.nowMs() + a.seconds * 1000,
      });
    }
  }
  clear(): void {
    this.f = {};
    this.answers = [];
    this.tidFaults = [];
  }
  current(): SimFaults {
    const now = this.nowMs();
    const findStatus: SimStatusAnswer[] = this.live(now).map((a) => ({
      ...(a.tid !== undefined ? { tid: a.tid } : { orderId: a.orderId }),
      status: a.status,
      ...(a.details ? { details: a.details } : {}),
      seconds: Math.round((a.untilMs - now) / 100) / 10,
    }));
    return {
      ...this.f,
      ...(findStatus.length ? { findStatus } : {}),
      ...(this.tidFaults.length ? { tidFaults: this.tidFaults.map((t) => ({ ...t })) } : {}),
    };
  }
  get latencyMs(): number {
    return this.f.latencyMs ?? 0;
  }
  get timeoutMode(): 'hang' | 'drop' {
    return this.f.timeoutMode ?? 'hang';
  }
  /** How far the simulator's clock is from the machine's (+ ahead): what it stamps and checks timestamps with. */
  get clockOffsetMs(): number {
    return this.f.clockOffsetMs ?? 0;
  }
  /** Payouts made now stay `pending` (processing at the PSP) until `/_sim/settle-payouts`. */
  get holdPayouts(): boolean {
    return this.f.holdPayouts ?? false;
  }
  /** How much less than asked the next payout is booked at (shortPayouts), or 0. */
  takeShortfall(): number {
    return this.take('shortPayouts') ? (this.f.shortByMinor ?? 1) : 0;
  }
  /** The status (and details) find-transaction (by tid) or find-order (by order_id) must answer now, if a test set one. */
  statusAnswer(key: { tid?: number; orderId?: string }): { status: string; details?: string } | null {
    const hit = this.live(this.nowMs()).find((a) =>
      key.tid !== undefined ? a.tid === key.tid : a.orderId !== undefined && a.orderId === key.orderId,
    );
    return hit ? { status: hit.status, details: hit.details } : null;
  }
  /** Uses up one occurrence of the fault set for this tid (a money-moving call naming it), if any. */
  takeTidFault(tid: number): SimTidFault | null {
    const hit = this.tidFaults.find((t) => t.tid === tid);
    if (!hit) return null;
    const left = (hit.times ?? 1) - 1;
    this.tidFaults = this.tidFaults.filter((t) => t !== hit);
    if (left > 0) this.tidFaults.push({ ...hit, times: left });
    return hit;
  }
  /** Uses up one occurrence of a counted fault; true when it fires. */
  take(name: CountedFault): boolean {
    const left = this.f[name] ?? 0;
    if (left <= 0) return false;
    this.f[name] = left - 1;
    return true;
  }
  private live(now: number): HeldAnswer[] {
    this.answers = this.answers.filter((a) => a.untilMs > now);
    return this.answers;
  }
}

/** How many signed calls the simulator is serving at once, per path, the most it has seen, and how many in all. */
export class CallGauge {
  private inFlight = new Map<string, number>();
  private max = new Map<string, number>();
  private served = new Map<string, number>();

  enter(path: string): () => void {
    const n = (this.inFlight.get(path) ?? 0) + 1;
    this.inFlight.set(path, n);
    this.max.set(path, Math.max(this.max.get(path) ?? 0, n));
    this.served.set(path, (this.served.get(path) ?? 0) + 1);
    return () => this.inFlight.set(path, (this.inFlight.get(path) ?? 1) - 1);
  }
  snapshot(): {
    inFlight: Record<string, number>;
    maxInFlight: Record<string, number>;
    served: Record<string, number>;
  } {
    return {
      inFlight: Object.fromEntries(this.inFlight),
      maxInFlight: Object.fromEntries(this.max),
      served: Object.fromEntries(this.served),
    };
  }
  reset(): void {
    this.max = new Map([...this.inFlight]);
  }
}
