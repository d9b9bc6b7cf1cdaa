import { z } from 'zod';
import { DeskError } from '../../shared/errors';
import { ROLES, type OperatorView, type Role } from '../../shared/access';
import type { WorkStore } from '../store/work-store';
import { appendAuditInTransaction } from '../audit/audit-log';
import { setSetting } from '../store/settings-repo';
import { assertNewOperatorName } from './operator-name';
import { exportManagerPin, forgetPin, newPinRecord, setPin, type PinRecord } from './operator-pins';

/**
 * The people who sign in to this desk, each with a role (one settings row per operator, readable by every desk) and
 * a PIN kept apart as a salted scrypt hash (operator-pins.ts). The PIN itself is never stored, logged or returned.
 */
const PREFIX = 'operator:';

const StoredOperator = z.object({
  name: z.string(),
  // Operators registered before roles existed were four-eyes confirmers on the payout queue.
  role: z.enum(ROLES).default('backoffice'),
  createdAt: z.string(),
});
type StoredOperator = z.infer<typeof StoredOperator>;

/** Operator names are compared case- and space-insensitively: "Ana" and " ana " are one person. */
export const operatorKey = (name: string) => name.trim().toLowerCase();

const view = (o: StoredOperator): OperatorView => ({ name: o.name, role: o.role, createdAt: o.createdAt });

async function readAll(store: WorkStore): Promise<StoredOperator[]> {
  const res = await store.db.query<{ value: unknown }>(`SELECT value FROM settings WHERE key LIKE $1 ORDER BY key`, [
    `${PREFIX}%`,
  ]);
  return res.rows.flatMap((r) => {
    const o = StoredOperator.safeParse(r.value);
    return o.success ? [o.data] : [];
  });
}

async function readOne(store: WorkStore, name: string): Promise<StoredOperator | undefined> {
  return store.settings.get(PREFIX + operatorKey(name), StoredOperator);
}

export async function listOperators(store: WorkStore): Promise<OperatorView[]> {
  return (await readAll(store)).map(view);
}

/** Whether anyone holds the manager role: from then on every person signs in and acts as themselves. */
export async function hasManager(store: WorkStore): Promise<boolean> {
  return (await readAll(store)).some((o) => o.role === 'manager');
}

export async function findOperator(store: WorkStore, name: string): Promise<OperatorView | undefined> {
  const o = await readOne(store, name);
  return o && view(o);
}

/** The new operator's name, trimmed, once it and the PIN may be added (before anyone is asked to confirm it). */
export async function checkNewOperator(store: WorkStore, op: { name: string; pin: string }): Promise<string> {
  const name = op.name.trim();
  if (!/^\d{4,8}$/.test(op.pin)) throw new DeskError('VALIDATION', 'The PIN is 4 to 8 digits.');
  assertNewOperatorName(
    name,
    (await readAll(store)).map((o) => o.name),
  );
  return name;
}

/** Registers an operator; `by` (who is acting) is written in the audit log, the PIN never. */
export async function addOperator(
  store: WorkStore,
  op: { name: string; pin: string; role: Role },
  by: string,
): Promise<OperatorView[]> {
  const name = await checkNewOperator(store, op);
  const stored: StoredOperator = { name, role: op.role, createdAt: new Date().toISOString() };
  const pin = await newPinRecord(op.pin);
  await store.db.transaction(async (tx) => {
    await setSetting(tx, PREFIX + operatorKey(name), stored);
    await setPin(tx, operatorKey(name), pin);
    await appendAuditInTransaction(tx, {
      operator: by,
      action: 'operators:add',
      details: { name, before: null, after: { role: op.role } },
    });
  });
  return listOperators(store);
}

/** A new role and/or PIN for an operator, audited with the role before and after (a PIN change only as a fact). */
export async function changeOperator(
  store: WorkStore,
  change: { name: string; role?: Role; pin?: string },
  by: string,
): Promise<OperatorView[]> {
  const current = await readOne(store, change.name);
  if (!current)
    throw new DeskError('NOT_FOUND', `No operator named "${change.name.trim()}" is registered on this desk.`);
  const next: StoredOperator = { ...current, role: change.role ?? current.role };
  const pin = change.pin !== undefined ? await newPinRecord(change.pin) : null;
  await store.db.transaction(async (tx) => {
    await setSetting(tx, PREFIX + operatorKey(current.name), next);
    if (pin) await setPin(tx, operatorKey(current.name), pin);
    await appendAuditInTransaction(tx, {
      operator: by,
      action: 'operators:change',
      details: {
        name: current.name,
        before: { role: current.role },
        after: { role: next.role },
        pinChanged: change.pin !== undefined,
      },
    });
  });
  return listOperators(store);
}

export async function removeOperator(store: WorkStore, name: string, by: string): Promise<OperatorView[]> {
  const current = await readOne(store, name);
  if (!current) throw new DeskError('NOT_FOUND', `No operator named "${name.trim()}" is registered on this desk.`);
  await store.db.transaction(async (tx) => {
    await tx.query('DELETE FROM settings WHERE key = $1', [PREFIX + operatorKey(name)]);
    await forgetPin(tx, operatorKey(name));
    await appendAuditInTransaction(tx, {
      operator: by,
      action: 'operators:remove',
      details: { name: current.name, before: { role: current.role }, after: null },
    });
  });
  return listOperators(store);
}

/** A manager's record and PIN as stored (hash and salt, never the PIN), to carry into a store with no manager yet. */
export interface CarriedManager {
  operator: StoredOperator & { role: 'manager' };
  pin: PinRecord;
}

/** `name`'s record when they are a manager on `store` (and this desk's login may carry them), else null. */
export async function managerRecord(store: WorkStore, name: string): Promise<CarriedManager | null> {
  const o = await readOne(store, name);
  if (o?.role !== 'manager') return null;
  const pin = await exportManagerPin(store.db, operatorKey(o.name));
  return pin && { operator: { ...o, role: 'manager' }, pin };
}

/**
 * Registers a manager from another profile's store (same name, same PIN) when `store` has none, so a desk that signs
 * people in keeps doing so after a switch: a store without a manager would run everyone with every role.
 */
export async function carryManagerInto(
  store: WorkStore,
  manager: CarriedManager,
  fromProfileId: string,
): Promise<boolean> {
  if (await hasManager(store)) return false;
  const { operator, pin } = manager;
  await store.db.transaction(async (tx) => {
    await setSetting(tx, PREFIX + operatorKey(operator.name), operator);
    await setPin(tx, operatorKey(operator.name), pin);
    await appendAuditInTransaction(tx, {
      operator: operator.name,
      action: 'operators:add',
      details: { name: operator.name, before: null, after: { role: 'manager' }, carriedFromProfile: fromProfileId },
    });
  });
  return true;
}
