import type { z } from 'zod';
// Every contract file declares its channels here, so the plain validation wording is set wherever schemas are.
import './plain-messages';

/** Declares one IPC channel: its zod input schema (type inferred) and, via `.returns<R>()`, its result type. */
export const channel = <S extends z.ZodType>(input: S) => ({
  returns: <R>() => ({ input, result: undefined as unknown as R }),
});
