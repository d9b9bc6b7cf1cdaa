import { z } from 'zod';
import type {
  ActionOutcome,
  BulkOutcome,
  GatewayOption,
  PayoutDetail,
  PayoutPage,
  PayoutRow,
  PayoutSettings,
  SavedView,
} from '../payouts';

import { boundedJsonObject, currencyRecord } from './bounded';
import { channel } from './channel';
import { SecondManager } from './access-contract';
import { ReasonOptionInput } from './reason-option';

const Tid = z.number().int().positive();
const Gateway = z.string().trim().min(1, 'Pick a gateway').max(32);
/** A colleague confirming a four-eyes approval on this desk with their own PIN. */
const SecondApprover = z
  .object({
    operator: z.string().trim().min(1).max(32),
    pin: z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits'),
  })
  .strict();

const MINUTES_IN_30_DAYS = 30 * 24 * 60;
const MAX_REJECT_REASONS = 50;

const PayoutSettingsFields = z.object({
  slaWarnMinutes: z.number().int().min(1).max(MINUTES_IN_30_DAYS),
  slaLateMinutes: z.number().int().min(1).max(MINUTES_IN_30_DAYS),
  withdrawalRatioPercent: z.number().int().min(1).max(100_000),
  velocityCount: z.number().int().min(2).max(1_000),
  velocityWindowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
  fourEyesThresholds: currencyRecord(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), 200),
  rejectReasons: z
    .array(ReasonOptionInput)
    .min(1)
    .max(MAX_REJECT_REASONS, `At most ${MAX_REJECT_REASONS} reject reasons (1–9 pick the first nine)`),
  bulkConcurrency: z.number().int().min(1).max(32),
});

const lateAfterWarn = <S extends z.ZodType<{ slaWarnMinutes: number; slaLateMinutes: number }>>(schema: S) =>
  schema.refine((s) => s.slaLateMinutes > s.slaWarnMinutes, {
    error: (iss) => {
      const warn = (iss.input as { slaWarnMinutes?: unknown } | undefined)?.slaWarnMinutes;
      return `must be more than the SLA warning${typeof warn === 'number' ? ` (${warn} minutes)` : ''}`;
    },
    path: ['slaLateMinutes'],
  });

/** The payout settings as stored. */
export const PayoutSettingsInput = lateAfterWarn(PayoutSettingsFields.strict());

export const payoutsContract = {
  // No input: the whole queue. `limit` / `after` page it oldest first, so a screen can show the first rows at once.
  'payouts:list': channel(
    z.object({ limit: z.number().int().min(1).max(100_000).optional(), after: Tid.optional() }).strict(),
  ).returns<PayoutPage>(),
  'payouts:rows': channel(z.object({ tids: z.array(Tid).max(10_000) }).strict()).returns<PayoutRow[]>(),
  'payouts:detail': channel(z.object({ tid: Tid }).strict()).returns<PayoutDetail>(),
  'payouts:gateways': channel(z.object({ tid: Tid }).strict()).returns<GatewayOption[]>(),
  'payouts:approve': channel(
    z.object({ tid: Tid, gateway: Gateway, secondApprover: SecondApprover.optional() }).strict(),
  ).returns<ActionOutcome>(),
  'payouts:reject': channel(
    z.object({ tid: Tid, reasonCode: z.string().min(1).max(40), note: z.string().max(500).optional() }).strict(),
  ).returns<ActionOutcome>(),
  'payouts:split': channel(
    // secondApprover: a split of a request above the four-eyes threshold pays it out too, so it needs the same confirmation.
    z
      .object({
        tid: Tid,
        parts: z
          .array(z.object({ amountMinor: z.number().int().positive(), gateway: Gateway }).strict())
          .min(1)
          .max(20)
          // Past 2^53 the sum is no longer exact, so it could not be checked against what remains of the request.
          .refine((parts) => Number.isSafeInteger(parts.reduce((sum, p) => sum + p.amountMinor, 0)), {
            message: `The parts add up to more than ${Number.MAX_SAFE_INTEGER} minor units, far more than any request; enter parts that add up to at most what remains of the request`,
          }),
        secondApprover: SecondApprover.optional(),
      })
      .strict(),
  ).returns<ActionOutcome[]>(),
  'payouts:bulk': channel(
    z
      .object({
        action: z.enum(['approve', 'reject']),
        tids: z.array(Tid).min(1).max(5_000),
        reasonCode: z.string().min(1).max(40).optional(),
        note: z.string().max(500).optional(),
        secondApprover: SecondApprover.optional(),
      })
      .strict()
      .refine((b) => b.action !== 'reject' || !!b.reasonCode, {
        message: 'A bulk reject needs a reason',
        path: ['reasonCode'],
      }),
  ).returns<BulkOutcome>(),
  'payouts:reconcile': channel(z.object({ tid: Tid }).strict()).returns<ActionOutcome>(),

  'payout-settings:get': channel(z.object({}).strict()).returns<PayoutSettings>(),
  // secondManager: lowering or removing a four-eyes threshold needs a second manager's PIN.
  'payout-settings:save': channel(
    lateAfterWarn(PayoutSettingsFields.extend({ secondManager: SecondManager.optional() }).strict()),
  ).returns<PayoutSettings>(),
  'views:list': channel(z.object({}).strict()).returns<SavedView[]>(),
  'views:save': channel(
    z
      .object({
        id: z.string().min(1).max(64).optional(),
        name: z.string().trim().min(1, 'Name the view').max(60),
        state: boundedJsonObject(8 * 1024),
      })
      .strict(),
  ).returns<SavedView>(),
  'views:remove': channel(z.object({ id: z.string().min(1).max(64) }).strict()).returns<SavedView[]>(),
} as const;
