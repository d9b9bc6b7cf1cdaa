/** Fixed reference data of the simulated merchant: its gateways, and names/countries for customers. */
import type { SimGateway } from './book-types';
import type { Rng } from './prng';

export const SIM_CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'KWD'] as const;

const ALL = [...SIM_CURRENCIES];

export const GATEWAYS: readonly SimGateway[] = [
  {
    gateway: 'c2f9a7d41e6b4c0f8a3d5e7b9c1f2a4d',
    name: 'SimAcquirer Cards',
    payment_method: 'Credit Card',
    gateway_type: 'card',
    currencies: ALL,
    transaction_types: ['authorization', 'sale', 'payout'],
  },
  {
    gateway: '8b1e4d7a2c5f4e9b0d3a6c8f1e2b5d7a',
    name: 'SimBank OCT Payouts',
    payment_method: 'Credit Card',
    gateway_type: 'card',
    currencies: ['EUR', 'GBP', 'USD'],
    transaction_types: ['payout'],
  },
  {
    gateway: '4e7a1c9d3b6f4a2e8c5d0b7f9a1e3c6b',
    name: 'SimWallet',
    payment_method: 'Skrill',
    gateway_type: 'apm',
    currencies: ['EUR', 'USD', 'GBP'],
    transaction_types: ['sale', 'payout'],
  },
  {
    gateway: 'a9d3f6b2e8c14d7a0f5b3e9c2d6a8f1b',
    name: 'SimWire Bank Transfer',
    payment_method: 'Bank Transfer',
    gateway_type: 'apm',
    currencies: ALL,
    transaction_types: ['payout'],
  },
];

export const gatewayByHash = (hash: string): SimGateway | undefined => GATEWAYS.find((g) => g.gateway === hash);

/** The gateway the desk should suggest first for card payouts in any currency. */
export const DEFAULT_PAYOUT_GATEWAY = GATEWAYS[0]!.gateway;

const COUNTRIES: Record<string, readonly string[]> = {
  EUR: ['DE', 'FR', 'IT', 'ES', 'NL', 'AT', 'IE'],
  USD: ['US', 'CA'],
  GBP: ['GB'],
  JPY: ['JP'],
  KWD: ['KW'],
};

export const countryFor = (currency: string, rng: Rng): string => rng.pick(COUNTRIES[currency] ?? ['GB']);

const FIRST = [
  'Anna',
  'Ben',
  'Carla',
  'David',
  'Elena',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Keiko',
  'Liam',
  'Maya',
  'Noor',
  'Oscar',
  'Paula',
  'Rashid',
  'Sofia',
  'Tomás',
  'Uma',
  'Victor',
  'Wen',
  'Yusuf',
  'Zoe',
];
const LAST = [
  'Becker',
  'Dubois',
  'Rossi',
  'García',
  'de Vries',
  'Murphy',
  'Smith',
  'Johnson',
  'Tanaka',
  'Al-Sabah',
  'Novak',
  'Silva',
  'Khan',
  'Müller',
  'Sato',
  'Brown',
];

export const customerName = (rng: Rng): [string, string] => [rng.pick(FIRST), rng.pick(LAST)];

/** A typical deposit or withdrawal size in minor units for the currency (JPY 0 decimals, KWD 3). */
export function typicalAmountMinor(currency: string, rng: Rng): number {
  switch (currency) {
    case 'JPY':
      return rng.int(30, 600) * 100; // ¥3,000 – ¥60,000
    case 'KWD':
      return rng.int(10, 150) * 1000 + rng.pick([0, 250, 500, 750]); // KWD 10.000 – 150.750
    default:
      return rng.int(20, 500) * 100 + rng.pick([0, 0, 50, 99]); // 20.00 – 500.99
  }
}
