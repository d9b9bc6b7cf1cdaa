import { describe, expect, it } from 'vitest';
import { currencyExponent } from '../../shared/money';
import { Book } from './book';
import { createRng } from './prng';
import { SEED_COUNTS, seedBook } from './seed';

const NOW = 1_800_000_000;
const DAY = 86_400;

function seeded(seed: number): Book {
  const rng = createRng(seed);
  const book = new Book(rng, () => NOW);
  seedBook(book, rng, NOW);
  return book;
}

const open = (book: Book, type: string, status: string) =>
  [...book.records.values()].filter((r) => r.tx.transaction_type === type && r.tx.transaction_status === status);

describe('the seeded book', () => {
  it('is the same for the same seed and differs for another', () => {
    const summary = (b: Book) =>
      [...b.records.values()].map((r) => `${r.tx.tid}:${r.cid}:${r.tx.amount}:${r.createdAt}`).join(',');
    expect(summary(seeded(3))).toBe(summary(seeded(3)));
    expect(summary(seeded(3))).not.toBe(summary(seeded(4)));
  });

  it('has ~30 customers across five currencies including a 0-decimal and a 3-decimal one', () => {
    const book = seeded(1);
    expect(book.customers.size).toBe(SEED_COUNTS.customers);
    const currencies = new Set([...book.customers.values()].map((c) => c.currency));
    expect([...currencies].sort()).toEqual(['EUR', 'GBP', 'JPY', 'KWD', 'USD']);
    expect([...currencies].map(currencyExponent).sort()).toEqual([0, 2, 2, 2, 3]);
    const all = [...book.customers.values()];
    expect(all.every((c) => /^[A-Z]{2}$/.test(c.country))).toBe(true);
    // Most have a name; a few come with empty names, as a real sandbox payout did (api-reference §8a).
    const unnamed = all.filter((c) => c.first_name === '' && c.last_name === '');
    expect(unnamed.length).toBeGreaterThan(0);
    expect(all.filter((c) => c.first_name && c.last_name)).toHaveLength(all.length - unnamed.length);
  });

  it('has 40 open withdrawal requests and 25 authorizations aged from minutes to almost 7 days', () => {
    const book = seeded(1);
    const wrs = open(book, 'payout', 'requested');
    const auths = open(book, 'authorization', 'authorized');
    expect(wrs).toHaveLength(SEED_COUNTS.withdrawalRequests);
    expect(auths).toHaveLength(SEED_COUNTS.authorizations);
    const ages = auths.map((r) => NOW - r.createdAt);
    expect(Math.min(...ages)).toBeLessThan(DAY);
    expect(ages.filter((a) => a > 6 * DAY && a < 7 * DAY).length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...wrs.map((r) => NOW - r.createdAt))).toBeLessThan(6 * 3600);
  });

  it('contains the risky cases the payout queue must flag', () => {
    const book = seeded(1);
    const wrs = open(book, 'payout', 'requested');
    const depositedCards = new Set(
      [...book.records.values()].filter((r) => r.tx.transaction_type === 'sale').map((r) => r.tx.card?.card_number),
    );
    const noDeposits = (cid: string) =>
      ![...book.records.values()].some((r) => r.cid === cid && r.tx.transaction_type === 'sale');
    expect(wrs.some((r) => r.tx.card && !depositedCards.has(r.tx.card.card_number))).toBe(true); // card never used to deposit
    expect(wrs.some((r) => r.tx.wallet)).toBe(true);
    expect(wrs.some((r) => noDeposits(r.cid))).toBe(true);
    const perCustomer24h = new Map<string, number>();
    for (const r of wrs) if (NOW - r.createdAt < DAY) perCustomer24h.set(r.cid, (perCustomer24h.get(r.cid) ?? 0) + 1);
    expect(Math.max(...perCustomer24h.values())).toBeGreaterThanOrEqual(3);
    const alerted = wrs.filter((r) => {
      const c = book.customers.get(r.cid)!;
      return c.verification_alert === 1 || c.avs_alert === 1;
    });
    expect(alerted.length).toBeGreaterThan(0);
    const median = [...wrs.map((r) => r.tx.amount)].sort((a, b) => a - b)[20]!;
    expect(wrs.some((r) => r.tx.amount > 8 * median)).toBe(true);
  });

  it('masks every card number and keeps amounts whole minor units', () => {
    const book = seeded(1);
    for (const r of book.records.values()) {
      expect(Number.isSafeInteger(r.tx.amount)).toBe(true);
      if (r.tx.card) expect(r.tx.card.card_number).toMatch(/^\d{6}\*{6}\d{4}$/);
    }
  });
});
