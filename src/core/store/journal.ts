import { DeskError } from '../../shared/errors';
import type { Queryable } from './db';
import { sessionClaimHeldSql } from './item-claims';

export type JournalState = 'sending' | 'done' | 'failed' | 'unknown';
export type ItemKind = 'transaction' | 'session';

export interface JournalEntry {
  id: number;
  itemKind: ItemKind;
  itemId: string;
  action: string;
  operator: string;
  request: Record<string, unknown>;
  state: JournalState;
  praxisStatus: number | null;
  praxisDescription: string | null;
  result: unknown;
  errorCode: string | null;
  createdAt: Date;
  /** When its send began, if it waited for a send slot after being begun (a bulk item); else its begin counts. */
  sendStartedAt: Date | null;
  updatedAt: Date;
}

// Keys that must never reach the journal even if a caller passes a full signed body by mistake.
const SECRET_KEYS = /secret|password|passcode|cvv|card_data|gt-authentication|signature/i;

/** The request body as it may be kept: secret-looking keys are dropped at every depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !SECRET_KEYS.test(k))
        .map(([k, v]) => [k, withoutSecrets(v)]),
    );
  }
  return value;
}

/** A new journal entry, with the status its item had in the store at that moment (null: not a stored transaction). */
export interface BegunEntry extends JournalEntry {
  itemStatus: string | null;
  /** Asked with the item's newest entry as an action's checks saw it: the first entry sent since (done or unknown). */
  sentSince?: JournalEntry | null;
}

/** A statement's own NOTIFY (changeNotice in changes.ts): told on its commit, only when it wrote a row. */
export type Notice = readonly [channel: string, payload: string];

/**
 * Appends `, pg_notify($n, $n+1) IS NULL AS told` for a notice (none: nothing), numbering its parameters after
 * `params`; answers the select-list text and the parameters.
 */
function withNotice(params: unknown[], notice: Notice | undefined): { told: string; params: unknown[] } {
  if (!notice) return { told: '', params };
  const n = params.length;
  return { told: `, pg_notify($${n + 1}, $${n + 2}) IS NULL AS told`, params: [...params, ...notice] };
}

/** The tid a transaction entry's item id names, for reading its status; null for anything else. */
const tidOf = (itemKind: ItemKind, itemId: string) =>
  itemKind === 'transaction' && /^[0-9]{1,15}$/.test(itemId) ? Number(itemId) : null;

/**
 * Writes the intent of a money-moving action with state `sending` BEFORE it is sent. The database allows
 * one in-flight (or unknown-outcome) action per item, so a second desk or a double click gets CONFLICT.
 * One statement also reads the item's stored status as of the claim and, given a notice, tells every window.
 */
export async function beginAction(
  q: Queryable,
  intent: {
    itemKind: ItemKind;
    itemId: string;
    action: string;
    operator: string;
    request: Record<string, unknown>;
    /** The sender holds the item's claim on its database session (see item-claims.ts). */
    sessionClaim?: boolean;
  },
  notice?: Notice,
): Promise<BegunEntry> {
  const { told, params } = withNotice(
    [
      intent.itemKind,
      intent.itemId,
      intent.action,
      intent.operator,
      JSON.stringify(withoutSecrets(intent.request)),
      intent.sessionClaim ?? false,
      tidOf(intent.itemKind, intent.itemId),
    ],
    notice,
  );
  // ON CONFLICT (not a caught error) so this also works inside a caller's transaction on PostgreSQL.
  const res = await q.query<JournalRow & { item_status: string | null }>(
    `WITH entry AS (
       INSERT INTO action_journal (item_kind, item_id, action, operator, request, state, session_claim)
       VALUES ($1, $2, $3, $4, $5, 'sending', $6)
       ON CONFLICT (item_kind, item_id) WHERE state IN ('sending', 'unknown') DO NOTHING RETURNING *)
     SELECT entry.*, (SELECT t.status FROM transactions t WHERE t.tid = $7::int8) AS item_status${told} FROM entry`,
    params,
  );
  if (res.rows[0]) return { ...toEntry(res.rows[0]), itemStatus: res.rows[0].item_status };
  const open = await inFlightAction(q, intent.itemKind, intent.itemId);
  if (open?.state === 'unknown') {
    throw new DeskError(
      'OUTCOME_UNKNOWN',
      `The last ${open.action} on ${intent.itemId} has an unknown outcome. Look it up (find-transaction) before acting again.`,
      { journalId: open.id },
    );
  }
  throw new DeskError(
    'CONFLICT',
    `${intent.itemId} is already being acted on${open ? ` (${open.action} by ${open.operator})` : ''}. Wait for it to finish.`,
    open ? { journalId: open.id } : undefined,
  );
}

/**
 * Records how a send ended. Only a `sending` or `unknown` entry can be finished; done/failed are final. Given a
 * notice, the same statement tells every window (only when it finished the entry).
 */
export async function finishAction(
  q: Queryable,
  id: number,
  outcome: {
    state: Exclude<JournalState, 'sending'>;
    praxisStatus?: number | null;
    praxisDescription?: string | null;
    result?: unknown;
    errorCode?: string | null;
  },
  notice?: Notice,
): Promise<JournalEntry> {
  const { told, params } = withNotice(
    [
      id,
      outcome.state,
      outcome.praxisStatus ?? null,
      outcome.praxisDescription ?? null,
      outcome.result === undefined ? null : JSON.stringify(outcome.result),
      outcome.errorCode ?? null,
    ],
    notice,
  );
  const res = await q.query<JournalRow>(
    `WITH finished AS (
       UPDATE action_journal SET state = $2, praxis_status = $3, praxis_description = $4, result = $5, error_code = $6, updated_at = now()
       WHERE id = $1 AND state IN ('sending', 'unknown') RETURNING *)
     SELECT finished.*${told} FROM finished`,
    params,
  );
  const row = res.rows[0];
  if (!row) throw new DeskError('CONFLICT', `Journal entry ${id} is already final or does not exist.`);
  return toEntry(row);
}

/**
 * What an action's checks read of an item's journal, in one statement: its unresolved entry (`sending` or `unknown`,
 * or null) and the id of its newest entry in any state (0: none), which the action remembers (seenJournalId).
 */
export async function journalForChecks(
  q: Queryable,
  itemKind: ItemKind,
  itemId: string,
): Promise<{ open: JournalEntry | null; latestId: number }> {
  const res = await q.query<JournalRow & { latest_id: number | null }>(
    `SELECT o.*, m.latest_id
     FROM (SELECT max(id) AS latest_id FROM action_journal WHERE item_kind = $1 AND item_id = $2) m
     LEFT JOIN action_journal o ON o.item_kind = $1 AND o.item_id = $2 AND o.state IN ('sending', 'unknown')`,
    [itemKind, itemId],
  );
  const row = res.rows[0];
  return { open: row && row.id !== null ? toEntry(row) : null, latestId: Number(row?.latest_id ?? 0) };
}

/**
 * An entry of the item newer than `afterId`, other than `exceptId`, that went to Praxis and may have changed it (done
 * or unknown; a failed one changed nothing), or null: an action begun on a stale check must not be sent.
 */
export async function sentSince(
  q: Queryable,
  itemKind: ItemKind,
  itemId: string,
  afterId: number,
  exceptId: number,
): Promise<JournalEntry | null> {
  const res = await q.query<JournalRow>(
    `SELECT * FROM action_journal WHERE item_kind = $1 AND item_id = $2 AND id > $3 AND id <> $4
       AND state IN ('done', 'unknown') ORDER BY id LIMIT 1`,
    [itemKind, itemId, afterId, exceptId],
  );
  return res.rows[0] ? toEntry(res.rows[0]) : null;
}

export async function inFlightAction(q: Queryable, itemKind: ItemKind, itemId: string): Promise<JournalEntry | null> {
  const res = await q.query<JournalRow>(
    `SELECT * FROM action_journal WHERE item_kind = $1 AND item_id = $2 AND state IN ('sending', 'unknown')`,
    [itemKind, itemId],
  );
  return res.rows[0] ? toEntry(res.rows[0]) : null;
}

/**
 * Whether the sender of `sending` entry alias `j` is gone: its session claim was dropped (a PostgreSQL server: the
 * desk died or its session was cut), or, without one, its lease ran out (its send, else its begin, older than
 * `leaseMs`, by the database's clock).
 */
const senderGoneSql = (j: string, leaseMs: string) =>
  `CASE WHEN ${j}.session_claim THEN NOT ${sessionClaimHeldSql(j)} ELSE COALESCE(${j}.send_started_at, ${j}.created_at) < now() - ${leaseMs} * interval '1 millisecond' END`;

/**
 * A begun entry that waited for a send slot may be sent only if it still stands: `sending`, its sender not taken for
 * gone (a reconcile may have settled it meanwhile, "not applied"). Marks the send begun (its lease and the reconcile
 * rules count from now) and answers true; false: nothing may be sent.
 */
export async function startSend(q: Queryable, id: number, leaseMs: number): Promise<boolean> {
  const res = await q.query(
    `UPDATE action_journal j SET send_started_at = now(), updated_at = now()
     WHERE j.id = $1 AND j.state = 'sending' AND NOT (${senderGoneSql('j', '$2::int8')}) RETURNING j.id`,
    [id, Math.round(leaseMs)],
  );
  return res.rows.length === 1;
}

/**
 * Entries the reconciler may look up: every `unknown` one, and a `sending` one only once its sender is gone — a
 * sender still waiting for Praxis's answer is left alone.
 */
export async function unresolvedActions(q: Queryable, leaseMs: number): Promise<JournalEntry[]> {
  const res = await q.query<JournalRow>(
    `SELECT * FROM action_journal j
     WHERE state = 'unknown' OR (state = 'sending' AND ${senderGoneSql('j', '$1::int8')})
     ORDER BY id`,
    [Math.round(leaseMs)],
  );
  return res.rows.map(toEntry);
}

/**
 * The journal state a queue row shows for entry alias `j`: a `sending` entry whose sender is gone is shown
 * `unknown`, so the row offers "Reconcile now" instead of waiting forever.
 */
export const shownJournalStateSql = (j: string, leaseMs: number) =>
  `CASE WHEN ${j}.state = 'sending' AND (${senderGoneSql(j, String(Math.round(leaseMs)))}) THEN 'unknown' ELSE ${j}.state END`;

/** Whether a `sending` entry's sender still holds its claim (or, without a session claim, its lease). */
export async function leaseHeld(q: Queryable, id: number, leaseMs: number): Promise<boolean> {
  const standing = await entryStanding(q, id, leaseMs);
  return standing?.state === 'sending' && !standing.senderGone;
}

/** Where an entry stands now: its state, and for a `sending` one whether its sender is gone (see senderGoneSql). */
export interface EntryStanding {
  state: JournalState;
  senderGone: boolean;
}

/** An entry's standing now (null: no such entry), for a check that read it as open a moment ago. */
export async function entryStanding(q: Queryable, id: number, leaseMs: number): Promise<EntryStanding | null> {
  const res = await q.query<{ state: JournalState; sender_gone: boolean }>(
    `SELECT j.state, (j.state = 'sending' AND ${senderGoneSql('j', '$2::int8')}) AS sender_gone
     FROM action_journal j WHERE j.id = $1`,
    [id, Math.round(leaseMs)],
  );
  const r = res.rows[0];
  return r ? { state: r.state, senderGone: r.sender_gone } : null;
}

/**
 * A verified answer that arrived after its entry was already final (reconciled meanwhile): kept next to the final
 * state, never dropped, so the journal shows both what was decided and what Praxis said later.
 */
export async function recordLateAnswer(q: Queryable, id: number, late: Record<string, unknown>): Promise<JournalEntry> {
  const res = await q.query<JournalRow>(
    `UPDATE action_journal SET result = COALESCE(result, '{}'::jsonb) || jsonb_build_object('lateAnswer', $2::jsonb), updated_at = now()
     WHERE id = $1 RETURNING *`,
    [id, JSON.stringify(withoutSecrets(late))],
  );
  const row = res.rows[0];
  if (!row) throw new DeskError('NOT_FOUND', `Journal entry ${id} does not exist.`);
  return toEntry(row);
}

export async function actionById(q: Queryable, id: number): Promise<JournalEntry | null> {
  const res = await q.query<JournalRow>('SELECT * FROM action_journal WHERE id = $1', [id]);
  return res.rows[0] ? toEntry(res.rows[0]) : null;
}

export async function actionsFor(q: Queryable, itemKind: ItemKind, itemId: string): Promise<JournalEntry[]> {
  const res = await q.query<JournalRow>(
    `SELECT * FROM action_journal WHERE item_kind = $1 AND item_id = $2 ORDER BY id`,
    [itemKind, itemId],
  );
  return res.rows.map(toEntry);
}

interface JournalRow {
  id: number;
  item_kind: ItemKind;
  item_id: string;
  action: string;
  operator: string;
  request: Record<string, unknown>;
  state: JournalState;
  praxis_status: number | null;
  praxis_description: string | null;
  result: unknown;
  error_code: string | null;
  created_at: Date;
  send_started_at: Date | null;
  updated_at: Date;
}

const toEntry = (r: JournalRow): JournalEntry => ({
  id: r.id,
  itemKind: r.item_kind,
  itemId: r.item_id,
  action: r.action,
  operator: r.operator,
  request: r.request,
  state: r.state,
  praxisStatus: r.praxis_status,
  praxisDescription: r.praxis_description,
  result: r.result,
  errorCode: r.error_code,
  createdAt: r.created_at,
  sendStartedAt: r.send_started_at ?? null,
  updatedAt: r.updated_at,
});
