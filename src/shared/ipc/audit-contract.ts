import { z } from 'zod';
import type { AuditPage, AuditVerifyResult } from '../audit';
import { channel } from './channel';

export const MAX_AUDIT_PAGE = 5_000;

// The widest UTC offsets in use; PostgreSQL refuses some wider ones (±16:00) that the ISO pattern allows.
const MAX_OFFSET_MINUTES = 14 * 60;
const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00Z');
const offsetMinutes = (s: string) => {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(s);
  return m ? Number(m[2]) * 60 + Number(m[3]) : 0;
};

/** An instant the store can compare with: an ISO date and time with an offset of at most ±14:00, from year 1. */
const Instant = z.iso
  .datetime({ offset: true, message: 'A date and time such as 2026-12-01T00:00:00Z' })
  .refine((s) => offsetMinutes(s) <= MAX_OFFSET_MINUTES, {
    message: 'The UTC offset must be between -14:00 and +14:00, as in 2026-12-01T00:00:00+02:00',
  })
  // PostgreSQL has no year 0, and a BC instant (year 1 pushed back by its offset) is one the desk cannot read back;
  // what is no date at all (NaN) is left to the format check above.
  .refine((s) => !(Date.parse(s) < FIRST_INSTANT), {
    message: 'The year must be 0001 or later, as in 2026-12-01T00:00:00Z',
  });

/** The Audit screen's filter: each field optional; from is inclusive, to exclusive. */
export const AuditFilterInput = z
  .object({
    operator: z.string().trim().min(1).max(32).optional(),
    action: z.string().trim().min(1).max(64).optional(),
    itemId: z.string().trim().min(1).max(64).optional(),
    from: Instant.optional(),
    to: Instant.optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to), {
    message: 'The "from" date must be before the "to" date',
    path: ['to'],
  });

export const auditContract = {
  // Newest first; `beforeSeq` pages towards older rows (keyset by seq), so a screen can scroll through 100,000.
  'audit:list': channel(
    z
      .object({
        filter: AuditFilterInput,
        beforeSeq: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(MAX_AUDIT_PAGE).optional(),
      })
      .strict(),
  ).returns<AuditPage>(),
  // Every row matching the filter as CSV text, cells that a spreadsheet would run as a formula neutralized.
  'audit:export': channel(z.object({ filter: AuditFilterInput }).strict()).returns<{ csv: string; rows: number }>(),
  'audit:verify': channel(z.object({}).strict()).returns<AuditVerifyResult>(),
} as const;
