import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DeskError } from '../../shared/errors';
import { ROLES, type OperatorView, type Role } from '../../shared/access';
import type { WorkStore } from '../store/work-store';
import { appendAuditInTransaction } from '../audit/audit-log';
import { setSetting } from '../store/settings-repo';
import { assertNewOperatorName } from './operator-name';

/**
 * The people who sign in to this desk, each with a role and a PIN kept only as a salted scrypt hash (one settings
 * row per operator). The PIN itself is never stored, logged or returned.
 */
const PREFIX = 'operator:';
const KEY_LENGTH = 32;
// N=2^14 takes ~30 ms: cheap for a person, slow for guessing a 4-digit PIN offline.
const SCRYPT = { N: 16_384, r: 8, p: 1 } as const;

const StoredOperator = z.object({
  name: z.string(),
  // Operators registered before roles existed were four-eyes confirmers on the payout queue.
  role: z.enum(ROLES).default('backoffice'),
  createdAt: z.string(),
  pinSalt: z.string(),
  pinHash: z.string(),
  scrypt: z.object({ N: z.number(), r: z.number(), p: z.number() }),
});
type StoredOperator = z.infer<typeof StoredOperator>;

/** Operator names are compared case- and space-insensitively: "Ana" and " ana " are one person. */
export const operatorKey = (name: string) => name.trim().toLowerCase();

const hashPin = (pin: string, salt: Buffer, params: { N: number; r: number; p: number }) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(pin, salt, KEY_LENGTH, { ...params, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );

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

async function storePin(pin: string): Promise<Pick<StoredOperator, 'pinSalt' | 'pinHash' | 'scrypt'>> {
  const salt = randomBytes(16);
  const hash = await hashPin(pin, salt, SCRYPT);
  return { pinSalt: salt.toString('base64'), pinHash: hash.toString('base64'), scrypt: { ...SCRYPT } };
}

/** Registers an operator; `by` (who is acting) is written in the audit log, the PIN never. */
export async function addOperator(
  store: WorkStore,
  op: { name: string; pin: string; role: Role },
  by: string,
): Promise<OperatorView[]> {
  const name = op.name.trim();
  if (!/^\d{4,8}$/.test(op.pin)) throw new DeskError('VALIDATION', 'The PIN is 4 to 8 digits.');
  assertNewOperatorName(
    name,
    (await readAll(store)).map((o) => o.name),
  );
  const stored: StoredOperator = {
    name,
    role: op.role,
    createdAt: new Date().toISOString(),
    ...(await storePin(op.pin)),
  };
  await store.db.transaction(async (tx) => {
    await setSetting(tx, PREFIX + operatorKey(name), stored);
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
  const next: StoredOperator = {
    ...current,
    role: change.role ?? current.role,
    ...(change.pin !== undefined ? await storePin(change.pin) : {}),
  };
  await store.db.transaction(async (tx) => {
    await setSetting(tx, PREFIX + operatorKey(current.name), next);
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
    await appendAuditInTransaction(tx, {
      operator: by,
      action: 'operators:remove',
      details: { name: current.name, before: { role: current.role }, after: null },
    });
  });
  return listOperators(store);
}

/** A manager's record as stored (PIN hash and salt, never the PIN), to carry into a store with no manager yet. */
export type CarriedManager = StoredOperator & { role: 'manager' };

/** `name`'s record when they are a manager on `store`, else null. */
export async function managerRecord(store: WorkStore, name: string): Promise<CarriedManager | null> {
  const o = await readOne(store, name);
  return o?.role === 'manager' ? (o as CarriedManager) : null;
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
  await store.db.transaction(async (tx) => {
    await setSetting(tx, PREFIX + operatorKey(manager.name), manager);
    await appendAuditInTransaction(tx, {
      operator: manager.name,
      action: 'operators:add',
      details: { name: manager.name, before: null, after: { role: 'manager' }, carriedFromProfile: fromProfileId },
    });
  });
  return true;
}

export type PinCheck = { ok: true; name: string; role: Role } | { ok: false; reason: 'unknown_operator' | 'wrong_pin' };

/** Checks a PIN in constant time against the stored hash. */
export async function verifyOperatorPin(store: WorkStore, name: string, pin: string): Promise<PinCheck> {
  const op = await readOne(store, name);
  if (!op) return { ok: false, reason: 'unknown_operator' };
  const expected = Buffer.from(op.pinHash, 'base64');
  const actual = await hashPin(pin, Buffer.from(op.pinSalt, 'base64'), op.scrypt);
  return actual.length === expected.length && timingSafeEqual(actual, expected)
    ? { ok: true, name: op.name, role: op.role }
    : { ok: false, reason: 'wrong_pin' };
}
