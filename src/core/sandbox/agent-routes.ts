/** The Agent API endpoints (api-reference §3) over the simulator's book. */
import type { FastifyInstance } from 'fastify';
import { PRAXIS_TEXTS } from '../praxis/protocol-texts';
import { AGENT_SIGNATURES } from '../praxis/signature-fields';
import type { Book, Outcome } from './book';
import type { SimRecord } from './book-types';
import { GATEWAYS } from './catalog';
import type { Notifier } from './notifier';
import { signedRoute, type Answer, type SignedRouteContext } from './signed-route';

const OK = { status: 0, description: 'Ok' } as const;
const refusal = (description: string, extra: Record<string, unknown> = {}): Answer => ({
  status: 400,
  description,
  ...extra,
});

export function registerAgentRoutes(
  app: FastifyInstance,
  ctx: SignedRouteContext,
  book: Book,
  notifier: Notifier,
): void {
  const { faults } = ctx;
  // Used up only by a call that makes a payout (a cancel leaves the shortfall for the next payout).
  const payoutFaults = (makesPayout = true) => ({
    hold: faults.holdPayouts,
    shortBy: makesPayout ? faults.takeShortfall() : 0,
  });
  const route = (name: keyof typeof AGENT_SIGNATURES, action: (body: Record<string, unknown>) => Answer) =>
    signedRoute(app, ctx, `/agent/${name}`, AGENT_SIGNATURES[name], action);

  /** Turns a transition into an answer and notifies every item whose status changed. */
  const settle = (o: Outcome<SimRecord>, withSession: boolean): Answer => {
    if (!o.ok) return refusal(o.description, o.tid !== undefined ? { transaction: book.txWire(o.tid) } : {});
    for (const tid of o.changed) notifier.notify(tid);
    const view = book.view(o.value.tx.tid)!;
    return withSession ? { ...OK, ...view } : { ...OK, transaction: view.transaction };
  };

  /** A find answer, with the status a test told the simulator to answer for this item (faults.findStatus). */
  const found = (view: ReturnType<Book['view']>, key: { tid?: number; orderId?: string }): Answer => {
    if (!view) return refusal(PRAXIS_TEXTS.transactionNotFound, { customer: null, session: null, transaction: null });
    const held = faults.statusAnswer(key);
    if (held && view.transaction) {
      view.transaction.transaction_status = held.status;
      if (held.details) view.transaction.status_details = held.details;
    }
    return { ...OK, ...view };
  };

  route('find-order', (b) =>
    found(typeof b.order_id === 'string' ? book.findOrder(b.order_id) : null, { orderId: String(b.order_id) }),
  );

  route('find-transaction', (b) =>
    found(typeof b.tid === 'number' ? book.view(b.tid) : null, { tid: typeof b.tid === 'number' ? b.tid : -1 }),
  );

  route('manage-transaction', (b) => settle(book.manageAuthorization(Number(b.tid), String(b.intent)), false));

  route('manage-withdrawal-request', (b) =>
    settle(
      book.manageWithdrawal(
        Number(b.withdrawal_request_id),
        String(b.intent),
        b.gateway,
        payoutFaults(b.intent === 'complete-withdrawal-request'),
      ),
      false,
    ),
  );

  route('split-withdrawal-request', (b) => settle(book.split(b as Parameters<Book['split']>[0], payoutFaults()), true));

  route('get-available-gateways', (b) => {
    const type = b.transaction_type;
    if (type !== 'authorization' && type !== 'sale' && type !== 'payout')
      return refusal('Request parameter missing: transaction_type.');
    const gateways = GATEWAYS.filter(
      (g) =>
        g.transaction_types.includes(type) && (typeof b.currency !== 'string' || g.currencies.includes(b.currency)),
    ).map(({ gateway, name, payment_method, gateway_type, currencies }) => ({
      gateway,
      name,
      payment_method,
      gateway_type,
      currencies,
    }));
    return { ...OK, gateways };
  });

  route('get-gateway-options', (b) => {
    const type = b.transaction_type;
    const options = Object.fromEntries(
      GATEWAYS.filter(
        (g) =>
          (typeof b.gateway !== 'string' || g.gateway === b.gateway) &&
          (typeof type !== 'string' || (g.transaction_types as string[]).includes(type)),
      ).map((g) => [
        g.gateway,
        {
          name: g.name,
          payment_method: g.payment_method,
          gateway_type: g.gateway_type,
          currencies: g.currencies,
          transaction_types: g.transaction_types,
        },
      ]),
    );
    return { ...OK, gateway_options: options };
  });
}
