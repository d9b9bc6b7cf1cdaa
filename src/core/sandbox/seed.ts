/**
 * Seeds a believable book: ~30 customers in EUR/USD/GBP/JPY/KWD with deposit history, ~40 withdrawal requests
 * and ~25 authorizations of varied age, some of them risky. Deterministic for a given seed and clock.
 */
import type { Card, Wallet } from '../praxis/schemas';
import type { Book } from './book';
import type { SimCustomer } from './book-types';
import { SIM_CURRENCIES, countryFor, customerName, typicalAmountMinor } from './catalog';
import type { Rng } from './prng';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;

export const SEED_COUNTS = { customers: 30, withdrawalRequests: 40, authorizations: 25 } as const;

const CURRENCY_PLAN = [
  'EUR',
  'EUR',
  'EUR',
  'EUR',
  'EUR',
  'EUR',
  'EUR',
  'EUR',
  'EUR',
  'EUR',
  'USD',
  'USD',
  'USD',
  'USD',
  'USD',
  'USD',
  'GBP',
  'GBP',
  'GBP',
  'GBP',
  'GBP',
  'GBP',
  'JPY',
  'JPY',
  'JPY',
  'JPY',
  'KWD',
  'KWD',
  'KWD',
  'KWD',
];

export function makeCard(rng: Rng): Card {
  const visa = rng.chance(0.6);
  return {
    card_token: rng.hex(32),
    card_type: visa ? 'VISA' : 'MasterCard',
    card_number: `${visa ? '411111' : '555555'}******${String(rng.int(0, 9999)).padStart(4, '0')}`,
    card_exp: `${String(rng.int(1, 12)).padStart(2, '0')}/${rng.int(2026, 2031)}`,
    card_issuer_name: rng.pick(['Sim Bank', 'Example Savings', 'Demo Credit Union']),
    card_issuer_country: null,
  };
}

const BIN_OF: Record<string, string> = {
  VISA: '411111',
  MasterCard: '555555',
  AMEX: '378282',
  Discover: '601111',
  Maestro: '676770',
};

/** A masked card of the given brand, as Praxis sends it (card_type, BIN and last four). */
export function cardOfBrand(brand: string, rng: Rng): Card {
  return {
    card_token: rng.hex(32),
    card_type: brand,
    card_number: `${BIN_OF[brand] ?? '400000'}******${String(rng.int(0, 9999)).padStart(4, '0')}`,
    card_exp: `${String(rng.int(1, 12)).padStart(2, '0')}/${rng.int(2026, 2031)}`,
    card_issuer_name: 'Sim Bank',
    card_issuer_country: null,
  };
}

function makeWallet(rng: Rng, first: string): Wallet {
  const local = first
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
  return { wallet_token: rng.hex(32), account_identifier: `${local.slice(0, 2)}******@mail.example`, data: null };
}

function makeCustomer(book: Book, rng: Rng, i: number): SimCustomer {
  const currency = CURRENCY_PLAN[i % CURRENCY_PLAN.length]!;
  const [first, last] = customerName(rng);
  const cards = Array.from({ length: rng.int(1, 2) }, () => makeCard(rng));
  for (const c of cards) c.card_issuer_country = countryFor(currency, rng);
  const walletOk = ['EUR', 'USD', 'GBP'].includes(currency) && rng.chance(0.3);
  return book.addCustomer({
    cid: `cust-${String(1001 + i)}`,
    customer_token: rng.hex(32),
    // A few come without a name, as a real sandbox payout did (§8a): the desk then shows the cid.
    first_name: i % 9 === 4 ? '' : first,
    last_name: i % 9 === 4 ? '' : last,
    country: countryFor(currency, rng),
    currency,
    // A few alerts so the desk's risk flags have something to show.
    avs_alert: i % 13 === 7 ? 1 : 0,
    verification_alert: i % 11 === 3 ? 1 : i === 20 ? -1 : null,
    cards,
    wallets: walletOk ? [makeWallet(rng, first)] : [],
  });
}

export function seedBook(book: Book, rng: Rng, nowSeconds: number): void {
  const customers = Array.from({ length: SEED_COUNTS.customers }, (_, i) => makeCustomer(book, rng, i));
  // The last four never deposited: any withdrawal from them is a first-and-unfunded one.
  const depositors = customers.slice(0, SEED_COUNTS.customers - 4);

  for (const c of depositors) {
    const n = rng.int(1, 6);
    for (let k = 0; k < n; k++) {
      const useWallet = c.wallets.length > 0 && rng.chance(0.3);
      book.createDeposit({
        cid: c.cid,
        currency: c.currency,
        amount: typicalAmountMinor(c.currency, rng),
        type: 'sale',
        status: rng.chance(0.1) ? 'rejected' : 'approved',
        card: useWallet ? null : rng.pick(c.cards),
        wallet: useWallet ? c.wallets[0] : null,
        createdAt: nowSeconds - rng.int(2 * DAY, 120 * DAY),
      });
    }
  }

  // Earlier approved payouts for the first twelve, so "first withdrawal" means something.
  for (const c of customers.slice(0, 12)) {
    const wr = book.createWithdrawalRequest({
      cid: c.cid,
      currency: c.currency,
      amount: typicalAmountMinor(c.currency, rng),
      createdAt: nowSeconds - rng.int(10 * DAY, 60 * DAY),
    });
    wr.tx.transaction_status = 'approved';
    wr.tx.processed_amount = wr.tx.amount;
    wr.tx.processed_currency = wr.tx.currency;
    wr.tx.conversion_rate = '1.000000';
    wr.remainingMinor = 0;
  }

  // Several requests from one customer inside 24 hours.
  const burst = customers[5]!;
  for (const age of [1 * HOUR, 5 * HOUR, 20 * HOUR]) {
    book.createWithdrawalRequest({
      cid: burst.cid,
      currency: burst.currency,
      amount: typicalAmountMinor(burst.currency, rng),
      createdAt: nowSeconds - age,
    });
  }
  for (let k = 3; k < SEED_COUNTS.withdrawalRequests; k++) {
    const c = rng.pick(customers);
    const large = rng.chance(0.1);
    const amount = typicalAmountMinor(c.currency, rng) * (large ? rng.int(10, 20) : 1);
    const roll = rng.next();
    // 15 %: a card never used for a deposit; 20 % (when the customer has one): an e-wallet.
    const card = roll < 0.15 ? makeCard(rng) : rng.pick(c.cards);
    const wallet = roll >= 0.15 && roll < 0.35 && c.wallets.length > 0 ? c.wallets[0] : null;
    book.createWithdrawalRequest({
      cid: c.cid,
      currency: c.currency,
      amount,
      card,
      wallet,
      createdAt: nowSeconds - rng.int(5 * MIN, Math.floor(6.5 * DAY)),
    });
  }

  // Holds expire after ~7 days: spread them from minutes to nearly seven days old.
  for (let k = 0; k < SEED_COUNTS.authorizations; k++) {
    const c = rng.pick(depositors);
    const age = k < 4 ? rng.int(6 * DAY, Math.floor(6.9 * DAY)) : rng.int(2 * MIN, 6 * DAY);
    book.createDeposit({
      cid: c.cid,
      currency: c.currency,
      amount: typicalAmountMinor(c.currency, rng),
      type: 'authorization',
      status: 'authorized',
      card: rng.pick(c.cards),
      createdAt: nowSeconds - age,
    });
  }
}

/** One new item for a live desk: a withdrawal request or an authorization, alternately. */
export function arriveOne(book: Book, rng: Rng, nowSeconds: number, n: number): number {
  const customers = [...book.customers.values()];
  // An unseeded book still gets work: the first arrivals bring their own customers.
  const c =
    customers.length > 0 && rng.chance(0.9)
      ? rng.pick(customers)
      : book.ensureCustomer(`cust-${9000 + customers.length}`, rng.pick(SIM_CURRENCIES));
  if (c.cards.length === 0) c.cards.push(makeCard(rng));
  if (n % 2 === 0) {
    return book.createWithdrawalRequest({
      cid: c.cid,
      currency: c.currency,
      amount: typicalAmountMinor(c.currency, rng),
      createdAt: nowSeconds,
    }).tx.tid;
  }
  return book.createDeposit({
    cid: c.cid,
    currency: c.currency,
    amount: typicalAmountMinor(c.currency, rng),
    type: 'authorization',
    status: 'authorized',
    card: rng.pick(c.cards),
    createdAt: nowSeconds,
  }).tx.tid;
}
