/**
 * One wrapper for every signed endpoint: faults before the action (latency, 5xx), the gate, the action,
 * faults after it (timeout-after-apply, wrong signature), then the signed answer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../log';
import type { MethodSignatures } from '../praxis/signature-fields';
import { signBody } from '../praxis/signing';
import { API_VERSION } from '../praxis/transport';
import type { CallGauge, FaultSwitches } from './faults';
import { checkSignedRequest, sendGateRejection, type GateCredentials } from './gate';

export interface SignedRouteContext {
  credentials: GateCredentials;
  faults: FaultSwitches;
  calls: CallGauge;
  nowSeconds: () => number;
  hangMs: number;
  /** Registers a hang so stop() can end it. */
  holdOpen(ms: number): Promise<void>;
  logger?: Logger;
}

/** What an action answers: `status` 0 for success, or Praxis's status and description. */
export type Answer = { status: number; description: string } & Record<string, unknown>;

const UNAVAILABLE_PAGE = '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>';
/** Praxis's documented generic text (api-reference §6, code 999): what an injected refusal says unless told otherwise. */
const GENERIC_ERROR = 'Generic Error.';
/** The calls a tid fault applies to: those that change an item (a lookup of it stays truthful). */
const MONEY_MOVING_PATH = /^\/agent\/(manage-|split-)/;
const tidNamed = (body: Record<string, unknown>) => Number(body.tid ?? body.withdrawal_request_id ?? -1);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function signedRoute(
  app: FastifyInstance,
  ctx: SignedRouteContext,
  path: string,
  signatures: MethodSignatures,
  action: (body: Record<string, unknown>) => Answer | Promise<Answer>,
): void {
  app.post(path, async (request, reply) => {
    const leave = ctx.calls.enter(path);
    try {
      return await answer(request, reply);
    } finally {
      leave();
    }
  });

  async function answer(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    if (ctx.faults.latencyMs > 0) await sleep(ctx.faults.latencyMs);
    if (ctx.faults.take('http5xx')) {
      return reply.code(503).header('content-type', 'text/html').send(UNAVAILABLE_PAGE);
    }
    const header = request.headers['gt-authentication'];
    const gate = checkSignedRequest(
      request.body,
      typeof header === 'string' ? header : undefined,
      signatures.request.fields,
      ctx.credentials,
      ctx.nowSeconds(),
    );
    if (!gate.ok) {
      ctx.logger?.info('sim: request refused at the gate', { path, code: gate.code, description: gate.description });
      return sendGateRejection(reply, gate.code, gate.description, ctx.nowSeconds());
    }
    const tidFault = MONEY_MOVING_PATH.test(path) ? ctx.faults.takeTidFault(tidNamed(gate.body)) : null;
    if (tidFault?.fault === 'http5xx') {
      ctx.logger?.info('sim: 503 for a tid fault', { path });
      return reply.code(503).header('content-type', 'text/html').send(UNAVAILABLE_PAGE);
    }
    const acted =
      tidFault?.fault === 'refuse'
        ? { status: 400, description: tidFault.description ?? GENERIC_ERROR }
        : await action(gate.body);
    const answer: Record<string, unknown> = { ...acted, version: API_VERSION, timestamp: ctx.nowSeconds() };
    if (ctx.faults.take('timeoutAfterApply') || tidFault?.fault === 'timeoutAfterApply') {
      // The dangerous case: the action above WAS applied, but the caller never hears about it.
      const mode = ctx.faults.timeoutMode;
      ctx.logger?.info('sim: answer withheld after applying', { path, mode });
      reply.hijack();
      if (mode === 'hang') await ctx.holdOpen(ctx.hangMs);
      request.raw.socket.destroy();
      return reply;
    }
    const secret = ctx.faults.take('wrongSignature') ? `${ctx.credentials.secret}-but-wrong` : ctx.credentials.secret;
    return reply
      .code(200)
      .header('content-type', 'application/json; charset=utf-8')
      .header('gt-authentication', signBody(answer, signatures.response.fields, secret))
      .send(answer);
  }
}
