import { randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../store/db';

/**
 * Operators' PINs as the store keeps them: a salted scrypt hash, out of every desk login's reach (migration 11). The
 * desk hashes what was typed and the store's functions compare, count and lock; the PIN itself is never stored.
 */
const KEY_LENGTH = 32;
// N=2^14 takes ~30 ms: cheap for a person, slow for guessing a 4-digit PIN offline.
const SCRYPT = { N: 16_384, r: 8, p: 1 } as const;

const ScryptParams = z.object({ N: z.number(), r: z.number(), p: z.number() });
const Salt = z.object({ salt: z.string(), scrypt: ScryptParams });
const PinRecord = Salt.extend({ hash: z.string() });
/** A PIN as stored: salt, hash and the scrypt parameters it was hashed with. */
export type PinRecord = z.infer<typeof PinRecord>;

const hashPin = (pin: string, salt: string, params: z.infer<typeof ScryptParams>) =>
  new Promise<string>((resolve, reject) =>
    scrypt(pin, Buffer.from(salt, 'base64'), KEY_LENGTH, { ...params, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key.toString('base64')),
    ),
  );

/** A new PIN hashed with a fresh salt. */
export async function newPinRecord(pin: string): Promise<PinRecord> {
  const salt = randomBytes(16).toString('base64');
  return { salt, hash: await hashPin(pin, salt, SCRYPT), scrypt: { ...SCRYPT } };
}

/** Sets the PIN of the operator registered under `key`; the store refuses it to a login that is not a manager. */
export async function setPin(q: Queryable, key: string, pin: PinRecord): Promise<void> {
  await q.query('SELECT desk_pin_set($1, $2, $3, $4)', [key, pin.salt, pin.hash, JSON.stringify(pin.scrypt)]);
}

/** Drops the PIN of an operator no longer registered. */
export async function forgetPin(q: Queryable, key: string): Promise<void> {
  await q.query('SELECT desk_pin_forget($1)', [key]);
}

/** A manager's PIN record, to carry them into another store; null for anyone else, or to a login that is no manager. */
export async function exportManagerPin(q: Queryable, key: string): Promise<PinRecord | null> {
  const res = await q.query<{ pin: unknown }>('SELECT desk_pin_export($1) AS pin', [key]);
  const pin = res.rows[0]?.pin;
  return pin ? PinRecord.parse(pin) : null;
}

const PinAnswer = z.discriminatedUnion('result', [
  z.object({ result: z.literal('ok') }),
  z.object({ result: z.literal('locked'), remainingMs: z.coerce.number() }),
  z.object({
    result: z.enum(['wrong_pin', 'unknown_operator']),
    lockMs: z.coerce.number(),
    triesLeft: z.number(),
  }),
]);
export type PinAnswer = z.infer<typeof PinAnswer>;

/**
 * Checks `pin` for the operator under `key` and counts a miss, in one step in the store. A name nobody has is
 * hashed all the same (with a throwaway salt), so a refusal takes as long and counts alike whichever part was wrong.
 */
export async function checkPin(q: Queryable, key: string, pin: string): Promise<PinAnswer> {
  const res = await q.query<{ salt: unknown }>('SELECT desk_pin_salt($1) AS salt', [key]);
  const known = res.rows[0]?.salt ? Salt.parse(res.rows[0].salt) : null;
  const { salt, scrypt: params } = known ?? { salt: randomBytes(16).toString('base64'), scrypt: SCRYPT };
  const hash = await hashPin(pin, salt, params);
  const answer = await q.query<{ answer: unknown }>('SELECT desk_pin_attempt($1, $2) AS answer', [key, hash]);
  return PinAnswer.parse(answer.rows[0]?.answer);
}
