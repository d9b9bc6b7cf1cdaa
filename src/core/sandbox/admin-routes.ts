/** `/_sim/*`: the unsigned admin API for tests and demos, answered to loopback callers only. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { isLoopbackHost } from '../praxis/base-url';
import type { Book } from './book';
import { SimFaultsSchema, type CallGauge, type FaultSwitches } from './faults';
import type { HoldWindows } from './hold-windows';
import type { Notifier } from './notifier';
import type { VtConfig } from './vt-routes';
import { SIM_CARD_BRANDS, type CreateItemInput } from './types';

const CreateItemSchema = z.strictObject({
  cid: z.string().min(1).max(50),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code such as EUR'),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  notification_url: z.string().url().nullish(),
  /** An authorization on a card of this brand (its hold window depends on it); default: the customer's first card. */
  card_type: z.enum(SIM_CARD_BRANDS).optional(),
  /** The merchant's own order id (Praxis keeps up to 50 characters); default: a new dep-/wd- number. */
  order_id: z.string().min(1).max(50).optional(),
  /** A new cid's name (a known cid keeps its own). */
  customer_data: z
    .strictObject({ first_name: z.string().max(50).optional(), last_name: z.string().max(50).optional() })
    .optional(),
});

const SettleSchema = z.strictObject({ status: z.enum(['approved', 'error']).default('approved') });

const HoldWindowSchema = z.strictObject({
  seconds: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 3600),
  tids: z.array(z.number().int().positive()).max(10_000).optional(),
});

const VirtualTerminalSchema = z.strictObject({
  /** An abandoned page expires (and is notified with "transaction": null) after this; applies to sessions opened next. */
  session_ttl_seconds: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .optional(),
  customer_sync_url: z.string().url().nullable().optional(),
});

const NotificationUrlSchema = z.strictObject({ url: z.string().url().nullable() });

export interface AdminDeps {
  book: Book;
  faults: FaultSwitches;
  calls: CallGauge;
  notifier: Notifier;
  createWithdrawalRequest(input: CreateItemInput): { tid: number };
  createAuthorization(input: CreateItemInput): { tid: number };
  setNotificationUrl(url: string | null): void;
  notificationUrl(): string | null;
  /** Expires a still-open session now (false when there is none open under that order_id). */
  expireSession(orderId: string): boolean;
  holdWindow: HoldWindows;
  vt: VtConfig;
}

const isLoopbackAddress = (addr: string | undefined) =>
  !!addr && (isLoopbackHost(addr) || addr.startsWith('127.') || addr === '::ffff:127.0.0.1');

/** The host name of a Host header or an Origin ('' when it is not one). */
function hostnameOf(value: string | undefined): string {
  if (!value) return '';
  try {
    return new URL(value.includes('://') ? value : `http://${value}`).hostname;
  } catch {
    return '';
  }
}

function parseJson<T>(schema: z.ZodType<T>, raw: unknown, reply: FastifyReply): T | null {
  let json: unknown;
  try {
    json = typeof raw === 'string' && raw !== '' ? JSON.parse(raw) : {};
  } catch {
    void reply.code(400).send({ error: 'The body is not JSON.' });
    return null;
  }
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  void reply
    .code(400)
    .send({ error: r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
  return null;
}

export function registerAdminRoutes(app: FastifyInstance, d: AdminDeps): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/_sim/')) return;
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      return reply.code(403).send({ error: 'The simulator admin API answers loopback callers only.' });
    }
    // A loopback caller may still be a web page in the user's browser: by a name rebound to 127.0.0.1 (Host)…
    if (!isLoopbackHost(hostnameOf(req.headers.host))) {
      return reply.code(403).send({ error: 'The simulator admin API answers only calls to its loopback address.' });
    }
    // …or by a form posted from another site (Origin).
    const origin = req.headers.origin;
    if (origin !== undefined && !isLoopbackHost(hostnameOf(origin))) {
      return reply.code(403).send({ error: 'The simulator admin API answers no call sent from another site.' });
    }
  });

  /** A new item's input, or null once the reply says what was wrong (an order id is one session's only). */
  const newItem = (raw: unknown, reply: FastifyReply): CreateItemInput | null => {
    const input = parseJson(CreateItemSchema, raw, reply);
    if (input?.order_id !== undefined && d.book.sessions.has(input.order_id)) {
      void reply.code(409).send({ error: `Order id ${input.order_id} is already used in the simulator.` });
      return null;
    }
    return input;
  };

  app.post('/_sim/withdrawal-requests', async (req, reply) => {
    const input = newItem(req.body, reply);
    return input ? reply.code(201).send(d.createWithdrawalRequest(input)) : reply;
  });

  app.post('/_sim/authorizations', async (req, reply) => {
    const input = newItem(req.body, reply);
    return input ? reply.code(201).send(d.createAuthorization(input)) : reply;
  });

  app.get<{ Params: { tid: string } }>('/_sim/transactions/:tid', async (req, reply) => {
    const rec = /^\d+$/.test(req.params.tid) ? d.book.record(Number(req.params.tid)) : null;
    return rec
      ? reply.send(rec)
      : reply.code(404).send({ error: `No transaction ${req.params.tid} in the simulator.` });
  });

  app.get('/_sim/transactions', async () => ({
    transactions: [...d.book.records.values()].map((r) => ({
      tid: r.tx.tid,
      type: r.tx.transaction_type,
      status: r.tx.transaction_status,
      cid: r.cid,
      currency: r.tx.currency,
      amount: r.tx.amount,
      created_at: r.createdAt,
    })),
  }));

  app.get('/_sim/faults', async () => d.faults.current());
  app.post('/_sim/faults', async (req, reply) => {
    const faults = parseJson(SimFaultsSchema, req.body, reply);
    if (!faults) return reply;
    d.faults.set(faults);
    return d.faults.current();
  });
  app.delete('/_sim/faults', async () => {
    d.faults.clear();
    return d.faults.current();
  });

  // Held payouts end: each notified (the request's own status change is not, as [L-flow] says).
  app.post('/_sim/settle-payouts', async (req, reply) => {
    const body = parseJson(SettleSchema, req.body, reply);
    if (!body) return reply;
    const settled = d.book.settleHeld(body.status);
    for (const tid of settled) d.notifier.notify(tid);
    return { settled };
  });

  app.get('/_sim/stats', async () => d.calls.snapshot());
  app.delete('/_sim/stats', async () => {
    d.calls.reset();
    return d.calls.snapshot();
  });

  // Holds lapse after this window: a test shortens it for a run (or for some tids) to watch one lapse in seconds.
  app.get('/_sim/hold-window', async () => d.holdWindow.current());
  app.post('/_sim/hold-window', async (req, reply) => {
    const body = parseJson(HoldWindowSchema, req.body, reply);
    if (!body) return reply;
    d.holdWindow.set(body.seconds, body.tids);
    return d.holdWindow.current();
  });

  app.get('/_sim/notification-url', async () => ({ url: d.notificationUrl() }));
  app.post('/_sim/notification-url', async (req, reply) => {
    const body = parseJson(NotificationUrlSchema, req.body, reply);
    if (!body) return reply;
    d.setNotificationUrl(body.url);
    return { url: d.notificationUrl() };
  });

  app.post<{ Params: { orderId: string } }>('/_sim/sessions/:orderId/expire', async (req, reply) =>
    d.expireSession(req.params.orderId)
      ? { order_id: req.params.orderId, session_status: 'expired' }
      : reply.code(404).send({ error: `No open session ${req.params.orderId} in the simulator.` }),
  );

  const vtView = () => ({ session_ttl_seconds: d.vt.sessionTtlMs / 1000, customer_sync_url: d.vt.customerSyncUrl });
  app.get('/_sim/virtual-terminal', async () => vtView());
  app.post('/_sim/virtual-terminal', async (req, reply) => {
    const body = parseJson(VirtualTerminalSchema, req.body, reply);
    if (!body) return reply;
    if (body.session_ttl_seconds !== undefined) d.vt.sessionTtlMs = body.session_ttl_seconds * 1000;
    if (body.customer_sync_url !== undefined) d.vt.customerSyncUrl = body.customer_sync_url;
    return vtView();
  });

  // A session as the simulator holds it: what customer sync answered and what validation refused (no card data).
  app.get<{ Params: { orderId: string } }>('/_sim/sessions/:orderId', async (req, reply) => {
    const s = d.book.sessions.get(req.params.orderId);
    if (!s) return reply.code(404).send({ error: `No session ${req.params.orderId} in the simulator.` });
    return {
      ...d.book.sessionWire(s.order_id),
      balance: s.balance ?? null,
      agent_name: s.agentName ?? null,
      customer_sync: s.customerSync ?? null,
      validation_refusals: s.validationRefusals ?? [],
      tids: s.tids,
    };
  });

  app.post('/_sim/replay-notifications', async () => ({ sent: await d.notifier.replay() }));
}
