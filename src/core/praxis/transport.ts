/**
 * The one axios instance per client and the ONE error mapper: sign with a fresh timestamp, send, verify the
 * answer's Gt-Authentication, parse it with zod, and turn every failure into a PraxisError.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import type { Logger } from '../log';
import { checkPraxisBaseUrl } from './base-url';
import { clockWatch } from './clock-watch';
import { PraxisError, type PraxisErrorCode } from './praxis-error';
import { classifyRejection, expiredAgeSeconds } from './protocol-texts';
import type { MethodSignatures } from './signature-fields';
import { signBody, verifyWrittenBody } from './signing';
import { AnyResponseSchema } from './schemas';

export const API_VERSION = '1.3';
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface TransportOptions {
  baseUrl: string;
  merchantId: string;
  applicationKey: string;
  secret: string | (() => Promise<string>);
  timeoutMs?: number;
  logger?: Logger;
  /** Milliseconds since the epoch; injectable so tests can run a skewed clock. */
  now?: () => number;
}

export interface CallSpec<T> {
  /** Name used in errors and logs, e.g. "manage-transaction". */
  method: string;
  path: string;
  signatures: MethodSignatures;
  /** Method fields (snake_case, as on the wire); undefined values are left out of the body. */
  fields: Record<string, unknown>;
  schema: z.ZodType<T>;
  movesMoney: boolean;
}

export interface PraxisTransport {
  readonly baseUrl: string;
  call<T>(spec: CallSpec<T>): Promise<T>;
}

const fail = (
  code: PraxisErrorCode,
  message: string,
  spec: CallSpec<unknown>,
  facts: Partial<ConstructorParameters<typeof PraxisError>[2]> = {},
) => new PraxisError(code, message, { method: spec.method, movesMoney: spec.movesMoney, ...facts });

const lookUpFirst = (spec: CallSpec<unknown>) =>
  spec.movesMoney ? ' The action may have been carried out: look the item up before trying again.' : '';

export function createPraxisTransport(opts: TransportOptions): PraxisTransport {
  const baseUrl = checkPraxisBaseUrl(opts.baseUrl);
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const http: AxiosInstance = axios.create({
    baseURL: baseUrl,
    timeout: timeoutMs,
    maxRedirects: 0,
    proxy: false,
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    transitional: { clarifyTimeoutError: true },
  });

  const resolveSecret = async (): Promise<string> => {
    const secret = typeof opts.secret === 'function' ? await opts.secret() : opts.secret;
    if (!secret)
      throw new PraxisError('AUTH', 'No merchant secret is set for this profile: enter it in Settings → Credentials.', {
        method: 'configure',
        movesMoney: false,
      });
    opts.logger?.registerSecret(secret);
    return secret;
  };

  async function call<T>(spec: CallSpec<T>): Promise<T> {
    // Praxis would refuse it for the time: money never goes out blind. Lookups still go and measure the clock again.
    const clock = clockWatch.offBy(now, baseUrl);
    if (clock && spec.movesMoney) throw clockStillOff(spec, clock.skewSeconds);
    const secret = await resolveSecret();
    const body: Record<string, unknown> = { merchant_id: opts.merchantId, application_key: opts.applicationKey };
    for (const [k, v] of Object.entries(spec.fields)) if (v !== undefined) body[k] = v;
    body.version = API_VERSION;
    // Taken right before sending: Praxis refuses timestamps older than 60 s.
    const sentAt = Math.floor(now() / 1000);
    body.timestamp = sentAt;
    const started = Date.now();
    let res: AxiosResponse<string>;
    try {
      res = await http.post<string>(spec.path, JSON.stringify(body), {
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Gt-Authentication': signBody(body, spec.signatures.request.fields, secret),
        },
      });
    } catch (e) {
      throw logged(mapTransportFailure(e, spec, timeoutMs, baseUrl), Date.now() - started);
    }
    const ms = Date.now() - started;
    try {
      const data = readAnswer(res, spec, secret, sentAt);
      clockWatch.answered(now, baseUrl);
      opts.logger?.info('praxis call', { method: spec.method, path: spec.path, httpStatus: res.status, ms });
      return data;
    } catch (e) {
      const err = e as PraxisError;
      if (err.code === 'CLOCK_SKEW') clockWatch.refused(now, baseUrl, err.skewSeconds);
      throw logged(err, ms, res.status);
    }
  }

  const logged = (err: PraxisError, ms: number, httpStatus?: number): PraxisError => {
    opts.logger?.warn('praxis call failed', {
      method: err.method,
      code: err.code,
      httpStatus,
      praxisStatus: err.praxisStatus,
      outcomeUnknown: err.outcomeUnknown,
      ms,
    });
    return err;
  };

  return { baseUrl, call };
}

/** "Your clock is off by 90 s" — what the operator is told first whenever the clock is the problem. */
const yourClock = (skewSeconds: number | undefined | null) =>
  skewSeconds === undefined || skewSeconds === null
    ? 'Your clock is off (Praxis did not say by how much)'
    : `Your clock is off by ${Math.abs(skewSeconds)} s`;

function clockStillOff(spec: CallSpec<unknown>, skewSeconds: number | null): PraxisError {
  const side = skewSeconds === null ? '' : ` (${skewSeconds < 0 ? 'behind' : 'ahead of'} Praxis)`;
  return fail(
    'CLOCK_SKEW',
    `${yourClock(skewSeconds)}${side}, and Praxis refuses requests with a wrong time, so ${spec.method} was not sent. Turn on automatic time setting, then Test connection (or look the item up): once Praxis answers normally again, the desk sends.`,
    spec,
    { skewSeconds: skewSeconds ?? undefined },
  );
}

function mapTransportFailure(e: unknown, spec: CallSpec<unknown>, timeoutMs: number, baseUrl: string): PraxisError {
  const code = axios.isAxiosError(e) ? e.code : undefined;
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') {
    return fail(
      'TIMEOUT',
      `Praxis did not answer ${spec.method} within ${Math.round(timeoutMs / 100) / 10} s.${lookUpFirst(spec)}`,
      spec,
    );
  }
  const why =
    code === 'ECONNREFUSED'
      ? 'the connection was refused'
      : code === 'ECONNRESET'
        ? 'the connection was cut'
        : code === 'ENOTFOUND'
          ? 'the host name was not found'
          : `the connection failed (${code ?? 'unknown reason'})`;
  return fail('NETWORK', `Could not complete ${spec.method} with ${baseUrl}: ${why}.${lookUpFirst(spec)}`, spec);
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readAnswer<T>(res: AxiosResponse<string>, spec: CallSpec<T>, secret: string, sentAt: number): T {
  const httpStatus = res.status;
  if (httpStatus >= 300 && httpStatus < 400) {
    throw fail(
      'NETWORK',
      `Praxis answered ${spec.method} with a redirect (HTTP ${httpStatus}), which the desk never follows.${lookUpFirst(spec)}`,
      spec,
      { httpStatus },
    );
  }
  const json = parseJson(res.data);
  const envelope = AnyResponseSchema.safeParse(json);
  if (!envelope.success) {
    if (httpStatus >= 500)
      throw fail(
        'NETWORK',
        `Praxis had a server error (HTTP ${httpStatus}) on ${spec.method}.${lookUpFirst(spec)}`,
        spec,
        { httpStatus },
      );
    if (classifyRejection(undefined, httpStatus) === 'AUTH') {
      throw fail(
        'AUTH',
        `Praxis refused access to ${spec.method} (HTTP ${httpStatus}): check the profile's credentials and that this computer's IP address is allowed by Praxis.`,
        spec,
        { httpStatus },
      );
    }
    throw fail(
      'UNVERIFIED_RESPONSE',
      `Praxis's answer to ${spec.method} (HTTP ${httpStatus}) was not the JSON the API documents.${lookUpFirst(spec)}`,
      spec,
      { httpStatus },
    );
  }
  const { status, description } = envelope.data;
  const header = res.headers['gt-authentication'] as string | undefined;
  // Over the answer as Praxis wrote it: JSON.parse would re-print a signed 1.000000 as "1".
  const verified =
    typeof res.data === 'string' && verifyWrittenBody(res.data, spec.signatures.response.fields, secret, header);

  if (status !== 0 || httpStatus >= 400) {
    if (httpStatus >= 500)
      throw fail(
        'NETWORK',
        `Praxis had a server error (HTTP ${httpStatus}) on ${spec.method}: ${description ?? 'no description'}.${lookUpFirst(spec)}`,
        spec,
        { httpStatus, praxisStatus: status, praxisDescription: description ?? undefined },
      );
    const facts = { httpStatus, praxisStatus: status, praxisDescription: description ?? undefined };
    const kind = classifyRejection(description ?? undefined, httpStatus);
    if (kind === 'CLOCK_SKEW') {
      // Praxis's own timestamp is the best measure; the "Ns old" text is the fallback.
      const serverTs = envelope.data.timestamp ?? undefined;
      const age = expiredAgeSeconds(description ?? undefined);
      const skewSeconds = serverTs !== undefined ? sentAt - serverTs : age !== undefined ? -age : undefined;
      const how =
        skewSeconds === undefined
          ? 'off'
          : skewSeconds < 0
            ? `about ${-skewSeconds} s behind`
            : `about ${skewSeconds} s ahead of`;
      throw fail(
        'CLOCK_SKEW',
        `${yourClock(skewSeconds)}: Praxis refused ${spec.method} because this computer's clock is ${how} Praxis's (Praxis said: "${description}"). Turn on automatic time setting and try again; nothing was processed.`,
        spec,
        { ...facts, skewSeconds },
      );
    }
    if (kind === 'AUTH') {
      throw fail(
        'AUTH',
        `Praxis refused the credentials for ${spec.method}: "${description}". Check the merchant id, application key and secret of this profile (and that this computer's IP is allowed).`,
        spec,
        facts,
      );
    }
    if (!verified && spec.movesMoney) {
      throw fail(
        'UNVERIFIED_RESPONSE',
        `Praxis's refusal of ${spec.method} ("${description}") carried no valid signature, so it cannot be trusted.${lookUpFirst(spec)}`,
        spec,
        facts,
      );
    }
    // A negative status is an internal Praxis error: processing may have started.
    throw fail(
      'PRAXIS_REJECTED',
      `Praxis refused ${spec.method} (status ${status}): ${description ?? 'no description'}`,
      spec,
      { ...facts, outcomeUnknown: status < 0 },
    );
  }

  if (!verified) {
    const list = spec.signatures.response;
    const why = !header ? 'carried no Gt-Authentication header' : 'carried a Gt-Authentication that does not match';
    const assumed = list.documented
      ? ''
      : ` The response signature list for ${spec.method} is only assumed (${list.fields.join(', ')}; api-reference §8): Praxis may sign other fields — correct it in src/core/praxis/signature-fields.ts once Praxis confirms.`;
    throw fail(
      'UNVERIFIED_RESPONSE',
      `Praxis's answer to ${spec.method} ${why}, so it is not treated as success.${assumed}${lookUpFirst(spec)}`,
      spec,
      { httpStatus, praxisStatus: status },
    );
  }
  const parsed = spec.schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw fail(
      'UNVERIFIED_RESPONSE',
      `Praxis's answer to ${spec.method} is signed but not in the documented shape (${where}).${lookUpFirst(spec)}`,
      spec,
      { httpStatus, praxisStatus: status },
    );
  }
  return parsed.data;
}
