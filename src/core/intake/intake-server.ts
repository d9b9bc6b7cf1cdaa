import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { insertNotification } from '../store/notifications-repo';
import type { WorkStore } from '../store/work-store';
import { answer, type SignedAnswer } from './ack';
import { keptHeaders, processNotification, type IntakeDeps, type IntakeMerchant } from './process-notification';

/** The store a message goes to and the merchant it is verified for: always of one profile. */
export interface IntakeTarget {
  store: WorkStore;
  merchant: IntakeMerchant;
}

/** Runs one message on the current target; throws (a DeskError) while there is none, e.g. during a profile switch. */
export type WithIntakeTarget = <T>(fn: (target: IntakeTarget) => Promise<T>) => Promise<T>;

export type IntakeOptions = Omit<IntakeDeps, 'store' | 'merchant'> & {
  /** Largest body accepted, in bytes. Praxis notifications are a few KB. */
  bodyLimitBytes?: number;
} & (IntakeTarget | { withTarget: WithIntakeTarget });

export interface Intake {
  app: FastifyInstance;
  /** Starts listening; returns the base URL (loopback unless a host is given). */
  listen(opts: { port: number; host?: string }): Promise<string>;
  close(): Promise<void>;
}

export const NOTIFICATION_PATH = '/praxis/notification';
const DEFAULT_BODY_LIMIT = 256 * 1024;

function send(reply: FastifyReply, out: SignedAnswer): FastifyReply {
  reply.code(out.httpStatus).header('content-type', 'application/json; charset=utf-8');
  if (out.signature) reply.header('gt-authentication', out.signature);
  return reply.send(JSON.stringify(out.body));
}

/** The notification receiver (api-reference §5.1) as a fastify app: the desk runs it in-process, `npm run intake` as a service. */
export function createIntake(opts: IntakeOptions): Intake {
  const bodyLimit = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const now = opts.now ?? Date.now;
  const app = Fastify({ logger: false, bodyLimit });
  const withTarget: WithIntakeTarget =
    'withTarget' in opts ? opts.withTarget : (fn) => fn({ store: opts.store, merchant: opts.merchant });
  // No target (the desk is switching profile): nothing can be verified or stored, so Praxis is asked to resend (-1).
  const noTarget = (err: unknown): SignedAnswer => {
    const why = opts.logger.redact(err instanceof Error ? err.message : String(err));
    opts.logger.warn('intake has no work store right now; asked the sender to resend', { reason: why });
    return answer(503, -1, `The desk cannot take notifications right now (${why}); please send it again.`, null, now());
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
    const out = await withTarget(async ({ store, merchant }) => {
      const refused = answer(status, 1, description, await merchant.secret().catch(() => null), now());
      if (req.url === NOTIFICATION_PATH) {
        await insertNotification(store.db, {
          verdict: tooLarge ? 'too_large' : 'malformed',
          reason: description,
          rawBody: null,
          response: refused.body,
          headers: keptHeaders({ headers: req.headers, remoteAddress: req.ip }),
        }).catch((e: unknown) =>
          opts.logger.error('intake could not record a refused request', { error: opts.logger.redact(String(e)) }),
        );
      }
      return refused;
    }).catch(() => answer(status, 1, description, null, now()));
    opts.logger.warn('intake refused a request', { url: req.url, reason: description });
    return send(reply, out);
  });

  app.post(NOTIFICATION_PATH, async (req, reply) => {
    const rawBody = typeof req.body === 'string' ? req.body : '';
    const msg = { rawBody, headers: req.headers, remoteAddress: req.ip };
    const out = await withTarget((target) => processNotification({ ...opts, ...target }, msg)).catch(noTarget);
    return send(reply, out);
  });

  app.get('/healthz', async (_req, reply) => {
    let kind: WorkStore['kind'] | null = null;
    try {
      await withTarget(async ({ store }) => {
        kind = store.kind;
        await store.db.query('SELECT 1');
      });
      return reply.send({ ok: true, store: kind });
    } catch (err) {
      return reply
        .code(503)
        .send({ ok: false, store: kind, error: opts.logger.redact(err instanceof Error ? err.message : String(err)) });
    }
  });

  return {
    app,
    async listen({ port, host = '127.0.0.1' }) {
      const address = await app.listen({ port, host });
      return address.replace('[::1]', '127.0.0.1');
    },
    close: () => app.close(),
  };
}
