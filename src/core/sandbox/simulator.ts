/** Builds and starts the simulator: book, notifier, faults, and the three route groups on one fastify. */
import Fastify from 'fastify';
import { SANDBOX_SAMPLE } from '../../shared/domain';
import { Book } from './book';
import { CallGauge, FaultSwitches } from './faults';
import { Notifier } from './notifier';
import { createRng } from './prng';
import { createHoldWindows } from './hold-windows';
import { arriveOne, cardOfBrand, seedBook } from './seed';
import { registerAdminRoutes } from './admin-routes';
import { registerAgentRoutes } from './agent-routes';
import { expireVtSession, registerVirtualTerminal, VT_SESSION_TTL_MS } from './vt-routes';
import type { CreateItemInput, Simulator, SimulatorOptions } from './types';

export const DEFAULT_ARRIVAL_INTERVAL_MS = 20_000;
/** Card schemes' usual hold: about 7 days (product.md "Hold windows"); a test shortens it per run. */
export const DEFAULT_HOLD_WINDOW_MS = 7 * 24 * 3600_000;

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const machineNow = opts.now ?? Date.now;
  const faults = new FaultSwitches(machineNow);
  // Praxis's clock: the machine's, moved by the clockOffsetMs fault (a desk whose clock is off).
  const now = () => machineNow() + faults.clockOffsetMs;
  const nowSeconds = () => Math.floor(now() / 1000);
  const credentials = { ...SANDBOX_SAMPLE, ...opts.credentials };
  const rng = createRng(opts.seedValue ?? 1);
  const book = new Book(rng, nowSeconds);
  const calls = new CallGauge();
  let notificationUrl = opts.notificationUrl ?? null;
  const notifier = new Notifier({
    book,
    faults,
    credentials,
    defaultUrl: () => notificationUrl,
    nowMs: now,
    retryBaseMs: opts.notificationRetryBaseMs ?? 1000,
    logger: opts.logger,
  });
  if (opts.seed ?? true) seedBook(book, rng, nowSeconds());

  const hangs = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const holdOpen = (ms: number) =>
    new Promise<void>((resolve) => {
      const h = { timer: setTimeout(() => (hangs.delete(h), resolve()), ms), resolve };
      hangs.add(h);
    });

  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 1_048_576 });
  // Bodies stay raw strings: the gate must answer malformed JSON with Praxis's own text.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  let url = '';
  // Where callers reach it when a proxy sits in front: the hosted page's redirect_url must be on that address.
  let publicUrl: string | null = null;
  const ctx = {
    credentials,
    faults,
    calls,
    nowSeconds,
    hangMs: opts.hangMs ?? 30_000,
    holdOpen,
    logger: opts.logger,
    baseUrl: () => publicUrl ?? url,
    rng,
    vt: { sessionTtlMs: opts.vtSessionTtlMs ?? VT_SESSION_TTL_MS, customerSyncUrl: opts.customerSyncUrl ?? null },
  };
  const create = (kind: 'wr' | 'auth') => (input: CreateItemInput) => {
    const item = {
      cid: input.cid,
      currency: input.currency,
      amount: input.amount,
      notificationUrl: input.notification_url ?? undefined,
      orderId: input.order_id,
      customerData: input.customer_data,
    };
    const rec =
      kind === 'wr'
        ? book.createWithdrawalRequest(item)
        : book.createDeposit({
            ...item,
            type: 'authorization',
            status: 'authorized',
            card: input.card_type ? cardOfBrand(input.card_type, rng) : undefined,
          });
    notifier.notify(rec.tx.tid);
    return { tid: rec.tx.tid };
  };
  const holdWindow = createHoldWindows(opts.holdWindowMs ?? DEFAULT_HOLD_WINDOW_MS);
  const createWithdrawalRequest = create('wr');
  const createAuthorization = create('auth');
  const setNotificationUrl = (u: string | null) => {
    notificationUrl = u;
  };

  registerAgentRoutes(app, ctx, book, notifier);
  const vt = registerVirtualTerminal(app, ctx, book, notifier);
  registerAdminRoutes(app, {
    book,
    faults,
    calls,
    notifier,
    createWithdrawalRequest,
    createAuthorization,
    setNotificationUrl,
    notificationUrl: () => notificationUrl,
    expireSession: (orderId) => expireVtSession(book, notifier, orderId),
    vt: ctx.vt,
    holdWindow,
  });

  const host = opts.host ?? '127.0.0.1';
  await app.listen({ port: opts.port ?? 0, host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  opts.logger?.info('sim: listening', { url, seeded: book.records.size });

  let arrivals = 0;
  const interval = opts.arrivalIntervalMs === undefined ? DEFAULT_ARRIVAL_INTERVAL_MS : opts.arrivalIntervalMs;
  const arrive = () => {
    try {
      notifier.notify(arriveOne(book, rng, nowSeconds(), arrivals++));
    } catch (e) {
      opts.logger?.error('sim: could not create an arriving item', { reason: (e as Error).message });
    }
  };
  const arrivalTimer = interval === null ? null : setInterval(arrive, interval);
  arrivalTimer?.unref();
  // Lapsed holds move on by themselves, notified as Praxis would.
  const lapseTimer = setInterval(() => {
    for (const tid of book.lapseHolds(holdWindow.secondsOf)) notifier.notify(tid);
  }, opts.lapseCheckMs ?? 1000);
  lapseTimer.unref();

  return {
    url,
    credentials,
    setNotificationUrl,
    replayNotifications: () => notifier.replay(),
    createWithdrawalRequest,
    createAuthorization,
    setFaults: (f) => faults.set(f),
    setHoldWindow: (seconds, tids) => holdWindow.set(seconds, tids),
    setCustomerSyncUrl: (u) => {
      ctx.vt.customerSyncUrl = u;
    },
    setPublicUrl: (u) => {
      publicUrl = u;
    },
    clearFaults: () => faults.clear(),
    idle: () => notifier.idle(),
    stop: async () => {
      if (arrivalTimer) clearInterval(arrivalTimer);
      clearInterval(lapseTimer);
      vt.stop();
      notifier.stop();
      for (const h of hangs) {
        clearTimeout(h.timer);
        h.resolve();
      }
      hangs.clear();
      await app.close();
    },
  };
}
