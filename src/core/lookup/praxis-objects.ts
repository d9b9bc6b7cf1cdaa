import { DeskError } from '../../shared/errors';
import type { PraxisObjects } from '../../shared/lookup';
import type { WorkStore } from '../store/work-store';

interface Row {
  updated_at: Date;
  last_source: PraxisObjects['lastSource'];
  raw_transaction: Record<string, unknown>;
  raw_session: Record<string, unknown> | null;
  raw_customer: Record<string, unknown> | null;
}

/**
 * Tokens that open a customer's cashier session or pay with their saved card or wallet: an operator never needs them,
 * and whoever reads them could act as the customer, so they never leave the core.
 */
const HIDDEN_KEYS = new Set(['auth_token', 'hpf_auth_token', 'card_token', 'wallet_token']);
export const HIDDEN_VALUE = '[hidden by the desk]';

function withTokensHidden(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withTokensHidden);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      HIDDEN_KEYS.has(key) && v !== null ? HIDDEN_VALUE : withTokensHidden(v),
    ]),
  );
}

const hidden = <T>(value: T): T => withTokensHidden(value) as T;

/** The transaction, session and customer objects the store keeps for `tid`, as Praxis last sent them, tokens hidden. */
export async function readPraxisObjects(db: WorkStore['db'], tid: number): Promise<PraxisObjects> {
  const { rows } = await db.query<Row>(
    `SELECT updated_at, last_source, raw_transaction, raw_session, raw_customer FROM transactions WHERE tid = $1`,
    [tid],
  );
  const row = rows[0];
  if (!row)
    throw new DeskError(
      'NOT_FOUND',
      `The desk has no Praxis objects for tid ${tid} yet. Look it up first: that asks Praxis and keeps its answer.`,
    );
  return {
    tid,
    observedAt: row.updated_at.toISOString(),
    lastSource: row.last_source,
    transaction: hidden(row.raw_transaction),
    session: hidden(row.raw_session),
    customer: hidden(row.raw_customer),
  };
}
