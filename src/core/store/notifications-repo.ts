import type { Queryable } from './db';
import { storableString } from './unstorable-text';

export const NOTIFICATION_VERDICTS = [
  'accepted',
  'duplicate',
  'bad_signature',
  'stale',
  'future',
  'malformed',
  'wrong_merchant',
  'too_large',
  'unverifiable',
  'store_failed',
] as const;
export type NotificationVerdict = (typeof NOTIFICATION_VERDICTS)[number];

/** Verdicts given before a message was authenticated: anyone can cause them, so they keep a bounded record only. */
export const UNAUTHENTICATED_VERDICTS: ReadonlySet<NotificationVerdict> = new Set([
  'malformed',
  'wrong_merchant',
  'bad_signature',
  'too_large',
  'unverifiable',
]);

/**
 * Verdicts that keep a bounded record (hash, size, first bytes) and count toward the cap on such records: every
 * refusal and every replay. A captured, validly signed message can be replayed late (stale), early (future) or as is
 * (duplicate) any number of times, padded in fields its signature does not cover: only an accepted message keeps its body.
 */
export const BOUNDED_RECORD_VERDICTS: ReadonlySet<NotificationVerdict> = new Set([
  ...UNAUTHENTICATED_VERDICTS,
  'stale',
  'future',
  'duplicate',
]);

export interface NotificationBodyDigest {
  sha256: string;
  bytes: number;
  head: string;
}

export interface NotificationRecord {
  verdict: NotificationVerdict;
  reason?: string | null;
  dedupeKey?: string | null;
  tid?: number | null;
  orderId?: string | null;
  transactionStatus?: string | null;
  praxisTimestamp?: number | null;
  rawBody: string | null;
  /** Hash, size and first characters, kept instead of the body of a message no one authenticated. */
  body?: NotificationBodyDigest | null;
  /** Only the headers worth keeping (content-type, gt-authentication, user-agent, remote address). */
  headers: Record<string, string>;
  /** The answer the intake gave, so a replay gets the same one. */
  response?: unknown;
}

export interface StoredNotification extends Required<Omit<NotificationRecord, 'response' | 'body'>> {
  body: NotificationBodyDigest | null;
  id: number;
  receivedAt: Date;
  response: unknown;
}

const INSERT = `INSERT INTO notifications (verdict, reason, dedupe_key, tid, order_id, transaction_status, praxis_timestamp, raw_body, headers, response, body_sha256, body_bytes, body_head)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;

/** A refused body or its parse error may carry what PostgreSQL cannot hold (a NUL, say): shown as ␀ or �. */
export const storableText = (text: string | null | undefined) =>
  typeof text === 'string' ? storableString(text) : null;

const params = (r: NotificationRecord) => [
  r.verdict,
  storableText(r.reason),
  r.dedupeKey ?? null,
  r.tid ?? null,
  r.orderId ?? null,
  r.transactionStatus ?? null,
  r.praxisTimestamp ?? null,
  r.rawBody,
  JSON.stringify(r.headers),
  r.response === undefined ? null : JSON.stringify(r.response),
  r.body?.sha256 ?? null,
  r.body?.bytes ?? null,
  storableText(r.body?.head),
];

export async function insertNotification(q: Queryable, record: NotificationRecord): Promise<number> {
  const res = await q.query<{ id: number }>(`${INSERT} RETURNING id`, params(record));
  return res.rows[0]!.id;
}

/**
 * Inserts an accepted notification unless one with the same dedupe key was already accepted.
 * Returns the new id, or null when this copy is a duplicate (the unique partial index decides, even under a race).
 */
export async function insertAcceptedOnce(
  q: Queryable,
  record: NotificationRecord & { dedupeKey: string },
): Promise<number | null> {
  const res = await q.query<{ id: number }>(
    `${INSERT} ON CONFLICT (dedupe_key) WHERE verdict = 'accepted' DO NOTHING RETURNING id`,
    params({ ...record, verdict: 'accepted' }),
  );
  return res.rows[0]?.id ?? null;
}

/** Keeps the newest `keep` bounded records of unauthenticated messages and deletes the rest. */
export async function pruneUnauthenticated(q: Queryable, keep: number): Promise<void> {
  await q.query(
    `DELETE FROM notifications WHERE raw_body IS NULL AND id < (
       SELECT id FROM notifications WHERE raw_body IS NULL ORDER BY id DESC OFFSET $1 LIMIT 1)`,
    [keep - 1],
  );
}

export async function findAcceptedResponse(q: Queryable, dedupeKey: string): Promise<unknown> {
  const res = await q.query<{ response: unknown }>(
    `SELECT response FROM notifications WHERE dedupe_key = $1 AND verdict = 'accepted'`,
    [dedupeKey],
  );
  return res.rows[0]?.response ?? null;
}

interface Row {
  id: number;
  received_at: Date;
  verdict: NotificationVerdict;
  reason: string | null;
  dedupe_key: string | null;
  tid: number | null;
  order_id: string | null;
  transaction_status: string | null;
  praxis_timestamp: number | null;
  raw_body: string | null;
  headers: Record<string, string>;
  response: unknown;
  body_sha256: string | null;
  body_bytes: number | null;
  body_head: string | null;
}

export async function listNotifications(
  q: Queryable,
  opts: { limit?: number; verdict?: NotificationVerdict; tid?: number } = {},
): Promise<StoredNotification[]> {
  const res = await q.query<Row>(
    `SELECT * FROM notifications
     WHERE ($1::text IS NULL OR verdict = $1) AND ($2::bigint IS NULL OR tid = $2)
     ORDER BY id DESC LIMIT $3`,
    [opts.verdict ?? null, opts.tid ?? null, opts.limit ?? 500],
  );
  return res.rows.map((r) => ({
    id: r.id,
    receivedAt: r.received_at,
    verdict: r.verdict,
    reason: r.reason,
    dedupeKey: r.dedupe_key,
    tid: r.tid,
    orderId: r.order_id,
    transactionStatus: r.transaction_status,
    praxisTimestamp: r.praxis_timestamp,
    rawBody: r.raw_body,
    headers: r.headers,
    response: r.response,
    body: r.body_sha256 === null ? null : { sha256: r.body_sha256, bytes: r.body_bytes ?? 0, head: r.body_head ?? '' },
  }));
}

export async function countNotificationsByVerdict(q: Queryable): Promise<Partial<Record<NotificationVerdict, number>>> {
  const res = await q.query<{ verdict: NotificationVerdict; n: number }>(
    'SELECT verdict, count(*)::int8 AS n FROM notifications GROUP BY verdict',
  );
  return Object.fromEntries(res.rows.map((r) => [r.verdict, r.n]));
}
