import { ROLE_LABELS } from '../../shared/access';
import { DeskError } from '../../shared/errors';
import type { PraxisObjects } from '../../shared/lookup';
import { currentActor } from '../access/actor';
import { listRoles } from '../access/access-guard';
import { CHANNEL_ROLES, rolesFor } from '../access/channel-roles';
import type { WorkStore } from '../store/work-store';

/**
 * An item's objects are for whoever may open it on its own screen: a hold's for those who may open Captures, a
 * withdrawal's for those who may open Payouts (channel-roles.ts decides both); other items for every role.
 */
const SCREEN_OF_TYPE: Record<string, { channel: 'captures:detail' | 'payouts:detail'; screen: string }> = {
  authorization: { channel: 'captures:detail', screen: 'Captures' },
  payout: { channel: 'payouts:detail', screen: 'Payouts' },
};

function assertMayRead(tid: number, type: string): void {
  const screen = SCREEN_OF_TYPE[type];
  if (!screen) return;
  const allowed = rolesFor(CHANNEL_ROLES[screen.channel]);
  const actor = currentActor();
  if (actor.roles.some((r) => allowed.includes(r))) return;
  throw new DeskError(
    'FORBIDDEN',
    `tid ${tid} is worked in ${screen.screen}, so its Praxis objects need the ${listRoles(allowed.map((r) => ROLE_LABELS[r].toLowerCase()))} role. Nothing was shown; ask someone with that role.`,
  );
}

interface Row {
  transaction_type: string;
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
    `SELECT transaction_type, updated_at, last_source, raw_transaction, raw_session, raw_customer
       FROM transactions WHERE tid = $1`,
    [tid],
  );
  const row = rows[0];
  if (!row)
    throw new DeskError(
      'NOT_FOUND',
      `The desk has no Praxis objects for tid ${tid} yet. Look it up first: that asks Praxis and keeps its answer.`,
    );
  assertMayRead(tid, row.transaction_type);
  return {
    tid,
    observedAt: row.updated_at.toISOString(),
    lastSource: row.last_source,
    transaction: hidden(row.raw_transaction),
    session: hidden(row.raw_session),
    customer: hidden(row.raw_customer),
  };
}
