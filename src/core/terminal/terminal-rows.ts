/** Terminal sessions as stored, and their outcome read from what notifications and find-order put in the store. */
import {
  CASHIER_SESSION_LIFE_MS,
  type TerminalIntent,
  type TerminalSession,
  type TerminalState,
} from '../../shared/terminal';
import type { Queryable } from '../store/db';

export interface TerminalRow {
  order_id: string;
  intent: TerminalIntent;
  cid: string;
  customer_data: Record<string, unknown>;
  currency: string;
  amount_minor: string | number | null;
  balance_minor: string | number | null;
  payment_method: string | null;
  gateway: string | null;
  agent: string;
  retry_of: string | null;
  open_state: 'opening' | 'pending' | 'failed' | 'unknown';
  open_details: string | null;
  validation_refusal: string | null;
  /** The outcome last written to the audit (terminal-outcome-audit.ts); null before any. */
  audited_outcome: string | null;
  polls: number;
  created_at: Date;
  updated_at: Date;
  session_status: string | null;
  session_at: Date | null;
  tid: string | number | null;
  tx_status: string | null;
  tx_type: string | null;
  tx_amount: string | number | null;
  tx_at: Date | null;
  status_details: string | null;
  notified: boolean;
}

/** The session's best transaction as find-order picks it (§3.1): one not declined if any, else the latest. */
const SELECT_ROWS = `
SELECT t.*, s.session_status, s.status_at AS session_at,
  tx.tid, tx.status AS tx_status, tx.transaction_type AS tx_type, tx.amount_minor AS tx_amount, tx.status_at AS tx_at,
  tx.raw_transaction->>'status_details' AS status_details,
  EXISTS (SELECT 1 FROM notifications n WHERE n.order_id = t.order_id AND n.verdict = 'accepted') AS notified
FROM terminal_sessions t
LEFT JOIN sessions s ON s.order_id = t.order_id
LEFT JOIN LATERAL (
  SELECT * FROM transactions x WHERE x.order_id = t.order_id
  ORDER BY (x.status IN ('rejected', 'declined', 'error', 'cancelled', 'canceled')), x.status_at DESC, x.tid DESC
  LIMIT 1
) tx ON true`;

const DECLINED = ['rejected', 'declined', 'error', 'cancelled', 'canceled'];
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** pending → approved / authorized / requested / declined / expired, from the stored transaction and session. */
export function stateOf(
  r: Pick<TerminalRow, 'tx_status' | 'tx_type' | 'session_status' | 'open_state'>,
): TerminalState {
  const st = r.tx_status;
  if (st) {
    if (st === 'approved') return 'approved';
    if (st === 'authorized') return 'authorized';
    if (DECLINED.includes(st)) return 'declined';
    if (r.tx_type === 'payout') return 'requested';
    return 'pending';
  }
  if (r.session_status === 'expired') return 'expired';
  return r.open_state;
}

/**
 * Whether the customer may still pay in this session: it is open and undecided, or declined while its page stays open
 * (the caller may try another card there, as Praxis's VT allows), so a later approval is still to be learned.
 */
export function mayStillBePaid(
  r: Pick<TerminalRow, 'tx_status' | 'tx_type' | 'session_status' | 'open_state'>,
): boolean {
  if (r.open_state !== 'pending') return false;
  const state = stateOf(r);
  return state === 'pending' || (state === 'declined' && (r.session_status === null || r.session_status === 'open'));
}

const nameOf = (d: Record<string, unknown>, cid: string) => {
  const name = [d.first_name, d.last_name].filter((x) => typeof x === 'string' && x).join(' ');
  return name || cid;
};

export function toSession(r: TerminalRow): TerminalSession {
  const state = stateOf(r);
  const known = r.tx_status !== null || r.session_status === 'expired';
  const times = [r.updated_at, r.session_at, r.tx_at].filter((d): d is Date => d instanceof Date);
  return {
    orderId: r.order_id,
    intent: r.intent,
    cid: r.cid,
    customerName: nameOf(r.customer_data, r.cid),
    currency: r.currency,
    amountMinor: num(r.amount_minor),
    transactionAmountMinor: num(r.tx_amount),
    balanceMinor: num(r.balance_minor),
    paymentMethod: r.payment_method,
    gateway: r.gateway,
    agent: r.agent,
    state,
    statusDetails:
      r.status_details ??
      (state === 'expired' ? 'The session expired before the customer paid.' : null) ??
      (state === 'pending' && r.validation_refusal
        ? `The last attempt was refused by the merchant's validation: ${r.validation_refusal}`
        : null) ??
      r.open_details,
    tid: num(r.tid),
    retryOf: r.retry_of,
    learnedBy: known ? (r.notified ? 'notification' : 'find-order') : null,
    pageOpen: mayStillBePaid(r) && Date.now() - r.created_at.getTime() < CASHIER_SESSION_LIFE_MS,
    createdAt: r.created_at.toISOString(),
    updatedAt: new Date(Math.max(...times.map((d) => d.getTime()))).toISOString(),
  };
}

export async function terminalRow(q: Queryable, orderId: string): Promise<TerminalRow | null> {
  const res = await q.query<TerminalRow>(`${SELECT_ROWS} WHERE t.order_id = $1`, [orderId]);
  return res.rows[0] ?? null;
}

/** The same row, locked until the caller's transaction ends: two desks that read it one after the other agree. */
export async function lockedTerminalRow(q: Queryable, orderId: string): Promise<TerminalRow | null> {
  const res = await q.query<TerminalRow>(`${SELECT_ROWS} WHERE t.order_id = $1 FOR UPDATE OF t`, [orderId]);
  return res.rows[0] ?? null;
}

export async function terminalHistory(q: Queryable, limit: number): Promise<TerminalRow[]> {
  const res = await q.query<TerminalRow>(`${SELECT_ROWS} ORDER BY t.created_at DESC, t.order_id LIMIT $1`, [limit]);
  return res.rows;
}

/** Sessions still worth following: the customer may still pay (mayStillBePaid), opened in the last `withinMs`. */
export async function sessionsToFollow(q: Queryable, withinMs: number): Promise<TerminalRow[]> {
  const res = await q.query<TerminalRow>(
    `${SELECT_ROWS} WHERE t.created_at > now() - $1 * interval '1 millisecond' AND t.open_state = 'pending'
     ORDER BY t.created_at`,
    [withinMs],
  );
  return res.rows.filter(mayStillBePaid);
}
