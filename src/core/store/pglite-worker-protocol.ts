/** The messages between the desk's command thread and the worker thread that owns PGlite (pglite-worker.ts). */
import { DeskError, isDeskError, isErrorCode, type WireError } from '../../shared/errors';

/** What the worker reports about its own memory: its V8 heap and PGlite's WebAssembly heap (RSS is per process). */
export interface StoreThreadMemory {
  heapUsedBytes: number;
  /** The worker's V8 heap as committed (what it adds to RSS), used or not. */
  heapTotalBytes: number;
  externalBytes: number;
  /** One store's WebAssembly heap; asked without a store, all open stores' together (null when none is open). */
  wasmBytes: number | null;
}

/** Every request but `open` names the store (one worker hosts every PGlite of the process). */
export type WorkerRequest =
  | { op: 'open'; dataDir?: string }
  | { op: 'query'; sql: string; params?: unknown[]; tx?: number }
  | { op: 'exec'; sql: string; tx?: number }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'procedure'; name: string; args: unknown[] }
  | { op: 'listen'; channel: string }
  | { op: 'unlisten'; channel: string }
  | { op: 'memory' }
  | { op: 'close' };

/**
 * What each request answers: the store's number for open, a transaction's for begin, rows for query, the thread's
 * memory, a procedure's own answer (any structured-clonable value: hence unknown), nothing else.
 */
export type WorkerAnswer = unknown;

export type WorkerMessage =
  | { id: number; ok: true; answer: WorkerAnswer }
  | { id: number; ok: false; error: SerializedError }
  | { db: number; notify: string; payload: string };

/**
 * An error's message, name and PostgreSQL fields (code, detail, constraint …), and a desk error's details (a store
 * procedure's refusal): structured clone keeps only the message.
 */
export type SerializedError = {
  message: string;
  name: string;
  stack?: string;
  details?: WireError['details'];
} & Record<string, string | number | WireError['details']>;

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { message: String(err), name: 'Error' };
  const out: SerializedError = { message: err.message, name: err.name, stack: err.stack };
  for (const [key, value] of Object.entries(err)) {
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (isDeskError(err) && err.details) out.details = { ...err.details };
  return out;
}

/**
 * The error as thrown on the command thread: same message and fields, this thread's stack under the worker's; a desk
 * error (CONFLICT from a journal claim, say) stays one, with its code and details.
 */
export function deserializeError(e: SerializedError): Error {
  const err =
    e.name === 'DeskError' && isErrorCode(e.code) ? new DeskError(e.code, e.message, e.details) : new Error(e.message);
  Object.assign(err, e);
  err.name = e.name;
  err.stack = `${e.name}: ${e.message}\n${new Error().stack?.split('\n').slice(1).join('\n') ?? ''}\n    (in the store worker) ${e.stack?.split('\n').slice(1).join('\n') ?? ''}`;
  return err;
}
