import { z } from 'zod';
import type { ActionOutcome } from '../actions';
import type { CaptureBulkOutcome, CaptureDetail, CapturePage, CaptureRow, CaptureSettings } from '../captures';
import { channel } from './channel';
import { ReasonOptionInput } from './reason-option';

const Tid = z.number().int().positive();
const ReasonCode = z.string().min(1).max(40);
const Note = z.string().max(500);
const MAX_HOLD_WINDOWS = 100;
const MAX_VOID_REASONS = 50;
/** A hold window up to 60 days: extended authorizations (lodging, car rental) reach ~30. */
const MINUTES_IN_60_DAYS = 60 * 24 * 60;

const HoldWindowRuleInput = z
  .object({
    key: z.string().trim().min(1).max(40),
    label: z.string().trim().min(1, 'Give the hold window a label').max(120),
    cardType: z.string().trim().min(1).max(32).nullable(),
    paymentMethod: z.string().trim().min(1).max(50).nullable(),
    minutes: z
      .number()
      .int()
      .min(1, 'A hold window is at least 1 minute')
      .max(MINUTES_IN_60_DAYS, 'A hold window is at most 60 days'),
  })
  .strict();

const CaptureSettingsInput = z
  .object({
    holdWindows: z
      .array(HoldWindowRuleInput)
      .min(1)
      .max(MAX_HOLD_WINDOWS, `At most ${MAX_HOLD_WINDOWS} hold windows`)
      .refine((rows) => rows.some((r) => r.cardType === null && r.paymentMethod === null), {
        message: 'Keep one default hold window (no card brand, no payment method): it applies to every other hold',
      })
      .refine((rows) => new Set(rows.map((r) => r.key)).size === rows.length, {
        message: 'Each hold window needs its own key',
      }),
    voidReasons: z
      .array(ReasonOptionInput)
      .min(1)
      .max(MAX_VOID_REASONS, `At most ${MAX_VOID_REASONS} void reasons (1–9 pick the first nine)`),
    bulkConcurrency: z.number().int().min(1).max(32),
  })
  .strict();

export const capturesContract = {
  // No input: the whole queue. `limit` / `after` page it closest-to-lapsing first, as payouts:list pages.
  'captures:list': channel(
    z.object({ limit: z.number().int().min(1).max(100_000).optional(), after: Tid.optional() }).strict(),
  ).returns<CapturePage>(),
  'captures:rows': channel(z.object({ tids: z.array(Tid).max(10_000) }).strict()).returns<CaptureRow[]>(),
  'captures:detail': channel(z.object({ tid: Tid }).strict()).returns<CaptureDetail>(),
  // Praxis captures the whole hold: there is deliberately no amount.
  'captures:capture': channel(z.object({ tid: Tid }).strict()).returns<ActionOutcome>(),
  'captures:void': channel(
    z.object({ tid: Tid, reasonCode: ReasonCode, note: Note.optional() }).strict(),
  ).returns<ActionOutcome>(),
  'captures:bulk': channel(
    z
      .object({
        action: z.enum(['capture', 'void']),
        tids: z.array(Tid).min(1).max(5_000),
        reasonCode: ReasonCode.optional(),
        note: Note.optional(),
      })
      .strict()
      .refine((b) => b.action !== 'void' || !!b.reasonCode, {
        message: 'A bulk void needs a reason',
        path: ['reasonCode'],
      }),
  ).returns<CaptureBulkOutcome>(),
  'captures:reconcile': channel(z.object({ tid: Tid }).strict()).returns<ActionOutcome>(),

  'capture-settings:get': channel(z.object({}).strict()).returns<CaptureSettings>(),
  'capture-settings:save': channel(CaptureSettingsInput).returns<CaptureSettings>(),
} as const;
