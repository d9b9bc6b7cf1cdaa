import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Db } from '../store/db';
import { acceptManyWithClaims, type AcceptedClaim, type AcceptedEffect } from '../store/accept-many';
import { createGroupCommit, type GroupCommit, type GroupCommitOptions } from '../store/group-commit';
import { insertNotification } from '../store/notifications-repo';
import type { WorkStore } from '../store/work-store';
import { answer, type SignedAnswer } from './ack';
import { keptHeaders, processNotification, type IntakeDeps, type IntakeMerchant } from './process-notification';
import { createLineBudget } from '../log-budget';
import { createMomentCopies } from './moment-copies';
import { createRefusalPolicy, type RefusalLimits } from './refusal-policy';
import { TIMESTAMP_WINDOW_SECONDS } from '../praxis/protocol-texts';
import { answerCustomerSync, answerValidation, type WebhookAnswer, type WebhookDeps } from './terminal-webhooks';

/** The store a message goes to and the merchant it is verified for: always of one profile. */
export interface IntakeTarget {
  store: WorkStore;
  merchant: IntakeMerchant;
}

/** Runs one message on the current target; throws (a DeskError) while there is none, e.g. during a profile switch. */
export type WithIntakeTarget = <T>(fn: (target: IntakeTarget) => Promise<T>) => Promise<T>;

/** Limits that keep slow or numerous clients from holding the one port the internet can reach. */
export interface ConnectionLimits {
  /** Whole request, headers and body, must arrive within this. */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** A socket with no traffic for this long is closed. */
  idleTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  maxConnections?: number;
  maxRequestsPerSocket?: number;
  /** How often Node checks the request and header timeouts (its default, 30 s, lets a slow client stay 30 s longer). */
  checkEveryMs?: number;
}

export type IntakeOptions = Omit<IntakeDeps, 'store' | 'merchant' | 'refusals'> & {
  /** Largest body accepted, in bytes. Praxis notifications are a few KB. */
  bodyLimitBytes?: number;
  limits?: ConnectionLimits;
  refusalLimits?: RefusalLimits;
  /** Accepted messages arriving together share one commit (each acked only after it); false = one commit each. */
  groupCommit?: GroupCommitOptions | false;
  /** Public URLs for manual deposits in customer sync's answer; default: this intake's own address. */
  publicUrls?: WebhookDeps['publicUrls'];
} & (IntakeTarget | { withTarget: WithIntakeTarget });

export interface Intake {
  app: FastifyInstance;
  /** Starts listening; returns the base URL (loopback unless a host is given). */
  listen(opts: { port: number; host?: string }): Promise<string>;
  close(): Promise<void>;
}

export const NOTIFICATION_PATH = '/praxis/notification';
/** Praxis's pre-processing check of a terminal (or manual) deposit attempt (§5.2). */
export const VALIDATION_PATH = '/praxis/validation';
/** Praxis asks for a customer's details and balance when a terminal session opens for a cid (§5.3). */
export const CUSTOMER_SYNC_PATH = '/praxis/customer-sync';
const DEFAULT_BODY_LIMIT = 256 * 1024;

function send(reply: FastifyReply, out: SignedAnswer | WebhookAnswer): FastifyReply {
  reply.code(out.httpStatus).header('content-type', 'application/json; charset=utf-8');
  if (out.signature) reply.header('gt-authentication', out.signature);
  return reply.send(JSON.stringify(out.body));
}

/** The notification receiver (api-reference §5.1) as a fastify app: the desk runs it in-process, `npm run intake` as a service. */
export function createIntake(opts: IntakeOptions): Intake {
  const bodyLimit = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const now = opts.now ?? Date.now;
  const limits = opts.limits ?? {};
  const requestTimeout = limits.requestTimeoutMs ?? 10_000;
  const app = Fastify({
    logger: false,
    bodyLimit,
    requestTimeout,
    connectionTimeout: limits.idleTimeoutMs ?? 10_000,
    keepAliveTimeout: limits.keepAliveTimeoutMs ?? 5_000,
    maxRequestsPerSocket: limits.maxRequestsPerSocket ?? 100,
    http: {
      headersTimeout: Math.min(limits.headersTimeoutMs ?? 5_000, requestTimeout),
      connectionsCheckingInterval: limits.checkEveryMs ?? 1_000,
    },
  });
  app.server.maxConnections = limits.maxConnections ?? 256;
  const refusals = createRefusalPolicy(opts.refusalLimits, now);
  // A moment is remembered for its window: a later copy is refused as stale before this is asked.
  const momentCopies = createMomentCopies({ windowSeconds: TIMESTAMP_WINDOW_SECONDS }, now);
  const withTarget: WithIntakeTarget =
    'withTarget' in opts ? opts.withTarget : (fn) => fn({ store: opts.store, merchant: opts.merchant });
  // No target (the desk is switching profile): nothing can be verified or stored, so Praxis is asked to resend (-1).
  const noTarget = (err: unknown): SignedAnswer => {
    const why = opts.logger.redact(err instanceof Error ? err.message : String(err));
    // Anyone can make it answer this while the store is away: its lines share the refusals' budget.
    refusals.log(opts.logger, { reason: why }, 'intake has no work store right now; asked the sender to resend');
    // The reason is the log's: it may name the store's address or login, and anyone can make the intake answer.
    return answer(503, -1, 'The desk cannot take notifications right now; please send it again.', null, now());
  };

  // Every body arrives as raw text: the intake parses it itself so malformed JSON is stored, not just rejected.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.setErrorHandler(async (err: { code?: string; statusCode?: number; message: string }, req, reply) => {
    const tooLarge = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    const description = tooLarge
      ? `Body is larger than ${bodyLimit} bytes; a Praxis notification is a few KB.`
      : `Could not read the request: ${err.message}`;
    const status = tooLarge ? 413 : (err.statusCode ?? 500);
    // Unread and unauthenticated: answered unsigned, recorded without a body.
    const refused = answer(status, 1, description, null, now());
    const headers = keptHeaders({ headers: req.headers, remoteAddress: req.ip });
    // By route, not by URL: a query string must not take a refusal out of the record.
    if (req.routeOptions.url === NOTIFICATION_PATH) {
      await withTarget(async ({ store }) => {
        await insertNotification(store.db, {
          verdict: tooLarge ? 'too_large' : 'malformed',
          reason: description,
          rawBody: null,
          response: refused.body,
          headers,
        });
        await refusals.recorded(store.db);
      }).catch((e: unknown) =>
        opts.logger.error('intake could not record a refused request', { error: opts.logger.redact(String(e)) }),
      );
    }
    refusals.log(opts.logger, { url: req.url, reason: description, from: headers['remote-address'] });
    return send(reply, refused);
  });

  // One group commit per store (a profile switch brings another); PGlite commits one transaction at a time.
  const commits = new WeakMap<Db, GroupCommit<AcceptedClaim, AcceptedEffect>>();
  const commitFor = (db: Db): GroupCommit<AcceptedClaim, AcceptedEffect> | undefined => {
    if (opts.groupCommit === false) return undefined;
    let commit = commits.get(db);
    if (!commit) {
      commit = createGroupCommit((claims: AcceptedClaim[]) => acceptManyWithClaims(db, claims), {
        maxInFlight: db.kind === 'pglite' ? 1 : 2,
        ...opts.groupCommit,
      });
      commits.set(db, commit);
    }
    return commit;
  };

  app.post(NOTIFICATION_PATH, async (req, reply) => {
    const rawBody = typeof req.body === 'string' ? req.body : '';
    const msg = { rawBody, headers: req.headers, remoteAddress: req.ip };
    const handle = (target: IntakeTarget) =>
      processNotification({ ...opts, ...target, refusals, momentCopies, commit: commitFor(target.store.db) }, msg);
    const out = await withTarget(handle).catch(noTarget);
    return send(reply, out);
  });

  let selfUrl: string | null = null;
  const publicUrls: WebhookDeps['publicUrls'] =
    opts.publicUrls ??
    (() => ({
      notification: selfUrl ? selfUrl + NOTIFICATION_PATH : null,
      validation: selfUrl ? selfUrl + VALIDATION_PATH : null,
    }));
  const webhook = (path: string, handle: typeof answerCustomerSync) =>
    app.post(path, async (req, reply) => {
      const msg = {
        rawBody: typeof req.body === 'string' ? req.body : '',
        headers: req.headers,
        remoteAddress: req.ip,
      };
      const out = await withTarget((t) => handle({ ...t, logger: opts.logger, refusals, now, publicUrls }, msg)).catch(
        (err: unknown) => noTarget(err) as SignedAnswer | WebhookAnswer,
      );
      return send(reply, out);
    });
  webhook(CUSTOMER_SYNC_PATH, answerCustomerSync);
  webhook(VALIDATION_PATH, answerValidation);

  // A monitor asks every few seconds while the store is down: a few lines a minute say why, not one per ask.
  const healthLines = createLineBudget({ linesPerWindow: 3, windowMs: 60_000, now });
  app.get('/healthz', async (_req, reply) => {
    let kind: WorkStore['kind'] | null = null;
    try {
      await withTarget(async ({ store }) => {
        kind = store.kind;
        await store.db.query('SELECT 1');
      });
      return reply.send({ ok: true, store: kind });
    } catch (err) {
      // Anyone on the network may ask: the store's own words (its address, login, database) go to the log only.
      const why = opts.logger.redact(err instanceof Error ? err.message : String(err));
      const { allowed, heldBack } = healthLines.take();
      if (allowed)
        opts.logger.warn('health check: the work store does not answer', { store: kind, error: why, heldBack });
      return reply
        .code(503)
        .send({ ok: false, store: kind, error: 'The work store does not answer; the intake log says why.' });
    }
  });

  return {
    app,
    async listen({ port, host = '127.0.0.1' }) {
      const address = await app.listen({ port, host });
      selfUrl = address.replace('[::1]', '127.0.0.1');
      return selfUrl;
    },
    close: () => app.close(),
  };
}
