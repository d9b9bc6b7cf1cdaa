import { z } from 'zod';
import type { AuditPage, AuditVerifyResult } from '../audit';
import { channel } from './channel';

export const MAX_AUDIT_PAGE = 5_000;

const Instant = z.iso.datetime({ offset: true, message: 'A date and time such as 2026-12-01T00:00:00Z' });

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
