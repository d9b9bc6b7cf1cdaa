import type { auditContract } from '../../../shared/ipc/audit-contract';
import { callerFor } from './call-channel';

/** Calls one audit channel; the core parses the input with the same zod schema. */
export const callAudit = callerFor<typeof auditContract>('audit log');
