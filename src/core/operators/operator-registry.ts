import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DeskError } from '../../shared/errors';
import type { OperatorView } from '../../shared/payouts';
import type { WorkStore } from '../store/work-store';

/**
 * Operators who can confirm a four-eyes approval on this desk, each with a PIN kept only as a salted scrypt
 * hash (one settings row per operator). The PIN itself is never stored, logged or returned.
 */
const PREFIX = 'operator:';
const KEY_LENGTH = 32;
// N=2^14 takes ~30 ms: cheap for a person, slow for guessing a 4-digit PIN offline.
const SCRYPT = { N: 16_384, r: 8, p: 1 } as const;

const StoredOperator = z.object({
  name: z.string(),
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

const view = (o: StoredOperator): OperatorView => ({ name: o.name, createdAt: o.createdAt });

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

/** Registers an operator; `by` (who is acting) is written in the audit log, the PIN never. */
export async function addOperator(store: WorkStore, name: string, pin: string, by: string): Promise<OperatorView[]> {
  const trimmed = name.trim();
  if (!/^\d{4,8}$/.test(pin)) throw new DeskError('VALIDATION', 'The PIN is 4 to 8 digits.');
  if (await readOne(store, trimmed)) {
    throw new DeskError(
      'CONFLICT',
      `An operator named "${trimmed}" is already registered. Remove them first to set a new PIN.`,
    );
  }
  const salt = randomBytes(16);
  const hash = await hashPin(pin, salt, SCRYPT);
  const stored: StoredOperator = {
    name: trimmed,
    createdAt: new Date().toISOString(),
    pinSalt: salt.toString('base64'),
    pinHash: hash.toString('base64'),
    scrypt: { ...SCRYPT },
  };
  await store.settings.set(PREFIX + operatorKey(trimmed), stored);
  await store.audit.append({ operator: by, action: 'operators:add', details: { name: trimmed } });
  return listOperators(store);
}

export async function removeOperator(store: WorkStore, name: string, by: string): Promise<OperatorView[]> {
  const res = await store.db.query('DELETE FROM settings WHERE key = $1', [PREFIX + operatorKey(name)]);
  if (res.rowCount === 0)
    throw new DeskError('NOT_FOUND', `No operator named "${name.trim()}" is registered on this desk.`);
  await store.audit.append({ operator: by, action: 'operators:remove', details: { name: name.trim() } });
  return listOperators(store);
}

export type PinCheck = { ok: true; name: string } | { ok: false; reason: 'unknown_operator' | 'wrong_pin' };

/** Checks a PIN in constant time against the stored hash. */
export async function verifyOperatorPin(store: WorkStore, name: string, pin: string): Promise<PinCheck> {
  const op = await readOne(store, name);
  if (!op) return { ok: false, reason: 'unknown_operator' };
  const expected = Buffer.from(op.pinHash, 'base64');
  const actual = await hashPin(pin, Buffer.from(op.pinSalt, 'base64'), op.scrypt);
  return actual.length === expected.length && timingSafeEqual(actual, expected)
    ? { ok: true, name: op.name }
    : { ok: false, reason: 'wrong_pin' };
}
