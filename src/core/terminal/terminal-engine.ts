/**
 * The virtual terminal (issue 12): opens MOTO sessions through the journal, follows each to its end — by the
 * notifications the intake stores and, when none arrive, by find-order with back-off — and answers history, status,
 * retries, recent customers and gateway options.
 */
import { DeskError } from '../../shared/errors';
import type { RecentCustomer, TerminalStartRequest } from '../../shared/ipc/terminal-contract';
import { amountExample, formatMoney, minorToDecimalString, parseAmount } from '../../shared/money';
import {
  CASHIER_SESSION_LIFE_MS,
  ENDED_TERMINAL_STATES,
  type TerminalCustomer,
  type TerminalGatewayOption,
  type TerminalIntent,
  type TerminalSession,
  type TerminalStart,
} from '../../shared/terminal';
import type { Logger } from '../log';
import { sendLeaseMs, type PraxisSession } from '../queues/praxis-session';
import type { WorkStore } from '../store/work-store';
import {
  customerDataOf,
  fromCustomerData,
  knownBalance,
  prefillFrom,
  recentCustomers,
  toCustomerData,
} from './terminal-customers';
import { createTerminalFollower, FOLLOW_DEFAULTS, type FollowOptions } from './terminal-follow';
import { auditRecentOutcomes, auditTerminalOutcome } from './terminal-outcome-audit';
import { confirmedCallerCheck } from './caller-check';
import { openSession, settleUnknownOpen, TERMINAL_OPEN_ACTION } from './terminal-open';
import { createTerminalPages } from './terminal-pages';
import { currentActor } from '../access/actor';
import { operatorKey } from '../operators/operator-registry';
import { unreadableTypes } from '../lookup/praxis-objects';
import { terminalHistory, terminalRow, toSession } from './terminal-rows';

export interface TerminalEngineDeps {
  store: WorkStore;
  log: Logger;
  praxis(): Promise<PraxisSession>;
  /** Where Praxis should call this profile's intake; null when the profile has none (then find-order alone follows). */
  intakeUrls(): { notification: string | null; validation: string | null };
  follow?: FollowOptions;
}

const TRANSACTION_TYPE_OF: Record<TerminalIntent, 'sale' | 'authorization' | 'payout'> = {
  payment: 'sale',
  authorization: 'authorization',
  withdrawal: 'payout',
};

/** Retrying these would take the money (or the request) twice. */
const RETRY_REFUSED: Record<string, string> = {
  approved: 'was approved: the money was taken, so a retry would take it twice',
  authorized: 'was authorized: the hold is in the capture queue, so a retry would hold the money twice',
  requested: 'became a withdrawal request in the payout queue, so a retry would request it twice',
  pending:
    'is still open and may yet be paid: wait for its outcome (it expires if abandoned) before trying another method',
  opening: 'is still being opened: wait for its answer',
  unknown: 'has an unknown outcome: wait until find-order settles it',
};

const withoutNulls = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as { [K in keyof T]: Exclude<T[K], null> };

export function createTerminalEngine(deps: TerminalEngineDeps) {
  const { store, log } = deps;
  const follower = createTerminalFollower({ store, log, praxis: deps.praxis }, deps.follow);
  const pages = createTerminalPages();

  /** The session that retried this one, if any (a session is retried once; its retry is retried in turn). */
  const retryOf = async (orderId: string): Promise<TerminalSession | null> => {
    const res = await store.db.query<{ order_id: string }>(
      'SELECT order_id FROM terminal_sessions WHERE retry_of = $1 LIMIT 1',
      [orderId],
    );
    return res.rows[0] ? session(res.rows[0].order_id) : null;
  };

  const session = async (orderId: string): Promise<TerminalSession> => {
    const row = await terminalRow(store.db, orderId);
    if (!row) throw new DeskError('NOT_FOUND', `No terminal session ${orderId} in this profile's store.`);
    return toSession(row);
  };

  /**
   * A declined session whose page Praxis keeps open: a second page would leave two that can each take the caller's
   * money, so the retry is that same page (where another card is tried), or waits until Praxis has closed it.
   */
  async function samePageAgain(was: TerminalSession, asked: { paymentMethod?: string; gateway?: string }) {
    const shown = pages.reopen(was, (await deps.praxis()).operator);
    const closesIn = Math.max(
      1,
      Math.ceil((Date.parse(was.createdAt) + CASHIER_SESSION_LIFE_MS - Date.now()) / 60_000),
    );
    const wait = `for about ${closesIn} more minute${closesIn === 1 ? '' : 's'} (Praxis keeps it open after a decline, and the desk cannot close it): a second page now could charge the caller twice.`;
    if (!shown.redirectUrl)
      throw new DeskError(
        'CONFLICT',
        `Session ${was.orderId}'s page still takes a card ${wait} This desk run cannot show that page again: retry once it has closed. Nothing was sent.`,
      );
    if (asked.gateway || asked.paymentMethod)
      throw new DeskError(
        'CONFLICT',
        `Session ${was.orderId}'s page still takes a card ${wait} Retry with any method on the page to try another card there, or choose another method once it has closed. Nothing was sent.`,
      );
    return shown;
  }

  async function start(input: TerminalStartRequest, retryOf: string | null = null): Promise<TerminalStart> {
    const s = await deps.praxis();
    // A retry is the same call going on: its caller check is the retried session's, recorded with it.
    const callerCheck = retryOf ? null : await confirmedCallerCheck(store, input.callerCheck);
    let amountMinor: number | null = null;
    if (input.amount !== null) {
      const parsed = parseAmount(input.amount, input.currency);
      if (!parsed.ok) throw new DeskError('VALIDATION', parsed.message, { field: 'amount' });
      if (parsed.amountMinor <= 0)
        throw new DeskError('VALIDATION', `Enter an amount above zero, e.g. ${amountExample(input.currency)}.`, {
          field: 'amount',
        });
      amountMinor = parsed.amountMinor;
    }
    const cid = input.customer.cid;
    const balanceMinor = input.intent === 'withdrawal' ? await knownBalance(store.db, cid, input.currency) : null;
    if (input.intent === 'withdrawal' && balanceMinor !== null && amountMinor !== null && amountMinor > balanceMinor)
      throw new DeskError(
        'VALIDATION',
        `The customer's withdrawable balance the desk knows is ${formatMoney(Math.max(balanceMinor, 0), input.currency)}: ask for at most that, or leave the amount open.`,
        { field: 'amount' },
      );
    const urls = deps.intakeUrls();
    const opened = await openSession({ store, log }, s, {
      intent: input.intent,
      cid,
      customerData: toCustomerData(input.customer),
      currency: input.currency,
      amountMinor,
      balanceMinor: balanceMinor === null ? null : Math.max(balanceMinor, 0),
      paymentMethod: input.paymentMethod ?? null,
      gateway: input.gateway ?? null,
      retryOf,
      callerCheck,
      notificationUrl: urls.notification,
      validationUrl: urls.validation,
    });
    const result = await session(opened.orderId);
    const praxisOrigin = new URL(s.client.baseUrl).origin;
    if (result.state === 'pending') follower.follow(opened.orderId);
    if (opened.redirectUrl)
      pages.keep(opened.orderId, { redirectUrl: opened.redirectUrl, praxisOrigin, agent: s.operator });
    return { session: result, redirectUrl: opened.redirectUrl, praxisOrigin };
  }

  return {
    start: (input: TerminalStartRequest) => start(input),

    /** A new session for the same customer, intent and amount, with another method, in one step. */
    async retry(input: { orderId: string; paymentMethod?: string; gateway?: string }): Promise<TerminalStart> {
      const row = await terminalRow(store.db, input.orderId);
      if (!row) throw new DeskError('NOT_FOUND', `No terminal session ${input.orderId} in this profile's store.`);
      const was = toSession(row);
      // The retry is the same call going on: whoever did not take it has not heard the caller agree to anything.
      if (operatorKey(was.agent) !== operatorKey((await deps.praxis()).operator))
        throw new DeskError(
          'FORBIDDEN',
          `Session ${was.orderId} is ${was.agent}'s call: only ${was.agent} can retry it. To take a payment from this caller yourself, open a new session. Nothing was sent.`,
        );
      const refused = RETRY_REFUSED[was.state];
      if (refused) throw new DeskError('CONFLICT', `Session ${was.orderId} ${refused}. Nothing was sent.`);
      const retry = await retryOf(was.orderId);
      if (retry)
        throw new DeskError(
          'CONFLICT',
          `Session ${was.orderId} was already retried as ${retry.orderId} (${retry.state}): ${ENDED_TERMINAL_STATES.includes(retry.state) && !RETRY_REFUSED[retry.state] ? `retry ${retry.orderId} instead` : 'another retry could take the money twice'}. Nothing was sent.`,
        );
      if (was.pageOpen) return samePageAgain(was, input);
      return start(
        {
          intent: was.intent,
          customer: withoutNulls(fromCustomerData(row.cid, row.customer_data)),
          currency: was.currency,
          amount: was.amountMinor === null ? null : minorToDecimalString(was.amountMinor, was.currency),
          paymentMethod: input.paymentMethod,
          gateway: input.gateway,
          callerCheck: [],
        },
        was.orderId,
      );
    },

    status: session,
    /** The session again, for a window that lost it (a reload): with its page for the agent who opened it. */
    reopen: async (orderId: string): Promise<TerminalStart> =>
      pages.reopen(await session(orderId), currentActor().name),
    history: async (limit = 100): Promise<TerminalSession[]> => (await terminalHistory(store.db, limit)).map(toSession),
    recentCustomers: (search?: string): Promise<RecentCustomer[]> => recentCustomers(store.db, search),
    customerData: (cid: string) => customerDataOf(store.db, cid),
    async knownCustomer(cid: string): Promise<TerminalCustomer | null> {
      // An agent alone does not read holds and withdrawals, nor so Praxis's details of customers known only from them.
      const data = await customerDataOf(store.db, cid, unreadableTypes());
      return data ? fromCustomerData(cid, data) : null;
    },
    prefill: (tid: number) => prefillFrom(store.db, tid),

    async gatewayOptions(intent?: TerminalIntent): Promise<TerminalGatewayOption[]> {
      const s = await deps.praxis();
      const answer = await s.client.getGatewayOptions(intent ? { transactionType: TRANSACTION_TYPE_OF[intent] } : {});
      return Object.entries(answer.gateway_options ?? {}).map(([gateway, o]) => {
        const opt = o as { name?: unknown; payment_method?: unknown };
        const paymentMethod = typeof opt.payment_method === 'string' ? opt.payment_method : null;
        return { gateway, label: typeof opt.name === 'string' ? opt.name : (paymentMethod ?? gateway), paymentMethod };
      });
    },

    /** After a restart: opens whose answer was lost are looked up, and open sessions are followed again. */
    async recoverUnresolved(): Promise<void> {
      // Needs no credentials: what ended while no desk was watching is already in the store.
      await auditRecentOutcomes(store, deps.follow?.followForMs ?? FOLLOW_DEFAULTS.followForMs);
      const s = await deps.praxis();
      const open = (await store.journal.unresolved(sendLeaseMs(s))).filter(
        (e) => e.itemKind === 'session' && e.action === TERMINAL_OPEN_ACTION,
      );
      for (const entry of open) {
        const now = entry.state === 'sending' ? { ...entry, state: 'unknown' as const } : entry;
        await settleUnknownOpen(store, s, log, now).catch((err: unknown) =>
          log.warn('terminal open not settled at start', { orderId: entry.itemId, error: String(err) }),
        );
      }
      await follower.resume();
    },

    /** Told the sessions a store change touched: each ended one's outcome goes to the audit, once. */
    async auditOutcomes(orderIds: readonly string[]): Promise<void> {
      for (const orderId of orderIds) await auditTerminalOutcome(store, orderId);
    },

    close: () => follower.close(),
  };
}
export type TerminalEngine = ReturnType<typeof createTerminalEngine>;
export const isEnded = (s: TerminalSession) => ENDED_TERMINAL_STATES.includes(s.state);
