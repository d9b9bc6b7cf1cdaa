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

/** What one notification is about: a transaction, or a session that has none (`"transaction": null`). */
type NotifyTarget = { tid: number } | { orderId: string };

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

  /** The body Praxis would send for the item's current state, stamped now; `transaction` null for a session alone. */
  body(target: NotifyTarget): Record<string, unknown> | null {
    const view =
      'tid' in target
        ? this.d.book.view(target.tid)
        : { ...this.d.book.sessionView(target.orderId), transaction: null };
    if (!view?.session || !view.customer) return null;
    if ('tid' in target && !view.transaction) return null;
    const tx = view.transaction;
    return {
      merchant_id: this.d.credentials.merchantId,
      application_key: this.d.credentials.applicationKey,
      // The documented (processed) sale carries a top-level conversion_rate; the captured requested payout has none (§8a).
      ...(tx && tx.processed_amount !== null ? { conversion_rate: tx.conversion_rate } : {}),
      customer: view.customer,
      session: view.session,
      transaction: tx,
      version: API_VERSION,
      timestamp: Math.floor(this.d.nowMs() / 1000),
    };
  }

  /** A status change of `tid`: notify it, honouring the drop/duplicate faults. */
  notify(tid: number): void {
    this.send({ tid });
  }

  /** A session that ended without a transaction (an expired virtual-terminal session): `"transaction": null`. */
  notifySession(orderId: string): void {
    this.send({ orderId });
  }

  private send(target: NotifyTarget): void {
    const rec = 'tid' in target ? this.d.book.records.get(target.tid) : undefined;
    if (!this.urlOf(target) || ('tid' in target && !rec) || this.stopped) return;
    if (this.d.faults.take('dropNotifications')) {
      if (rec) rec.notifications.dropped++;
      this.d.logger?.info('sim: notification dropped by fault', target);
      return;
    }
    const copies = this.d.faults.take('duplicateNotifications') ? 2 : 1;
    for (let i = 0; i < copies; i++) void this.track(this.attempt(target, 1));
  }

  private urlOf(target: NotifyTarget): string | null {
    return 'tid' in target
      ? this.d.book.notificationUrlOf(target.tid, this.d.defaultUrl())
      : (this.d.book.sessions.get(target.orderId)?.notificationUrl ?? this.d.defaultUrl());
  }

  /**
   * Re-sends every item's current notification to its URL; resolves with how many were sent once each first
   * attempt ended (retries go on in the background: a dead URL must not hold the caller for minutes).
   */
  async replay(): Promise<number> {
    const targets = [...this.d.book.records.values()]
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((r) => ({ tid: r.tx.tid }))
      .filter((t) => !!this.urlOf(t));
    // A few at a time: the receiver is a desk on the same two cores.
    let next = 0;
    const worker = async () => {
      while (next < targets.length && !this.stopped) {
        const t = targets[next++]!;
        await this.track(this.attempt(t, 1));
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    return targets.length;
  }

  /** One attempt; a failed one schedules the next without waiting for it. The URL is looked up on every attempt. */
  private async attempt(target: NotifyTarget, n: number): Promise<void> {
    const rec = 'tid' in target ? this.d.book.records.get(target.tid) : undefined;
    const body = this.body(target);
    const url = this.urlOf(target);
    if (!body || !url || this.stopped) return;
    const abort = new AbortController();
    this.aborts.add(abort);
    const timer = setTimeout(() => abort.abort(), ATTEMPT_TIMEOUT_MS);
    let accepted = false;
    try {
      if (rec) rec.notifications.sent++;
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
      if (ack.success && !header) this.d.logger?.info('sim: acknowledgement is unsigned', target);
      else if (ack.success && !verifyAckSignature(text, this.d.credentials.secret, header))
        this.d.logger?.warn('sim: acknowledgement signature does not verify', target);
    } catch (e) {
      this.d.logger?.info('sim: notification could not be delivered', {
        ...target,
        attempt: n,
        reason: (e as Error).name,
      });
    } finally {
      clearTimeout(timer);
      this.aborts.delete(abort);
    }
    if (accepted) {
      if (rec) rec.notifications.acknowledged++;
      return;
    }
    if (rec) rec.notifications.failedAttempts++;
    if (n >= MAX_ATTEMPTS || this.stopped) return;
    const delay = Math.min(this.d.retryBaseMs * 2 ** (n - 1), MAX_DELAY_MS);
    // Tracked, so idle() still waits for the whole chain, but not awaited.
    void this.track(
      new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.timers.delete(t);
          void this.attempt(target, n + 1).then(resolve, resolve);
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
