import { z } from 'zod';

/** One line of a settings reason list (reject, void), as a manager saves it. */
export const ReasonOptionInput = z
  .object({
    code: z.string().min(1).max(40),
    label: z.string().min(1).max(120),
    needsNote: z.boolean().optional(),
  })
  .strict();
