import { z } from 'zod';
import type { Logger } from '../log';
import { TIMESTAMP_WINDOW_SECONDS } from '../praxis/protocol-texts';
import { NotificationSchema, type Notification } from '../praxis/schemas';
import { textWithTokensHidden } from '../praxis/customer-tokens';
import { verifyNotificationSignature } from '../praxis/webhooks';
import {
  findAcceptedResponse,
  insertAcceptedOnce,
  BOUNDED_RECORD_VERDICTS,
  insertNotification,
  storableText,
  UNAUTHENTICATED_VERDICTS,
  type NotificationRecord,
  type NotificationVerdict,
} from '../store/notifications-repo';
import { ingestSnapshot } from '../store/snapshots';
import { acceptManyWithClaims, type AcceptedClaim, type AcceptedEffect } from '../store/accept-many';
import type { GroupCommit } from '../store/group-commit';
import type { WorkStore } from '../store/work-store';
import { answer, type SignedAnswer } from './ack';
import { digestBody } from './body-digest';
import { jsonShapeProblem, MAX_JSON_DEPTH } from './json-shape';
import { STATUSES_PER_MOMENT, type MomentCopies } from './moment-copies';
import type { RefusalPolicy } from './refusal-policy';

export interface IntakeMerchant {
  merchantId: string;
  applicationKey: string;
  /** Read on every message, so a secret replaced in Settings applies at once. */
  secret: () => Promise<string>;
}

export interface IntakeDeps {
  store: WorkStore;
  merchant: IntakeMerchant;
  logger: Logger;
  now?: () => number;
  /** Seconds a message may be ahead of our clock (clock skew) before it counts as "future". */
  futureToleranceSeconds?: number;
  /** How refusals anyone can cause are logged and kept: a budget of log lines and a cap on stored records. */
  refusals: RefusalPolicy;
  /** How many differently edited copies of one signed moment are stored whole; none = no limit. */
  momentCopies?: MomentCopies;
  /** Where accepted messages are committed together with others arriving at the same time; none = each alone. */
  commit?: GroupCommit<AcceptedClaim, AcceptedEffect>;
  /** Called after the commit of a change that waits for find-transaction (the desk's confirmer looks it up). */
  onUnconfirmedChange?(): void;
}

export interface IncomingMessage {
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
  remoteAddress?: string;
}

const KEPT_HEADERS = ['content-type', 'gt-authentication', 'user-agent', 'x-forwarded-for'];
/** A Gt-Authentication is 96 hex characters; a header longer than this is cut, not stored whole. */
const KEPT_HEADER_CHARS = 256;

export function keptHeaders(msg: Pick<IncomingMessage, 'headers' | 'remoteAddress'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = msg.headers[name];
    if (v !== undefined) out[name] = (Array.isArray(v) ? v.join(', ') : v).slice(0, KEPT_HEADER_CHARS);
  }
  if (msg.remoteAddress) out['remote-address'] = msg.remoteAddress;
  return out;
}

/** What a message's signature pins down: its item (the tid, or the order of an expired session) and Praxis's second. */
const momentOf = (n: Notification): string =>
  n.transaction ? `tid:${n.transaction.tid}:${n.timestamp}` : `order:${n.session.order_id ?? ''}:${n.timestamp}`;

/** One stored effect per (tid, status, timestamp); a notification for an expired session has no tid, so its order stands in. */
export function dedupeKey(n: Notification): string {
  return n.transaction
    ? `tid:${n.transaction.tid}:${n.transaction.transaction_status.toLowerCase()}:${n.timestamp}`
    : `order:${n.session.order_id ?? ''}:${n.session.session_status ?? ''}:${n.timestamp}`;
}

const describeIssues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');

/**
 * Decides what to do with one notification: verify, de-duplicate, check the time window, store, and only
 * after the commit answer status 0. Every message is stored with its verdict, accepted or not.
 */
export async function processNotification(deps: IntakeDeps, msg: IncomingMessage): Promise<SignedAnswer> {
  const { store, merchant, logger, refusals } = deps;
  const nowMs = (deps.now ?? Date.now)();
  const headers = keptHeaders(msg);
  let secret: string | null = null;
  let facts: Partial<NotificationRecord> = {};

  const refuse = async (verdict: NotificationVerdict, httpStatus: number, said: string): Promise<SignedAnswer> => {
    // A parse error quotes the body, NUL characters included: the answer is stored as JSON, which cannot hold one.
    const description = storableText(said)!;
    // Anyone can cause these: the answer is not signed (no signing oracle).
    const unauthenticated = UNAUTHENTICATED_VERDICTS.has(verdict);
    // Anyone holding one captured message can cause the rest: all keep only a digest of the body.
    const bounded = BOUNDED_RECORD_VERDICTS.has(verdict);
    const out = answer(
      httpStatus,
      verdict === 'unverifiable' ? -1 : 1,
      description,
      unauthenticated ? null : secret,
      nowMs,
    );
    try {
      await insertNotification(store.db, {
        ...facts,
        verdict,
        reason: description,
        rawBody: bounded ? null : msg.rawBody,
        body: bounded ? digestBody(msg.rawBody) : null,
        headers,
        response: out.body,
      });
      if (bounded) await refusals.recorded(store.db);
    } catch (err) {
      logger.error('intake could not record a refused notification', { verdict, error: logger.redact(String(err)) });
    }
    refusals.log(logger, { verdict, reason: description, tid: facts.tid ?? null, from: headers['remote-address'] });
    return out;
  };

  try {
    secret = await merchant.secret();
    logger.registerSecret(secret);
  } catch (err) {
    return refuse(
      'unverifiable',
      503,
      `The desk cannot read the merchant secret (${logger.redact(err instanceof Error ? err.message : String(err))}); send again later.`,
    );
  }

  let json: unknown;
  try {
    json = JSON.parse(msg.rawBody);
  } catch (err) {
    return refuse('malformed', 400, `Request should be json formatted: ${(err as Error).message}.`);
  }
  const shapeProblem = jsonShapeProblem(json, MAX_JSON_DEPTH);
  if (shapeProblem) return refuse('malformed', 400, `Not a Praxis notification: ${shapeProblem}.`);
  const parsed = NotificationSchema.safeParse(json);
  if (!parsed.success) return refuse('malformed', 400, `Not a Praxis notification: ${describeIssues(parsed.error)}.`);
  const n = parsed.data;
  // The body kept of a message Praxis signed: its session's auth_token (unsigned) would open the customer's card page.
  const keptBody = textWithTokensHidden(msg.rawBody, json);
  facts = {
    tid: n.transaction?.tid ?? null,
    orderId: n.session.order_id ?? null,
    transactionStatus: n.transaction?.transaction_status ?? n.session.session_status ?? null,
    praxisTimestamp: n.timestamp,
  };

  if (n.merchant_id !== merchant.merchantId || n.application_key !== merchant.applicationKey) {
    return refuse('wrong_merchant', 403, 'This intake does not serve that merchant_id / application_key.');
  }
  const header = msg.headers['gt-authentication'];
  if (!verifyNotificationSignature(msg.rawBody, secret, Array.isArray(header) ? header[0] : header)) {
    return refuse('bad_signature', 401, header ? 'Invalid signature.' : 'GT-Authentication header is missing.');
  }

  const key = dedupeKey(n);
  facts.dedupeKey = key;
  /**
   * A copy of a message already received, answered again: the received copy holds the body, so one sent any number of
   * times keeps only its digest; anyone holding it can send it at will, so its lines share the refusals' budget.
   */
  const answerCopy = async (
    out: SignedAnswer,
    row: { dedupeKey: string | null; reason: string },
    logLine: string,
  ): Promise<SignedAnswer> => {
    await insertNotification(store.db, {
      ...facts,
      ...row,
      verdict: 'duplicate',
      rawBody: null,
      body: digestBody(msg.rawBody),
      headers,
      response: out.body,
    });
    await refusals.recorded(store.db);
    refusals.log(logger, { key, from: headers['remote-address'] }, logLine);
    return out;
  };
  const replayAnswer = async (): Promise<SignedAnswer | null> => {
    const previous = z
      .object({ status: z.number(), description: z.string() })
      .safeParse(await findAcceptedResponse(store.db, key));
    if (!previous.success) return null;
    return answerCopy(
      answer(200, previous.data.status, previous.data.description, secret, nowMs),
      { dedupeKey: null, reason: `Same tid, status and timestamp as an accepted notification (${key}).` },
      'duplicate notification answered again',
    );
  };

  try {
    const age = Math.floor(nowMs / 1000) - n.timestamp;
    const outsideWindow = age > TIMESTAMP_WINDOW_SECONDS || -age > (deps.futureToleranceSeconds ?? 5);
    if (outsideWindow) {
      // A replay of an accepted message gets the same answer even when it is now outside the time window.
      const replay = await replayAnswer();
      if (replay) return replay;
      if (age > 0)
        return refuse(
          'stale',
          400,
          `Timestamp expired: ${age}s old, should be at most ${TIMESTAMP_WINDOW_SECONDS}s old.`,
        );
      return refuse(
        'future',
        400,
        `Timestamp cannot be greater than current time (it is ${-age}s ahead of the desk's clock).`,
      );
    }

    if (deps.momentCopies && !deps.momentCopies.admit(momentOf(n), key, n.timestamp)) {
      // Praxis has said what it signed for this moment; this copy claims yet another status. A look-up of the item
      // answers for the moment whatever the copies claimed, so this one is answered as received, its digest kept.
      return answerCopy(
        answer(200, 0, 'Notification already received for this moment', secret, nowMs),
        {
          dedupeKey: key,
          reason: `One more copy of ${momentOf(n)} claiming another status (${STATUSES_PER_MOMENT} kept whole).`,
        },
        'copy of a received moment answered again',
      );
    }

    const ok = answer(200, 0, 'Notification accepted', secret, nowMs);
    const record = {
      ...facts,
      dedupeKey: key,
      verdict: 'accepted' as const,
      rawBody: keptBody,
      headers,
      response: ok.body,
    };
    const { transaction } = n;
    // The signature does not cover the status, card or alerts: a change waits for a signed find-transaction.
    const claim = transaction && { record, n: { ...n, transaction } };
    const effect = claim
      ? await (deps.commit?.run(claim) ?? acceptManyWithClaims(store.db, [claim]).then(([e]) => e!))
      : await store.db.transaction(async (tx) => {
          if ((await insertAcceptedOnce(tx, record)) === null) return null;
          // An expired session (transaction null): only the session's state is kept. Its signature covers the customer's
          // token and the order, not names, country, alerts or cid: a copy edited within the window could rename a
          // customer in the queues or tie their token to another cid, so those wait for a look-up.
          const { cid: _cid, ...session } = n.session;
          await ingestSnapshot(
            tx,
            { ...n, customer: { customer_token: n.customer.customer_token }, session },
            { observedAt: new Date(n.timestamp * 1000), source: 'notification' },
          );
          return 'session' as const;
        });
    // Already accepted (a duplicate, or a copy that won the race): answer as that copy was answered.
    if (!effect) return (await replayAnswer()) ?? ok;
    // Debug, not info: the notifications table already records every message; a line each is a write per message.
    logger.debug('notification accepted', { key, effect });
    if (effect === 'unconfirmed') deps.onUnconfirmedChange?.();
    return ok;
  } catch (err) {
    const why = logger.redact(err instanceof Error ? err.message : String(err));
    logger.error('intake could not store a notification; asking Praxis to resend', { key, error: why });
    const out = answer(503, -1, 'The desk could not store this notification; please send it again.', secret, nowMs);
    await insertNotification(store.db, {
      ...facts,
      dedupeKey: null,
      verdict: 'store_failed',
      reason: why,
      rawBody: keptBody,
      headers,
      response: out.body,
    }).catch(() => undefined);
    return out;
  }
}
