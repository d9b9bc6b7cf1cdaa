/**
 * Sends signed notifications (api-reference §5.1) to each item's notification_url and retries with back-off
 * while the answer is not `status: 0`. Each attempt is re-signed with a fresh timestamp, so a merchant's
 * 60 s window accepts a retry. The merchant's signed acknowledgement is checked and logged, never required.
 */
import type { Logger } from '../log';
import { NotificationAckSchema } from '../praxis/schemas';
import { API_VERSION } from '../praxis/transport';
import { notificationSignature, verifyAckSignature } from '../praxis/webhooks';
import type { Book } from './book';
import type { FaultSwitches } from './faults';

export interface NotifierDeps {
  book: Book;
  faults: FaultSwitches;
  credentials: { merchantId: string; applicationKey: string; secret: string };
  defaultUrl: () => string | null;
  nowMs: () => number;
  retryBaseMs: number;
  logger?: Logger;
}

const MAX_ATTEMPTS = 8;
const MAX_DELAY_MS = 60_000;
const ATTEMPT_TIMEOUT_MS = 10_000;

export class Notifier {
  private pending = 0;
  private waiters: (() => void)[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private aborts = new Set<AbortController>();
  private stopped = false;

  constructor(private readonly d: NotifierDeps) {}

  /** The body Praxis would send for the item's current state, stamped now. */
  body(tid: number): Record<string, unknown> | null {
    const view = this.d.book.view(tid);
    if (!view?.transaction) return null;
    return {
      merchant_id: this.d.credentials.merchantId,
      application_key: this.d.credentials.applicationKey,
      conversion_rate: view.transaction.conversion_rate,
      customer: view.customer,
      session: view.session,
      transaction: view.transaction,
      version: API_VERSION,
      timestamp: Math.floor(this.d.nowMs() / 1000),
    };
  }

  /** A status change of `tid`: notify it, honouring the drop/duplicate faults. */
  notify(tid: number): void {
    const url = this.d.book.notificationUrlOf(tid, this.d.defaultUrl());
    const rec = this.d.book.records.get(tid);
    if (!url || !rec || this.stopped) return;
    if (this.d.faults.take('dropNotifications')) {
      rec.notifications.dropped++;
      this.d.logger?.info('sim: notification dropped by fault', { tid });
      return;
    }
    const copies = this.d.faults.take('duplicateNotifications') ? 2 : 1;
    for (let i = 0; i < copies; i++) void this.track(this.attempt(tid, 1));
  }

  /** Re-sends every item's current notification to its URL; resolves with how many were sent once each first attempt ended. */
  async replay(): Promise<number> {
    const tids = [...this.d.book.records.values()]
      .sort((a, b) => a.tx.created_at - b.tx.created_at)
      .map((r) => r.tx.tid);
    const targets = tids
      .map((tid) => ({ tid, url: this.d.book.notificationUrlOf(tid, this.d.defaultUrl()) }))
      .filter((t): t is { tid: number; url: string } => !!t.url);
    // A few at a time: the receiver is a desk on the same two cores.
    let next = 0;
    const worker = async () => {
      while (next < targets.length && !this.stopped) {
        const t = targets[next++]!;
        await this.track(this.attempt(t.tid, 1));
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    return targets.length;
  }

  /** The URL is looked up on every attempt, so retries of seeded items follow setNotificationUrl. */
  private async attempt(tid: number, n: number): Promise<void> {
    const rec = this.d.book.records.get(tid);
    const body = this.body(tid);
    const url = this.d.book.notificationUrlOf(tid, this.d.defaultUrl());
    if (!rec || !body || !url || this.stopped) return;
    const abort = new AbortController();
    this.aborts.add(abort);
    const timer = setTimeout(() => abort.abort(), ATTEMPT_TIMEOUT_MS);
    let accepted = false;
    try {
      rec.notifications.sent++;
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Gt-Authentication': notificationSignature(body, this.d.credentials.secret),
        },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const ack = NotificationAckSchema.safeParse(json);
      accepted = ack.success && ack.data.status === 0;
      const header = res.headers.get('gt-authentication');
      if (ack.success && !header) this.d.logger?.info('sim: acknowledgement is unsigned', { tid });
      else if (ack.success && !verifyAckSignature(text, this.d.credentials.secret, header))
        this.d.logger?.warn('sim: acknowledgement signature does not verify', { tid });
    } catch (e) {
      this.d.logger?.info('sim: notification could not be delivered', { tid, attempt: n, reason: (e as Error).name });
    } finally {
      clearTimeout(timer);
      this.aborts.delete(abort);
    }
    if (accepted) {
      rec.notifications.acknowledged++;
      return;
    }
    rec.notifications.failedAttempts++;
    if (n >= MAX_ATTEMPTS || this.stopped) return;
    const delay = Math.min(this.d.retryBaseMs * 2 ** (n - 1), MAX_DELAY_MS);
    await this.track(
      new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.timers.delete(t);
          void this.attempt(tid, n + 1).then(resolve, resolve);
        }, delay);
        this.timers.add(t);
      }),
    );
  }

  private async track(p: Promise<void>): Promise<void> {
    this.pending++;
    try {
      await p;
    } finally {
      this.pending--;
      if (this.pending === 0) for (const w of this.waiters.splice(0)) w();
    }
  }

  /** Resolves when no notification is being sent or waiting for a retry. */
  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const a of this.aborts) a.abort();
    this.pending = 0;
    for (const w of this.waiters.splice(0)) w();
  }
}
