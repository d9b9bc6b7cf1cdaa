import { ROLE_LABELS } from '../../shared/access';
import { DeskError } from '../../shared/errors';
import type { PraxisObjects } from '../../shared/lookup';
import { currentActor } from '../access/actor';
import { listRoles } from '../access/access-guard';
import { CHANNEL_ROLES, rolesFor } from '../access/channel-roles';
import { withTokensHidden } from '../praxis/customer-tokens';
import type { WorkStore } from '../store/work-store';

/**
 * An item's objects are for whoever may open it on its own screen: a hold's for those who may open Captures, a
 * withdrawal's for those who may open Payouts (channel-roles.ts decides both); other items for every role.
 */
const SCREEN_OF_TYPE: Record<string, { channel: 'captures:detail' | 'payouts:detail'; screen: string }> = {
  authorization: { channel: 'captures:detail', screen: 'Captures' },
  payout: { channel: 'payouts:detail', screen: 'Payouts' },
};

const rolesOfType = (type: string) => {
  const screen = SCREEN_OF_TYPE[type];
  return screen ? { screen: screen.screen, allowed: rolesFor(CHANNEL_ROLES[screen.channel]) } : null;
};

/** Whether the acting person may read an item of this transaction type (and so its customer). */
export function mayReadType(type: string): boolean {
  const needs = rolesOfType(type);
  return !needs || currentActor().roles.some((r) => needs.allowed.includes(r));
}

/** The same, refused with what role it needs; `what` is what would have been shown. */
export function assertMayRead(tid: number, type: string, what = 'its Praxis objects'): void {
  const needs = rolesOfType(type);
  if (!needs || mayReadType(type)) return;
  throw new DeskError(
    'FORBIDDEN',
    `tid ${tid} is worked in ${needs.screen}, so ${what} need the ${listRoles(needs.allowed.map((r) => ROLE_LABELS[r].toLowerCase()))} role. Nothing was shown; ask someone with that role.`,
  );
}

/** Transaction types whose items the acting person may not read (their customers neither). */
export const unreadableTypes = (): string[] => Object.keys(SCREEN_OF_TYPE).filter((t) => !mayReadType(t));

interface Row {
  transaction_type: string;
  updated_at: Date;
  last_source: PraxisObjects['lastSource'];
  raw_transaction: Record<string, unknown>;
  raw_session: Record<string, unknown> | null;
  raw_customer: Record<string, unknown> | null;
}

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
    transaction: withTokensHidden(row.raw_transaction),
    session: withTokensHidden(row.raw_session),
    customer: withTokensHidden(row.raw_customer),
  };
}
