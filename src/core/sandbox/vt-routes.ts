/**
 * `/cashier/virtual-terminal` (api-reference §4) and the hosted card page its redirect_url points to.
 * Card numbers are only looked at to pick the test outcome and are kept masked; they are never logged.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseAmount } from '../../shared/money';
import { PRAXIS_TEXTS } from '../praxis/protocol-texts';
import type { Card } from '../praxis/schemas';
import { CASHIER_SIGNATURES } from '../praxis/signature-fields';
import type { Book } from './book';
import type { SimSession } from './book-types';
import { SIM_CURRENCIES } from './catalog';
import { HOSTED_PAGE_CSP, TEST_CARDS_HELP, cardFormPage, challengePage, closedPage, resultPage } from './hosted-page';
import type { Notifier } from './notifier';
import { callCustomerSync, callValidation } from './vt-merchant-calls';
import type { Rng } from './prng';
import { signedRoute, type Answer, type SignedRouteContext } from './signed-route';

export const TEST_CARDS = {
  approve: '4111111111111111',
  decline: '4000000000000002',
  challenge: '4000000000003220',
} as const;

/** ASSUMED texts for VT refusals (the VT response table is not visible, §8.6). */
const VT_TEXTS = {
  intent: 'Invalid intent: the virtual terminal takes payment, authorization or withdrawal.',
  balance: 'Balance must be a whole number of minor units, or null.',
  currency: `Currency is not enabled for this application (sandbox: ${SIM_CURRENCIES.join(', ')}).`,
  amount: 'Amount must be a positive whole number of minor units, or null.',
  missing: (f: string) => `Request parameter missing: ${f}.`,
};

interface PendingChallenge {
  amountMinor: number;
  card: Card;
}

const parseForm = (raw: unknown): URLSearchParams => new URLSearchParams(typeof raw === 'string' ? raw : '');
const mask = (digits: string) => `${digits.slice(0, 6)}******${digits.slice(-4)}`;

/** A Cashier session is valid 15 minutes (§6.3); one still open then expires. */
export const VT_SESSION_TTL_MS = 15 * 60_000;

/** Expires a still-open session and notifies it with `"transaction": null`, as Praxis documents (§5.1). */
export function expireVtSession(book: Book, notifier: Notifier, orderId: string): boolean {
  if (!book.expireSession(orderId)) return false;
  notifier.notifySession(orderId);
  return true;
}

/** What a test or the desk changes at run time: how long an abandoned page lives, and the merchant's customer sync. */
export interface VtConfig {
  sessionTtlMs: number;
  /** Given to Praxis support beforehand (§5.3); null = Praxis does not call it. */
  customerSyncUrl: string | null;
}

/** Registers the VT routes; the answer stops the sessions' expiry timers. */
export function registerVirtualTerminal(
  app: FastifyInstance,
  ctx: SignedRouteContext & { baseUrl: () => string; rng: Rng; vt: VtConfig },
  book: Book,
  notifier: Notifier,
): { stop(): void } {
  const challenges = new Map<string, PendingChallenge>();
  const expiries = new Set<NodeJS.Timeout>();

  const merchant = { credentials: ctx.credentials, nowSeconds: ctx.nowSeconds, logger: ctx.logger };
  signedRoute(
    app,
    ctx,
    '/cashier/virtual-terminal',
    CASHIER_SIGNATURES['virtual-terminal'],
    async (b): Promise<Answer> => {
      if (b.intent !== 'payment' && b.intent !== 'authorization' && b.intent !== 'withdrawal')
        return { status: 400, description: VT_TEXTS.intent };
      const balance = b.balance ?? null;
      if (balance !== null && (typeof balance !== 'number' || !Number.isSafeInteger(balance) || balance < 0))
        return { status: 400, description: VT_TEXTS.balance };
      if (typeof b.currency !== 'string' || !(SIM_CURRENCIES as readonly string[]).includes(b.currency))
        return { status: 400, description: VT_TEXTS.currency };
      const amount = b.amount ?? null;
      if (amount !== null && (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0))
        return { status: 400, description: VT_TEXTS.amount };
      for (const f of ['cid', 'order_id', 'agent_name'] as const)
        if (typeof b[f] !== 'string' || b[f] === '') return { status: 400, description: VT_TEXTS.missing(f) };
      if (book.sessions.has(b.order_id as string)) return { status: 400, description: PRAXIS_TEXTS.orderIdNotUnique };
      const data = (b.customer_data ?? undefined) as
        { first_name?: string; last_name?: string; country?: string } | undefined;
      const customer = book.ensureCustomer(b.cid as string, b.currency, data);
      const session = book.openSession({
        intent: b.intent,
        session_status: 'open',
        order_id: b.order_id as string,
        cid: customer.cid,
        currency: b.currency,
        amount: amount as number | null,
        notificationUrl: typeof b.notification_url === 'string' ? b.notification_url : undefined,
        agentName: b.agent_name as string,
        returnUrl: typeof b.return_url === 'string' ? b.return_url : null,
        validationUrl: typeof b.validation_url === 'string' ? b.validation_url : null,
        balance: balance as number | null,
      });
      // As Praxis does when a terminal opens for a cid: ask the merchant who the customer is and what they may withdraw.
      if (ctx.vt.customerSyncUrl) {
        session.customerSync = await callCustomerSync(merchant, ctx.vt.customerSyncUrl, session);
        if (session.balance === null) session.balance = session.customerSync.balance;
      }
      const expiry = setTimeout(() => {
        expiries.delete(expiry);
        expireVtSession(book, notifier, session.order_id);
      }, ctx.vt.sessionTtlMs);
      expiry.unref();
      expiries.add(expiry);
      return {
        status: 0,
        description: 'Ok',
        redirect_url: `${ctx.baseUrl()}/hpp/${session.auth_token}`,
        customer: book.customerWire(customer.cid),
        session: book.sessionWire(session.order_id),
      };
    },
  );

  const html = (reply: FastifyReply, code: number, body: string) =>
    reply
      .code(code)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', HOSTED_PAGE_CSP)
      .header('cache-control', 'no-store')
      .send(body);

  const openSession = (token: string): SimSession | string => {
    const s = book.sessionsByToken.get(token);
    if (!s) return 'This payment page does not exist or has expired.';
    if (s.session_status !== 'open')
      return `This session is already ${s.session_status}; open a new one from the desk.`;
    return s;
  };

  const finish = (reply: FastifyReply, s: SimSession, amountMinor: number, card: Card, approved: boolean) => {
    if (s.intent === 'withdrawal') {
      const rec = book.requestWithdrawal(s, amountMinor, { ...card, card_token: null });
      notifier.notify(rec.tx.tid);
      return html(reply, 200, resultPage(s, { approved: true, tid: rec.tx.tid, status: rec.tx.transaction_status }));
    }
    const type = s.intent === 'authorization' ? 'authorization' : 'sale';
    const status = approved ? (type === 'authorization' ? 'authorized' : 'approved') : 'rejected';
    const rec = book.createDeposit({
      cid: s.cid,
      currency: s.currency,
      amount: amountMinor,
      type,
      status,
      card: approved ? card : { ...card, card_token: null },
      session: s,
    });
    // A decline leaves the session open so the agent can try another card, as Praxis's VT does.
    if (approved) s.session_status = 'successful';
    notifier.notify(rec.tx.tid);
    return html(reply, 200, resultPage(s, { approved, tid: rec.tx.tid, status }));
  };

  app.get<{ Params: { token: string } }>('/hpp/:token', async (req, reply) => {
    const s = openSession(req.params.token);
    return typeof s === 'string' ? html(reply, 404, closedPage(s)) : html(reply, 200, cardFormPage(s));
  });

  app.post<{ Params: { token: string } }>('/hpp/:token/pay', async (req, reply) => {
    const s = openSession(req.params.token);
    if (typeof s === 'string') return html(reply, 404, closedPage(s));
    const form = parseForm(req.body);
    let amountMinor = s.amount;
    if (amountMinor === null) {
      const parsed = parseAmount(form.get('amount') ?? '', s.currency);
      if (!parsed.ok) return html(reply, 400, cardFormPage(s, parsed.message));
      amountMinor = parsed.amountMinor;
    }
    const digits = (form.get('card_number') ?? '').replace(/[\s-]/g, '');
    const exp = (form.get('card_exp') ?? '').trim();
    if (!/^(0[1-9]|1[0-2])\/20\d\d$/.test(exp))
      return html(reply, 400, cardFormPage(s, 'Expiry must be MM/YYYY, e.g. 12/2030.'));
    if (!/^\d{3,4}$/.test(form.get('cvv') ?? ''))
      return html(reply, 400, cardFormPage(s, 'CVV must be 3 or 4 digits.'));
    if (!(Object.values(TEST_CARDS) as string[]).includes(digits))
      return html(reply, 400, cardFormPage(s, `That is not a sandbox test card. ${TEST_CARDS_HELP}`));
    const card: Card = {
      card_token: ctx.rng.hex(32),
      card_type: 'VISA',
      card_number: mask(digits),
      card_exp: exp,
      card_holder: form.get('card_holder') || null,
    };
    if (s.intent === 'withdrawal' && typeof s.balance === 'number' && amountMinor > s.balance)
      return html(reply, 400, cardFormPage(s, 'The amount is more than the withdrawable balance.'));
    // Praxis asks the merchant before processing when the session named a validation_url (§5.2).
    if (s.validationUrl) {
      const refused = await callValidation(merchant, s.validationUrl, s, book.customerWire(s.cid), {
        amount: amountMinor,
        maskedCard: card.card_number,
        cardExp: exp,
      });
      if (refused !== null) {
        (s.validationRefusals ??= []).push(refused);
        return html(reply, 400, cardFormPage(s, refused));
      }
    }
    if (digits === TEST_CARDS.challenge && s.intent !== 'withdrawal') {
      challenges.set(s.auth_token, { amountMinor, card });
      return html(reply, 200, challengePage(s, card.card_number));
    }
    return finish(reply, s, amountMinor, card, digits === TEST_CARDS.approve);
  });

  app.post<{ Params: { token: string } }>('/hpp/:token/challenge', async (req, reply) => {
    const s = openSession(req.params.token);
    if (typeof s === 'string') return html(reply, 404, closedPage(s));
    const pending = challenges.get(s.auth_token);
    if (!pending) return html(reply, 400, cardFormPage(s, 'No verification is waiting: enter the card again.'));
    challenges.delete(s.auth_token);
    return finish(reply, s, pending.amountMinor, pending.card, parseForm(req.body).get('decision') === 'approve');
  });

  return {
    stop: () => {
      for (const t of expiries) clearTimeout(t);
      expiries.clear();
    },
  };
}
