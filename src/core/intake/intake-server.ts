import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { insertNotification } from '../store/notifications-repo';
import { answer, type SignedAnswer } from './ack';
import { keptHeaders, processNotification, type IntakeDeps } from './process-notification';

export interface IntakeOptions extends IntakeDeps {
  /** Largest body accepted, in bytes. Praxis notifications are a few KB. */
  bodyLimitBytes?: number;
}

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

  // Every body arrives as raw text: the intake parses it itself so malformed JSON is stored, not just rejected.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.setErrorHandler(async (err: { code?: string; statusCode?: number; message: string }, req, reply) => {
    const tooLarge = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    const description = tooLarge ? `Body is larger than ${bodyLimit} bytes; a Praxis notification is a few KB.` : `Could not read the request: ${err.message}`;
    const secret = await opts.merchant.secret().catch(() => null);
    const out = answer(tooLarge ? 413 : (err.statusCode ?? 500), 1, description, secret, now());
    if (req.url === NOTIFICATION_PATH) {
      await insertNotification(opts.store.db, {
        verdict: tooLarge ? 'too_large' : 'malformed', reason: description, rawBody: null, response: out.body,
        headers: keptHeaders({ headers: req.headers, remoteAddress: req.ip }),
      }).catch((e: unknown) => opts.logger.error('intake could not record a refused request', { error: opts.logger.redact(String(e)) }));
    }
    opts.logger.warn('intake refused a request', { url: req.url, reason: description });
    return send(reply, out);
  });

  app.post(NOTIFICATION_PATH, async (req, reply) => {
    const rawBody = typeof req.body === 'string' ? req.body : '';
    const out = await processNotification(opts, { rawBody, headers: req.headers, remoteAddress: req.ip });
    return send(reply, out);
  });

  app.get('/healthz', async (_req, reply) => {
    try {
      await opts.store.db.query('SELECT 1');
      return reply.send({ ok: true, store: opts.store.kind });
    } catch (err) {
      return reply.code(503).send({ ok: false, store: opts.store.kind, error: opts.logger.redact(err instanceof Error ? err.message : String(err)) });
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
