import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import type { DeskCore } from '../core/app/desk-core-types';
import type { LogFields, Logger } from '../core/log';
import { createLineBudget } from '../core/log-budget';
import { WS_ADMISSION_PATH, WS_PATH, WS_TOKEN_PARAM } from '../shared/ipc/ws-protocol';
import { bearerToken, checkSocketRequest, newSessionToken, type GuardVerdict } from './ws-guard';
import { serveDeskSocket } from './ws-session';

export interface BrowserHostOptions {
  core: DeskCore;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (`npm run build` writes out/renderer). */
  rendererDir?: string;
  logger: Logger;
}

export interface BrowserHost {
  /** The page to open, with the per-run token in the fragment. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
/** Large enough for a lookup of tens of thousands of pasted ids. */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/** Desk pages (sockets) open at once: a few tabs and reloads; each holds event listeners and a sign-in slot. */
export const MAX_SOCKETS = 32;
const TOO_MANY_SOCKETS = `Too many desk pages are open (${MAX_SOCKETS}): close some desk tabs, then try again.`;

/** A header value as a log line keeps it: at most 100 characters. */
const clipped = (value: string | undefined): string | null =>
  value === undefined ? null : value.length > 100 ? `${value.slice(0, 99)}…` : value;

/** The bare http(s) origin of a URL, or null: nothing else (no path, no wildcard, no quote) reaches the policy. */
function originOf(url: string | null | undefined): string | null {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** `praxisHost`: the active environment's Praxis host, the only one that may frame the terminal's hosted card page. */
export function contentSecurityPolicy(origin: string, praxisHost?: string | null): string {
  const wsOrigin = origin.replace(/^http:/, 'ws:');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${wsOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    `frame-src ${originOf(praxisHost) ?? "'none'"}`,
  ].join('; ');
}

/** The build names every file here by its content's hash: a changed file is a new name. */
const HASHED_ASSETS = '/assets/';
/**
 * So a browser keeps them, with the scripts' compiled code, and a reload or a second tab neither fetches nor parses
 * them again. The page itself (index.html, which names them) and every answer else are never kept.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built renderer on loopback and gives it `window.desk` over a WebSocket, so the desk runs in a
 * plain browser where no Electron binary can be installed. Development and testing only: never packaged.
 */
export async function createBrowserHost({
  core,
  port = 0,
  rendererDir = 'out/renderer',
  logger,
}: BrowserHostOptions): Promise<BrowserHost> {
  const root = resolve(rendererDir);
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(`No built renderer at ${root}: run "npm run build" first (or pass rendererDir).`);
  }
  const token = newSessionToken();
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const sockets = new Set<WebSocket>();
  let origin = '';
  // Any page the operator opens can knock on this port as often as it likes: refusals share one budget of log lines,
  // and what the caller sent is cut short.
  const refusalLines = createLineBudget({ linesPerWindow: 10, windowMs: 60_000 });
  const logRefusal = (message: string, fields: LogFields) => {
    const { allowed, heldBack } = refusalLines.take();
    if (allowed) logger.warn(message, heldBack ? { ...fields, refusalsNotLogged: heldBack } : fields);
  };

  // Refuse any Host but our own: a DNS-rebinding page would arrive with its own host name.
  app.addHook('onRequest', async (req, reply) => {
    if (!origin || req.headers.host !== new URL(origin).host) {
      logRefusal('browser host: refused request for a foreign Host', { host: clipped(req.headers.host) });
      return reply.code(421).type('text/plain').send('This desk only answers on its own loopback address.');
    }
  });
  app.addHook('onSend', async (req, reply, payload) => {
    // The active environment's Praxis host may frame the terminal's hosted card page, and nothing else.
    const praxisHost = await core.info().then(
      (i) => i.baseUrl,
      () => null,
    );
    reply.header('Content-Security-Policy', contentSecurityPolicy(origin, praxisHost));
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    const keep = reply.statusCode === 200 && req.url.startsWith(HASHED_ASSETS);
    reply.header('Cache-Control', keep ? IMMUTABLE : 'no-store');
    return payload;
  });

  /** Whether a socket from this Origin with this token would be let in now: the guard's verdict, then the cap. */
  const admission = (
    from: string | undefined,
    presentedToken: unknown,
  ): GuardVerdict | { ok: false; status: 503; reason: string } => {
    const verdict = checkSocketRequest({ ownOrigin: origin, token, origin: from, presentedToken });
    if (!verdict.ok) return verdict;
    return sockets.size >= MAX_SOCKETS ? { ok: false, status: 503, reason: TOO_MANY_SOCKETS } : verdict;
  };
  const logAdmissionRefusal = (status: number, from: string | undefined) =>
    status === 503
      ? logRefusal('browser host: refused socket, too many open', { open: sockets.size })
      : logRefusal('browser host: refused socket', { status, origin: clipped(from) });

  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_MESSAGE_BYTES } });
  await app.register(async (scope) => {
    scope.addHook('preValidation', async (req, reply) => {
      const query = req.query as Record<string, unknown>;
      const verdict = admission(req.headers.origin, query[WS_TOKEN_PARAM]);
      if (!verdict.ok) {
        logAdmissionRefusal(verdict.status, req.headers.origin);
        return reply.code(verdict.status).type('text/plain').send(verdict.reason);
      }
    });
    scope.get(WS_PATH, { websocket: true }, (socket) => {
      // Upgrades admitted together may pass the check above before any is counted: the last ones are closed here.
      if (sockets.size >= MAX_SOCKETS) return socket.close(1013, TOO_MANY_SOCKETS.slice(0, 120));
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      serveDeskSocket(socket, core, logger);
    });
  });
  // The page whose upgrade failed asks why (a browser hides the refusal's status and text): it is told what its
  // upgrade would be told, by the same checks, so nobody learns more here than by trying a socket. POST, as a browser
  // sends its Origin with a POST and not with a GET.
  app.post(WS_ADMISSION_PATH, { bodyLimit: 1024 }, async (req, reply) => {
    const verdict = admission(req.headers.origin, bearerToken(req.headers.authorization));
    if (verdict.ok) return reply.code(204).send();
    logAdmissionRefusal(verdict.status, req.headers.origin);
    return reply.code(verdict.status).type('text/plain').send(verdict.reason);
  });
  await app.register(fastifyStatic, { root, index: ['index.html'], wildcard: false });

  await app.listen({ host: LOOPBACK, port });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('Browser host did not get a TCP address.');
  origin = `http://${LOOPBACK}:${address.port}`;
  logger.info('browser host listening', { origin });

  return {
    url: `${origin}/#${WS_TOKEN_PARAM}=${token}`,
    origin,
    close: async () => {
      for (const s of sockets) s.terminate();
      await app.close();
    },
  };
}
