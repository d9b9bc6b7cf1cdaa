/**
 * Opens one virtual-terminal session through the action journal ("money moves exactly once"): the intent is written
 * `sending` (one in-flight action per order_id) with the session's row before the signed call; a verified answer
 * makes it done, a clean refusal failed, and anything else unknown — then find-order says whether Praxis opened it.
 * The session is never re-sent: a retry is a new order_id.
 */
import { randomBytes } from 'node:crypto';
import { DeskError, isDeskError } from '../../shared/errors';
import type { TerminalIntent } from '../../shared/terminal';
import type { Logger } from '../log';
import { isPraxisError } from '../praxis';
import type { CustomerData, VirtualTerminalResponse } from '../praxis/schemas';
import type { PraxisSession } from '../queues/praxis-session';
import { announceChange } from '../store/changes';
import { beginAction, type JournalEntry } from '../store/journal';
import type { WorkStore } from '../store/work-store';

export const TERMINAL_OPEN_ACTION = 'terminal:open';

export interface OpenRequest {
  intent: TerminalIntent;
  cid: string;
  customerData: CustomerData;
  currency: string;
  amountMinor: number | null;
  balanceMinor: number | null;
  paymentMethod: string | null;
  gateway: string | null;
  retryOf: string | null;
  /** The caller-check lines the agent confirmed (null for a retry: the retried session's stand). */
  callerCheck: string[] | null;
  notificationUrl: string | null;
  validationUrl: string | null;
}

export interface Opened {
  orderId: string;
  redirectUrl: string | null;
}

/** Unique per desk and call, within Praxis's varchar(50): time for ordering, 48 random bits against collisions. */
export const newOrderId = () => `vt-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;

const errorCodeOf = (err: unknown) => (isDeskError(err) ? err.code : 'INTERNAL');

async function claim(store: WorkStore, s: PraxisSession, r: OpenRequest, orderId: string): Promise<JournalEntry> {
  return store.db.transaction(async (tx) => {
    // A session is retried once: the retried one's row is locked, so two windows retrying it at once take turns.
    if (r.retryOf) {
      await tx.query('SELECT 1 FROM terminal_sessions WHERE order_id = $1 FOR UPDATE', [r.retryOf]);
      const retried = await tx.query<{ order_id: string }>(
        'SELECT order_id FROM terminal_sessions WHERE retry_of = $1 LIMIT 1',
        [r.retryOf],
      );
      const by = retried.rows[0]?.order_id;
      if (by)
        throw new DeskError(
          'CONFLICT',
          `Session ${r.retryOf} was already retried as ${by}: retry that one if it did not go through. Nothing was sent.`,
        );
    }
    const entry = await beginAction(tx, {
      itemKind: 'session',
      itemId: orderId,
      action: TERMINAL_OPEN_ACTION,
      operator: s.operator,
      request: {
        intent: r.intent,
        cid: r.cid,
        currency: r.currency,
        amountMinor: r.amountMinor,
        balanceMinor: r.balanceMinor,
        paymentMethod: r.paymentMethod,
        gateway: r.gateway,
        retryOf: r.retryOf,
      },
    });
    await tx.query(
      `INSERT INTO terminal_sessions (order_id, journal_id, intent, cid, customer_data, currency, amount_minor,
         balance_minor, payment_method, gateway, agent, retry_of, open_state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'opening')`,
      [
        orderId,
        entry.id,
        r.intent,
        r.cid,
        JSON.stringify(r.customerData),
        r.currency,
        r.amountMinor,
        r.balanceMinor,
        r.paymentMethod,
        r.gateway,
        s.operator,
        r.retryOf,
      ],
    );
    // The session row says "ours": whatever Praxis later tells about this order announces a terminal change.
    await tx.query(
      `INSERT INTO sessions (order_id, origin, intent, cid, amount_minor, currency, operator)
       VALUES ($1, 'virtual-terminal', $2, $3, $4, $5, $6) ON CONFLICT (order_id) DO NOTHING`,
      [orderId, r.intent, r.cid, r.amountMinor, r.currency, s.operator],
    );
    await announceChange(tx, { queue: 'terminal', ids: [orderId] });
    return entry;
  });
}

async function setOpenState(
  store: WorkStore,
  orderId: string,
  state: 'pending' | 'failed' | 'unknown',
  details: string | null,
) {
  await store.db.transaction(async (tx) => {
    await tx.query(
      `UPDATE terminal_sessions SET open_state = $2, open_details = $3, updated_at = now() WHERE order_id = $1`,
      [orderId, state, details],
    );
    await announceChange(tx, { queue: 'terminal', ids: [orderId] });
  });
}

/** Stores the session (and customer) Praxis answered, so history and customer sync see them. */
async function keepAnswer(store: WorkStore, answer: VirtualTerminalResponse, cid: string) {
  if (!answer.session?.order_id) return;
  await store.ingest(
    { customer: answer.customer ?? null, session: { ...answer.session, cid: answer.session.cid ?? cid } },
    { observedAt: new Date((answer.timestamp ?? Math.floor(Date.now() / 1000)) * 1000), source: 'action' },
  );
}

/**
 * After an open whose answer was lost: find-order says whether Praxis has the session. Found = opened (its page
 * address is lost, so it is followed until it ends); "not found" = nothing was opened; anything else stays unknown.
 */
export async function settleUnknownOpen(
  store: WorkStore,
  s: PraxisSession,
  log: Logger,
  entry: JournalEntry,
): Promise<'pending' | 'failed' | 'unknown'> {
  const orderId = entry.itemId;
  let found: Awaited<ReturnType<PraxisSession['client']['findOrder']>>;
  try {
    found = await s.client.findOrder(orderId);
  } catch (err) {
    if (isPraxisError(err) && err.code === 'PRAXIS_REJECTED' && /not found/i.test(err.praxisDescription ?? '')) {
      const why = 'Praxis has no such session (find-order: not found), so nothing was opened. Start it again.';
      await store.journal.finish(entry.id, { state: 'failed', errorCode: 'NOT_FOUND', praxisDescription: why });
      await setOpenState(store, orderId, 'failed', why);
      return 'failed';
    }
    log.warn('terminal session still unknown after find-order', { orderId, error: String(err) });
    return 'unknown';
  }
  await store.ingest(
    { customer: found.customer, session: found.session, transaction: found.transaction ?? null },
    { observedAt: new Date((found.timestamp ?? Math.floor(Date.now() / 1000)) * 1000), source: 'lookup' },
  );
  const why =
    "Praxis opened the session but its answer was lost, so its page cannot be shown here; it is followed until it ends. Use 'Retry with another method' for a new page.";
  await store.journal.finish(entry.id, {
    state: 'done',
    praxisStatus: found.status,
    praxisDescription: why,
    result: { orderId, reconciled: true, sessionStatus: found.session.session_status ?? null },
  });
  await setOpenState(store, orderId, 'pending', why);
  return 'pending';
}

export async function openSession(
  deps: { store: WorkStore; log: Logger },
  s: PraxisSession,
  r: OpenRequest,
): Promise<Opened> {
  const { store, log } = deps;
  const orderId = newOrderId();
  const entry = await claim(store, s, r, orderId);
  let sent = false;
  let outcome: { state: string; message: string } = { state: 'failed', message: '' };
  let redirectUrl: string | null = null;
  try {
    const answer = await s.client.openVirtualTerminal({
      intent: r.intent,
      currency: r.currency,
      ...(r.amountMinor !== null ? { amountMinor: r.amountMinor } : {}),
      ...(r.balanceMinor !== null ? { balanceMinor: r.balanceMinor } : {}),
      cid: r.cid,
      orderId,
      agentName: s.operator,
      customerData: r.customerData,
      ...(r.notificationUrl ? { notificationUrl: r.notificationUrl } : {}),
      ...(r.validationUrl ? { validationUrl: r.validationUrl } : {}),
      ...(r.gateway ? { gateway: r.gateway } : {}),
      ...(r.paymentMethod ? { paymentMethod: r.paymentMethod } : {}),
    });
    sent = true;
    redirectUrl = answer.redirect_url;
    await store.journal.finish(entry.id, {
      state: 'done',
      praxisStatus: answer.status,
      praxisDescription: answer.description,
      result: { orderId, sessionStatus: answer.session?.session_status ?? null },
    });
    await keepAnswer(store, answer, r.cid).catch((err: unknown) =>
      log.warn('terminal session answer not stored', { orderId, error: String(err) }),
    );
    await setOpenState(store, orderId, 'pending', null);
    outcome = { state: 'done', message: answer.description };
  } catch (err) {
    const praxis = isPraxisError(err) ? err : null;
    const mayHaveOpened = praxis ? praxis.outcomeUnknown : sent;
    if (mayHaveOpened) {
      await store.journal.finish(entry.id, {
        state: 'unknown',
        errorCode: errorCodeOf(err),
        praxisStatus: praxis?.praxisStatus ?? null,
        praxisDescription: praxis?.praxisDescription ?? null,
      });
      await setOpenState(
        store,
        orderId,
        'unknown',
        `${(err as Error).message} Looking the session up with find-order.`,
      );
      const now = await store.journal.byId(entry.id);
      const settled = now ? await settleUnknownOpen(store, s, log, now) : 'unknown';
      outcome = { state: settled === 'pending' ? 'done' : settled, message: (err as Error).message };
    } else {
      const message = praxis?.praxisDescription ?? (err instanceof Error ? err.message : String(err));
      await store.journal.finish(entry.id, {
        state: 'failed',
        errorCode: errorCodeOf(err),
        praxisStatus: praxis?.praxisStatus ?? null,
        praxisDescription: message.slice(0, 500),
      });
      await setOpenState(store, orderId, 'failed', `Praxis did not open the session: ${message} Nothing was charged.`);
      outcome = { state: 'failed', message };
    }
  } finally {
    await store.audit
      .append({
        operator: s.operator,
        action: TERMINAL_OPEN_ACTION,
        itemKind: 'session',
        itemId: orderId,
        details: {
          intent: r.intent,
          cid: r.cid,
          currency: r.currency,
          amountMinor: r.amountMinor,
          retryOf: r.retryOf,
          callerCheck: r.callerCheck,
          journalId: entry.id,
          result: outcome.state,
          message: outcome.message,
        },
      })
      .catch((err: unknown) => log.error('terminal audit entry not written', { orderId, error: String(err) }));
  }
  return { orderId, redirectUrl };
}
