import { z } from 'zod';
import { MAX_LOOKUP_IDS, type LookupResult, type PraxisObjects } from '../lookup';
import { channel } from './channel';

/** Lookup by id (issue 4). Spread into `contract` once the command handler is wired in the desk core. */
export const lookupContract = {
  'lookup:run': channel(
    z
      .object({
        ids: z
          .array(z.string().max(200, 'An id is at most 50 characters (order_id) or an 11-digit tid'))
          .min(1, 'Paste at least one tid or order_id')
          .max(MAX_LOOKUP_IDS, `At most ${MAX_LOOKUP_IDS} ids per lookup; split the list`),
      })
      .strict(),
  ).returns<LookupResult[]>(),
  /** One stored item's Praxis objects, read when the operator opens them (not sent with every result). */
  'lookup:praxis-objects': channel(
    z.object({ tid: z.number().int().positive('A tid is a positive whole number') }).strict(),
  ).returns<PraxisObjects>(),
} as const;
