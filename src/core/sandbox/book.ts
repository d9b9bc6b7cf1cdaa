/**
 * The simulator's book and its status transitions (api-reference §6.6). Pure state: no HTTP, no timers.
 * Every transition answers which tids Praxis notifies (`changed`), so the caller can notify each one.
 */
import { PRAXIS_ASSUMPTIONS } from '../praxis/assumptions';
import { PRAXIS_TEXTS } from '../praxis/protocol-texts';
import type { Card, Wallet } from '../praxis/schemas';
import type { SimCustomer, SimGateway, SimRecord, SimSession, SimTransaction } from './book-types';
import { GATEWAYS, countryFor, gatewayByHash } from './catalog';
import type { Rng } from './prng';

export type Outcome<T> =
  { ok: true; value: T; changed: number[] } | { ok: false; status: number; description: string; tid?: number };

/**
 * LABELLED CHOICE — completing a withdrawal request. [L-mwr] describes two modes; the simulator runs mode 2:
 * a separate payout tid is created (approved, carrying withdrawal_request_id) and the request itself becomes
 * `split`. A request fully paid by splits also becomes `split`. Both then answer "Payout request is already processed.".
 */
export const WR_STATUS_WHEN_PAID = 'split';

/** ASSUMED texts: the docs give none for these manage-transaction / split refusals. */
export const SIM_TEXTS = {
  notAnAuthorization: 'Transaction must be an authorization.',
  authorizationCancelled: 'Authorization is already cancelled.',
  authorizationCaptured: 'Authorization is already captured.',
  authorizationNotAuthorized: 'Authorization is not in authorized status.',
  invalidIntent: 'Invalid intent.',
  gatewayMissing: 'Request parameter missing: gateway.',
  gatewayNotFound: 'Gateway not found or not enabled for this payout.',
  splitCurrency: 'Currency does not match the withdrawal request.',
  splitTooLarge: 'Split amount exceeds the remaining amount of the withdrawal request.',
  amountInvalid: 'Amount must be a positive whole number of minor units.',
} as const;

/**
 * ASSUMED status_code / status_details per status: the captures (§8a) show only "SC-002" "Transaction approved"
 * and "0" "[TEST] Payout initiated"; the other pairs are the simulator's guesses in the same style.
 */
export const SIM_STATUS_DETAILS: Record<string, readonly [code: string, details: string]> = {
  requested: ['0', '[TEST] Payout initiated'],
  approved: ['SC-002', 'Transaction approved'],
  authorized: ['SC-002', 'Transaction authorized'],
  rejected: ['SC-205', '[TEST] Declined by the issuer: insufficient funds'],
  cancelled: ['0', 'Cancelled by the merchant'],
  split: ['0', 'Withdrawal request processed'],
};
const statusFields = (status: string) => {
  const [status_code, status_details] = SIM_STATUS_DETAILS[status] ?? ['0', status];
  return { status_code, status_details };
};

/** The part of a new transaction that differs from item to item; the rest is what Praxis always sends (§8a). */
type NewTransaction = Pick<
  SimTransaction,
  | 'transaction_type'
  | 'transaction_status'
  | 'transaction_id'
  | 'currency'
  | 'amount'
  | 'payment_method'
  | 'payment_processor'
  | 'gateway'
  | 'card'
  | 'wallet'
  | 'withdrawal_request_id'
>;

export interface NewItem {
  cid: string;
  currency: string;
  amount: number;
  notificationUrl?: string | null;
  createdAt?: number;
  card?: Card | null;
  wallet?: Wallet | null;
  orderId?: string;
  /** A new cid's name and country (a known cid keeps its own). */
  customerData?: { first_name?: string; last_name?: string; country?: string };
}

export class Book {
  readonly customers = new Map<string, SimCustomer>();
  readonly sessions = new Map<string, SimSession>();
  readonly sessionsByToken = new Map<string, SimSession>();
  readonly records = new Map<number, SimRecord>();
  private nextTid = 1_000_001;
  private orderSeq = 1;

  constructor(
    private readonly rng: Rng,
    private readonly nowSeconds: () => number,
  ) {}

  // ---- customers, sessions, records ---------------------------------------------------------

  addCustomer(c: SimCustomer): SimCustomer {
    this.customers.set(c.cid, c);
    return c;
  }

  /** Unknown cids (admin API, VT) get a plausible customer so every transaction has one. */
  ensureCustomer(
    cid: string,
    currency: string,
    data?: { first_name?: string; last_name?: string; country?: string },
  ): SimCustomer {
    const found = this.customers.get(cid);
    if (found) return found;
    // Praxis knows a customer's name only when the merchant sent one: a real payout came with "" for both (§8a).
    return this.addCustomer({
      cid,
      customer_token: this.rng.hex(32),
      first_name: data?.first_name ?? '',
      last_name: data?.last_name ?? '',
      country: data?.country ?? countryFor(currency, this.rng),
      currency,
      avs_alert: 0,
      verification_alert: null,
      cards: [],
      wallets: [],
    });
  }

  newOrderId(prefix: string): string {
    let id: string;
    do id = `${prefix}-${String(this.orderSeq++).padStart(6, '0')}`;
    while (this.sessions.has(id));
    return id;
  }

  openSession(s: Omit<SimSession, 'auth_token' | 'tids'>): SimSession {
    const session: SimSession = { ...s, auth_token: this.rng.hex(32), tids: [] };
    this.sessions.set(session.order_id, session);
    this.sessionsByToken.set(session.auth_token, session);
    return session;
  }

  addTransaction(session: SimSession, tx: NewTransaction, processed: boolean, createdAt: number): SimRecord {
    const tid = this.nextTid++;
    const full: SimTransaction = {
      transaction_type: tx.transaction_type,
      transaction_status: tx.transaction_status,
      tid,
      transaction_id: tx.transaction_id,
      currency: tx.currency,
      amount: tx.amount,
      // A requested payout already carries the string "1.000000" while processed_* are still null (§8a).
      conversion_rate: '1.000000',
      processed_currency: processed ? tx.currency : null,
      processed_amount: processed ? tx.amount : null,
      fee: 0,
      fee_included: 0,
      fee_type: 'flat',
      payment_method: tx.payment_method,
      payment_processor: tx.payment_processor,
      gateway: tx.gateway,
      card: tx.card,
      wallet: tx.wallet,
      is_async: 0,
      is_cascade: 0,
      cascade_level: 0,
      reference_id: null,
      withdrawal_request_id: tx.withdrawal_request_id,
      created_by: 'INTERNET',
      edited_by: null,
      ...statusFields(tx.transaction_status),
    };
    const rec: SimRecord = {
      tx: full,
      createdAt,
      cid: session.cid,
      orderId: session.order_id,
      remainingMinor: tx.transaction_type === 'payout' && tx.transaction_status === 'requested' ? tx.amount : 0,
      parts: [],
      payoutsMade: 0,
      capturesMade: 0,
      cancelsMade: 0,
      notifications: { sent: 0, acknowledged: 0, dropped: 0, failedAttempts: 0 },
    };
    this.records.set(tid, rec);
    session.tids.push(tid);
    return rec;
  }

  /** A status change made through the Agent API: its status_code/status_details and who edited it follow. */
  private setStatus(tx: SimTransaction, status: string): void {
    Object.assign(tx, { transaction_status: status, edited_by: 'API', ...statusFields(status) });
  }

  private markProcessed(tx: SimTransaction, status: string): void {
    this.setStatus(tx, status);
    tx.processed_currency = tx.currency;
    tx.processed_amount = tx.amount;
    tx.transaction_id ??= `sim_${this.rng.hex(12)}`;
  }

  createWithdrawalRequest(item: NewItem): SimRecord {
    const c = this.ensureCustomer(item.cid, item.currency, item.customerData);
    const wallet = item.wallet ?? null;
    const card = wallet ? null : (item.card ?? c.cards[0] ?? null);
    const session = this.openSession({
      intent: 'withdrawal',
      session_status: 'action required',
      order_id: item.orderId ?? this.newOrderId('wd'),
      cid: c.cid,
      currency: item.currency,
      amount: item.amount,
      notificationUrl: item.notificationUrl,
    });
    return this.addTransaction(
      session,
      {
        transaction_type: 'payout',
        transaction_status: 'requested',
        transaction_id: null,
        currency: item.currency,
        amount: item.amount,
        payment_method: wallet ? 'Skrill' : 'Credit Card',
        payment_processor: wallet ? 'SimWallet' : 'SimAcquirer',
        gateway: null,
        card,
        wallet,
        withdrawal_request_id: null,
      },
      false,
      item.createdAt ?? this.nowSeconds(),
    );
  }

  /** A withdrawal taken on a virtual-terminal page: a payout request `requested` in that session, card as destination. */
  requestWithdrawal(session: SimSession, amount: number, card: Card): SimRecord {
    session.session_status = 'successful';
    return this.addTransaction(
      session,
      {
        transaction_type: 'payout',
        transaction_status: 'requested',
        transaction_id: null,
        currency: session.currency,
        amount,
        payment_method: 'Credit Card',
        payment_processor: 'SimAcquirer',
        gateway: null,
        card,
        wallet: null,
        withdrawal_request_id: null,
      },
      false,
      this.nowSeconds(),
    );
  }

  /** A deposit: `sale` approved / rejected, or `authorization` authorized. */
  createDeposit(item: NewItem & { type: 'sale' | 'authorization'; status: string; session?: SimSession }): SimRecord {
    const c = this.ensureCustomer(item.cid, item.currency, item.customerData);
    const wallet = item.wallet ?? null;
    const card = wallet ? null : (item.card ?? c.cards[0] ?? null);
    const session =
      item.session ??
      this.openSession({
        intent: item.type === 'sale' ? 'payment' : 'authorization',
        session_status: item.status === 'rejected' ? 'failed' : 'successful',
        order_id: item.orderId ?? this.newOrderId('dep'),
        cid: c.cid,
        currency: item.currency,
        amount: item.amount,
        notificationUrl: item.notificationUrl,
      });
    const approved = item.status === 'approved' || item.status === 'authorized';
    const gateway = GATEWAYS.find(
      (g) => (wallet ? g.gateway_type === 'apm' : g.gateway_type === 'card') && g.transaction_types.includes(item.type),
    );
    return this.addTransaction(
      session,
      {
        transaction_type: item.type,
        transaction_status: item.status,
        transaction_id: approved ? `sim_${this.rng.hex(12)}` : null,
        currency: item.currency,
        amount: item.amount,
        payment_method: wallet ? 'Skrill' : 'Credit Card',
        payment_processor: wallet ? 'SimWallet' : 'SimAcquirer',
        gateway: gateway?.gateway ?? null,
        card,
        wallet,
        withdrawal_request_id: null,
      },
      approved,
      item.createdAt ?? this.nowSeconds(),
    );
  }

  // ---- views -----------------------------------------------------------------------------------

  customerWire(cid: string) {
    const c = this.customers.get(cid);
    if (!c) return null;
    return {
      customer_token: c.customer_token,
      country: c.country,
      first_name: c.first_name,
      last_name: c.last_name,
      avs_alert: c.avs_alert,
      verification_alert: c.verification_alert,
    };
  }

  sessionWire(orderId: string) {
    const s = this.sessions.get(orderId);
    if (!s) return null;
    const approved = s.tids
      .map((t) => this.records.get(t)?.tx)
      .filter((tx) => tx && ['approved', 'authorized'].includes(tx.transaction_status));
    const processed = approved.reduce((sum, tx) => sum + (tx?.amount ?? 0), 0);
    const last = s.tids.length ? this.records.get(s.tids[s.tids.length - 1] as number)?.tx : undefined;
    // The fields of the captured sessions (§8a): cid, pin, payment_method, gateway and the merchant's variables.
    return {
      auth_token: s.auth_token,
      intent: s.intent,
      session_status: s.session_status,
      order_id: s.order_id,
      currency: s.currency,
      amount: s.amount,
      conversion_rate: approved.length ? '1.000000' : null,
      processed_currency: s.currency,
      processed_amount: processed,
      payment_method: last?.payment_method ?? null,
      gateway: last?.gateway ?? null,
      cid: s.cid,
      // ASSUMED: the legacy flat notification's `pin` was the merchant's customer id (§5.1), so it mirrors cid.
      pin: s.cid,
      variable1: null,
      variable2: null,
      variable3: null,
    };
  }

  txWire(tid: number): SimTransaction | null {
    const r = this.records.get(tid);
    return r ? structuredClone(r.tx) : null;
  }

  /** customer + session of a session alone (one that ended without a transaction). */
  sessionView(orderId: string) {
    const s = this.sessions.get(orderId);
    return s ? { customer: this.customerWire(s.cid), session: this.sessionWire(orderId) } : null;
  }

  /** A virtual-terminal session whose customer never paid: `expired` (§6.3), true when it was still open. */
  expireSession(orderId: string): boolean {
    const s = this.sessions.get(orderId);
    if (!s || s.session_status !== 'open') return false;
    s.session_status = 'expired';
    return true;
  }

  /** customer + session + transaction, the shape of find-transaction and of a notification. */
  view(tid: number) {
    const r = this.records.get(tid);
    if (!r) return null;
    return { customer: this.customerWire(r.cid), session: this.sessionWire(r.orderId), transaction: this.txWire(tid) };
  }

  /** [L-fo]: the session's transaction that is not rejected, else its latest rejected one, else none. */
  findOrder(orderId: string) {
    const s = this.sessions.get(orderId);
    if (!s) return null;
    const txs = s.tids.map((t) => this.records.get(t)!.tx);
    const chosen = [...txs].reverse().find((tx) => tx.transaction_status !== 'rejected') ?? txs[txs.length - 1] ?? null;
    return {
      customer: this.customerWire(s.cid),
      session: this.sessionWire(orderId),
      transaction: chosen ? structuredClone(chosen) : null,
    };
  }

  notificationUrlOf(tid: number, fallback: string | null): string | null {
    const r = this.records.get(tid);
    const s = r ? this.sessions.get(r.orderId) : undefined;
    return s?.notificationUrl ?? fallback;
  }

  // ---- authorizations: authorized → approved (captured) / cancelled ------------------------

  manageAuthorization(tid: number, intent: string): Outcome<SimRecord> {
    const r = this.records.get(tid);
    if (!r) return { ok: false, status: 400, description: PRAXIS_TEXTS.transactionNotFound };
    if (intent !== 'capture-authorization' && intent !== 'cancel-authorization')
      return { ok: false, status: 400, description: SIM_TEXTS.invalidIntent, tid };
    if (r.tx.transaction_type !== 'authorization')
      return { ok: false, status: 400, description: SIM_TEXTS.notAnAuthorization, tid };
    const st = r.tx.transaction_status;
    if (st === 'cancelled') return { ok: false, status: 400, description: SIM_TEXTS.authorizationCancelled, tid };
    if (st === 'approved') return { ok: false, status: 400, description: SIM_TEXTS.authorizationCaptured, tid };
    if (st !== 'authorized') return { ok: false, status: 400, description: SIM_TEXTS.authorizationNotAuthorized, tid };
    if (intent === 'capture-authorization') {
      this.markProcessed(r.tx, 'approved');
      r.capturesMade++;
    } else {
      this.setStatus(r.tx, 'cancelled');
      r.cancelsMade++;
    }
    return { ok: true, value: r, changed: [tid] };
  }

  /**
   * Holds that outlived their window lapse: the status Praxis is assumed to use (PRAXIS_ASSUMPTIONS.lapsedHold,
   * `cancelled` with status_details saying it expired). Answers the tids that changed, to be notified.
   */
  lapseHolds(windowSecondsOf: (tid: number) => number): number[] {
    const now = this.nowSeconds();
    const lapse = PRAXIS_ASSUMPTIONS.lapsedHold.value;
    const changed: number[] = [];
    for (const r of this.records.values()) {
      if (r.tx.transaction_type !== 'authorization' || r.tx.transaction_status !== 'authorized') continue;
      if (r.createdAt + windowSecondsOf(r.tx.tid) > now) continue;
      Object.assign(r.tx, {
        transaction_status: lapse.status,
        status_code: lapse.statusCode,
        status_details: lapse.statusDetails,
        edited_by: 'SYSTEM',
      });
      changed.push(r.tx.tid);
    }
    return changed;
  }

  // ---- withdrawal requests: requested → split (paid) / cancelled; splits leave the rest requestable --

  private requestable(wrTid: number): Outcome<SimRecord> {
    const r = this.records.get(wrTid);
    if (!r || r.tx.withdrawal_request_id !== null)
      return { ok: false, status: 400, description: PRAXIS_TEXTS.withdrawalNotFound };
    if (r.tx.transaction_type !== 'payout')
      return { ok: false, status: 400, description: PRAXIS_TEXTS.mustBePayout, tid: wrTid };
    if (r.tx.transaction_status === 'cancelled')
      return { ok: false, status: 400, description: PRAXIS_TEXTS.alreadyCancelled, tid: wrTid };
    // A payout still processing (held) leaves the request showing `requested` but with nothing left to pay.
    if (r.tx.transaction_status !== 'requested' || (r.remainingMinor === 0 && r.parts.length > 0))
      return { ok: false, status: 400, description: PRAXIS_TEXTS.alreadyProcessed, tid: wrTid };
    return { ok: true, value: r, changed: [] };
  }

  private payoutGateway(hash: unknown, currency: string): SimGateway | string {
    if (typeof hash !== 'string' || hash === '') return SIM_TEXTS.gatewayMissing;
    const g = gatewayByHash(hash);
    if (!g || !g.transaction_types.includes('payout') || !g.currencies.includes(currency))
      return SIM_TEXTS.gatewayNotFound;
    return g;
  }

  /** A held part is `pending` (processing at the PSP) until settleHeld; otherwise it is approved at once. */
  private addPart(
    wr: SimRecord,
    amount: number,
    gateway: SimGateway,
    orderId: string,
    hold: boolean,
    shortBy = 0,
  ): SimRecord {
    const booked = Math.max(1, amount - shortBy);
    const wrSession = this.sessions.get(wr.orderId)!;
    const session = this.openSession({
      intent: 'withdrawal',
      session_status: 'successful',
      order_id: orderId,
      cid: wr.cid,
      currency: wr.tx.currency,
      amount: booked,
      notificationUrl: wrSession.notificationUrl,
    });
    const part = this.addTransaction(
      session,
      {
        transaction_type: 'payout',
        transaction_status: hold ? 'pending' : 'approved',
        transaction_id: `sim_${this.rng.hex(12)}`,
        currency: wr.tx.currency,
        amount: booked,
        payment_method: wr.tx.payment_method,
        payment_processor: gateway.name,
        gateway: gateway.gateway,
        card: wr.tx.card,
        wallet: wr.tx.wallet,
        withdrawal_request_id: wr.tx.tid,
      },
      !hold,
      this.nowSeconds(),
    );
    wr.parts.push(part.tx.tid);
    wr.payoutsMade++;
    wr.remainingMinor -= booked;
    return part;
  }

  manageWithdrawal(
    wrTid: number,
    intent: string,
    gatewayHash: unknown,
    opts: { hold?: boolean; shortBy?: number } = {},
  ): Outcome<SimRecord> {
    if (intent !== 'complete-withdrawal-request' && intent !== 'cancel-withdrawal-request')
      return { ok: false, status: 400, description: SIM_TEXTS.invalidIntent };
    const check = this.requestable(wrTid);
    if (!check.ok) return check;
    const wr = check.value;
    if (intent === 'cancel-withdrawal-request') {
      // [L-mwr]: only a request whose processing, even partial, never started can be cancelled.
      if (wr.parts.length > 0)
        return { ok: false, status: 400, description: PRAXIS_TEXTS.alreadyProcessed, tid: wrTid };
      this.setStatus(wr.tx, 'cancelled');
      wr.cancelsMade++;
      wr.remainingMinor = 0;
      return { ok: true, value: wr, changed: [wrTid] };
    }
    const g = this.payoutGateway(gatewayHash, wr.tx.currency);
    if (typeof g === 'string') return { ok: false, status: 400, description: g, tid: wrTid };
    const hold = opts.hold ?? false;
    const part = this.addPart(wr, wr.remainingMinor, g, this.newOrderId(`${wr.orderId}-payout`), hold, opts.shortBy);
    if (!hold) this.setStatus(wr.tx, WR_STATUS_WHEN_PAID);
    // Praxis does not notify the request's own `split` ([L-flow]): only the new payout is announced.
    return { ok: true, value: part, changed: [part.tx.tid] };
  }

  split(
    input: {
      withdrawal_request_id: unknown;
      amount: unknown;
      currency: unknown;
      order_id: unknown;
      gateway: unknown;
    },
    opts: { hold?: boolean; shortBy?: number } = {},
  ): Outcome<SimRecord> {
    const hold = opts.hold ?? false;
    const wrTid = Number(input.withdrawal_request_id);
    const check = this.requestable(wrTid);
    if (!check.ok) return check;
    const wr = check.value;
    if (typeof input.amount !== 'number' || !Number.isSafeInteger(input.amount) || input.amount <= 0)
      return { ok: false, status: 400, description: SIM_TEXTS.amountInvalid, tid: wrTid };
    if (input.currency !== wr.tx.currency)
      return { ok: false, status: 400, description: SIM_TEXTS.splitCurrency, tid: wrTid };
    if (typeof input.order_id !== 'string' || input.order_id === '' || this.sessions.has(input.order_id))
      return { ok: false, status: 400, description: PRAXIS_TEXTS.orderIdNotUnique, tid: wrTid };
    if (input.amount > wr.remainingMinor)
      return { ok: false, status: 400, description: SIM_TEXTS.splitTooLarge, tid: wrTid };
    const g = this.payoutGateway(input.gateway, wr.tx.currency);
    if (typeof g === 'string') return { ok: false, status: 400, description: g, tid: wrTid };
    const part = this.addPart(wr, input.amount, g, input.order_id, hold, opts.shortBy);
    // A request paid in full becomes `split` too, again without a notification of its own ([L-flow]).
    if (wr.remainingMinor === 0 && !hold) this.setStatus(wr.tx, WR_STATUS_WHEN_PAID);
    return { ok: true, value: part, changed: [part.tx.tid] };
  }

  /**
   * Ends every held (pending) payout: `approved` — the request becomes `split` once nothing is left and no part is
   * still pending — or `error`, after which the request goes to `verification` because funds may have been sent ([L-flow]).
   */
  settleHeld(status: 'approved' | 'error'): number[] {
    const changed: number[] = [];
    for (const r of this.records.values()) {
      const wrTid = r.tx.withdrawal_request_id;
      if (wrTid === null || r.tx.transaction_status !== 'pending') continue;
      if (status === 'approved') this.markProcessed(r.tx, 'approved');
      else this.setStatus(r.tx, 'error');
      changed.push(r.tx.tid);
      const wr = this.records.get(wrTid);
      if (!wr) continue;
      const parts = wr.parts.map((t) => this.records.get(t)!.tx.transaction_status);
      // The request's own status changes unannounced, as after a complete ([L-flow]).
      if (status === 'error') this.setStatus(wr.tx, 'verification');
      else if (
        wr.remainingMinor === 0 &&
        parts.every((p) => p === 'approved') &&
        wr.tx.transaction_status !== 'verification'
      )
        this.setStatus(wr.tx, WR_STATUS_WHEN_PAID);
    }
    return changed;
  }

  /** Everything a test or a demo wants to know about one tid, including what was really done to it. */
  record(tid: number) {
    const r = this.records.get(tid);
    if (!r) return null;
    return {
      tid,
      ...this.view(tid),
      order_id: r.orderId,
      notification_url: this.sessions.get(r.orderId)?.notificationUrl ?? null,
      remainingMinor: r.remainingMinor,
      parts: r.parts,
      payoutsMade: r.payoutsMade,
      capturesMade: r.capturesMade,
      cancelsMade: r.cancelsMade,
      notifications: { ...r.notifications },
    };
  }
}
