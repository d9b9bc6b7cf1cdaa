import type { z } from 'zod';

/** Declares one IPC channel: its zod input schema (type inferred) and, via `.returns<R>()`, its result type. */
export const channel = <S extends z.ZodType>(input: S) => ({
  returns: <R>() => ({ input, result: undefined as unknown as R }),
});
