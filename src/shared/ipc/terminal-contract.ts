import { z } from 'zod';
import { isCountryCode } from '../countries';
import { parseAmount } from '../money';
import {
  TERMINAL_INTENTS,
  type TerminalCustomer,
  type TerminalGatewayOption,
  type TerminalSession,
  type TerminalStart,
} from '../terminal';
import { currencyRecord } from './bounded';
import { channel } from './channel';

const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));
const OrderId = z.string().min(1).max(50);
const MAX_AMOUNT_CHARS = 40;
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max} characters (Praxis's limit)`)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

/** customer_data as the agent types it (api-reference §6.2): the lengths are Praxis's. */
export const TerminalCustomerInput = z
  .object({
    cid: z
      .string()
      .trim()
      .min(1, 'Enter the customer id (cid) the caller has with you')
      .max(50, 'A cid is at most 50 characters'),
    firstName: z.string().trim().min(1, 'Enter the first name').max(25, 'A first name is at most 25 characters'),
    lastName: z.string().trim().min(1, 'Enter the last name').max(25, 'A last name is at most 25 characters'),
    email: z
      .string()
      .trim()
      .max(50, 'An email is at most 50 characters')
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email such as name@example.com'),
    country: z
      .string()
      .trim()
      .max(2, 'Enter a two-letter ISO 3166 country code in capitals, such as GB, DE or JP')
      .refine(isCountryCode, 'Enter a two-letter ISO 3166 country code in capitals, such as GB, DE or JP'),
    // Praxis takes the digits only (int(20)); the agent types the number as the caller reads it out.
    phone: z
      .string()
      .max(40, 'A phone is at most 40 characters as typed')
      .transform((v) => v.replace(/[\s+().-]/g, ''))
      .pipe(z.string().regex(/^(\d{6,15})?$/, 'A phone is 6 to 15 digits with the country code, e.g. +44 20 7946 0000'))
      .transform((v) => (v === '' ? undefined : v))
      .optional(),
    address: optionalText(100, 'The address'),
    city: optionalText(50, 'The city'),
    zip: optionalText(12, 'The postcode'),
  })
  .strict();

/**
 * What the agent sends to open a session. The amount is the typed text, parsed by the one parser with the
 * currency's exponent (no cents for JPY, three decimals for KWD); null leaves it to the customer on the page.
 */
export const TerminalStartInput = z
  .object({
    intent: z.enum(TERMINAL_INTENTS),
    customer: TerminalCustomerInput,
    currency: z
      .string()
      .max(3, 'Pick a three-letter ISO 4217 currency such as EUR')
      .refine((c) => /^[A-Z]{3}$/.test(c) && ISO_4217.has(c), 'Pick a three-letter ISO 4217 currency such as EUR'),
    amount: z.string().max(MAX_AMOUNT_CHARS).nullable(),
    paymentMethod: z.string().trim().min(1).max(50).optional(),
    gateway: z.string().trim().min(1).max(32).optional(),
    /** The caller-check lines the agent ticked with the caller, as shown: the core wants every current one. */
    callerCheck: z.array(z.string().max(200)).max(12),
  })
  .strict()
  .superRefine((v, ctx) => {
    // An amount already over its length is told that alone, not parsed and quoted back as well.
    if (v.amount === null || v.amount.length > MAX_AMOUNT_CHARS || !ISO_4217.has(v.currency)) return;
    const parsed = parseAmount(v.amount, v.currency);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['amount'], message: parsed.message });
  });
export type TerminalStartRequest = z.output<typeof TerminalStartInput>;

export interface RecentCustomer extends TerminalCustomer {
  lastCurrency: string | null;
  lastSeenAt: string;
}

/** What the intake's validation answers and what the caller-check panel says (api-reference §5.2). */
export const TerminalSettingsInput = z
  .object({
    /** Largest deposit per currency, minor units; a currency not listed has no limit. */
    depositMaxMinor: currencyRecord(z.number().int().positive(), 200),
    /** Smallest deposit per currency, minor units. */
    depositMinMinor: currencyRecord(z.number().int().positive(), 200),
    /** The lines of the caller-check panel beside the payment page. */
    callerCheck: z
      .array(z.string().trim().min(1, 'A check line cannot be empty').max(200))
      .min(1, 'Keep at least one check for the agent')
      .max(12),
  })
  .strict();
export type TerminalSettings = z.output<typeof TerminalSettingsInput>;

/** A new session's form filled from an item the desk knows (a Lookup result, a payout or a capture). */
export interface TerminalPrefill {
  customer: TerminalCustomer;
  currency: string;
  amountMinor: number;
}

export const terminalContract = {
  'terminal:start': channel(TerminalStartInput).returns<TerminalStart>(),
  // A new session for the same customer, intent and amount, with another method (or the page's own choice).
  'terminal:retry': channel(
    z
      .object({
        orderId: OrderId,
        paymentMethod: z.string().trim().min(1).max(50).optional(),
        gateway: z.string().trim().min(1).max(32).optional(),
      })
      .strict(),
  ).returns<TerminalStart>(),
  'terminal:status': channel(z.object({ orderId: OrderId }).strict()).returns<TerminalSession>(),
  // The session again for a window that lost it (a reload mid-call): its page only for the agent who opened it.
  'terminal:reopen': channel(z.object({ orderId: OrderId }).strict()).returns<TerminalStart>(),
  'terminal:history': channel(z.object({ limit: z.number().int().min(1).max(500).optional() }).strict()).returns<
    TerminalSession[]
  >(),
  // The details the desk knows for a cid the agent typed: the latest a session was opened with, else Praxis's.
  'terminal:customer': channel(
    z.object({ cid: z.string().trim().min(1).max(50) }).strict(),
  ).returns<TerminalCustomer | null>(),
  'terminal:recent-customers': channel(z.object({ search: z.string().max(50).optional() }).strict()).returns<
    RecentCustomer[]
  >(),
  'terminal:gateway-options': channel(z.object({ intent: z.enum(TERMINAL_INTENTS).optional() }).strict()).returns<
    TerminalGatewayOption[]
  >(),
  'terminal:prefill': channel(
    z.object({ tid: z.number().int().positive().max(2_147_483_647) }).strict(),
  ).returns<TerminalPrefill>(),
  'terminal-settings:get': channel(z.object({}).strict()).returns<TerminalSettings>(),
  'terminal-settings:save': channel(TerminalSettingsInput).returns<TerminalSettings>(),
} as const;
