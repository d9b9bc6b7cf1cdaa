// zod's mini build: the page parses this on every open, before its first rows (the classic build is ~90 KB more).
import * as z from 'zod/mini';
import { ERROR_CODES } from '../errors';

/**
 * The browser host's WebSocket wire format, shared by the server (src/server) and the page's client
 * (src/renderer/src/api): a request per command, a reply with the same id, and pushed core events.
 */
export const WS_PATH = '/desk-ws';
/** The per-run token travels in the page URL's fragment (never sent to the server by the browser) and then as this query parameter. */
export const WS_TOKEN_PARAM = 'token';
/**
 * A browser cannot read why its socket's upgrade was refused: the page asks here (POST, same Origin, the token as a
 * Bearer header) and is answered what its upgrade would be, 204 or the refusal's status with its reason as text.
 */
export const WS_ADMISSION_PATH = '/desk-ws-admission';

export const WsRequest = z.strictObject({
  id: z.int().check(z.nonnegative()),
  channel: z.string().check(z.minLength(1), z.maxLength(64)),
  input: z.unknown(),
});
export type WsRequest = z.infer<typeof WsRequest>;

const WireErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});

const ResultSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: WireErrorSchema }),
]);

/** A reply to one request; `id` is null when the request was too malformed to carry one. */
export const WsReply = z.object({ id: z.nullable(z.int().check(z.nonnegative())), result: ResultSchema });
export type WsReply = z.infer<typeof WsReply>;

export const WsEvent = z.object({ event: z.string().check(z.startsWith('event:')), payload: z.unknown() });
export type WsEvent = z.infer<typeof WsEvent>;

export const WsServerMessage = z.union([WsReply, WsEvent]);
export type WsServerMessage = z.infer<typeof WsServerMessage>;
