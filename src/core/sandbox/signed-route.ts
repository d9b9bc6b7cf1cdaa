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

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function signedRoute(
  app: FastifyInstance,
  ctx: SignedRouteContext,
  path: string,
  signatures: MethodSignatures,
  action: (body: Record<string, unknown>) => Answer,
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
      return reply
        .code(503)
        .header('content-type', 'text/html')
        .send('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
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
    const answer: Record<string, unknown> = { ...action(gate.body), version: API_VERSION, timestamp: ctx.nowSeconds() };
    if (ctx.faults.take('timeoutAfterApply')) {
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
