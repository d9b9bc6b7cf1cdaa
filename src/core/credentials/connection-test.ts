import { ERROR_CODES, type ErrorCode } from '../../shared/errors';
import type { ConnectionTestResult } from '../../shared/domain';

/** What a harmless Agent API call needs: where, and who is signing. */
export interface PraxisTarget {
  baseUrl: string;
  merchantId: string;
  applicationKey: string;
  secret: string;
}

/** Calls get-gateway-options (moves no money); resolves when Praxis answered status 0 with a verified signature. */
export type GatewayOptionsProbe = (target: PraxisTarget) => Promise<void>;

interface Classified {
  code: ConnectionTestResult['code'];
  message: string;
  skewSeconds?: number;
}

const isErrorCode = (c: unknown): c is ErrorCode =>
  typeof c === 'string' && (ERROR_CODES as readonly string[]).includes(c);

/** "Timestamp expired: 75s old" means our clock is 75 s behind Praxis. */
const skewFromText = (text: string): number | undefined => {
  const old = /expired:\s*(\d+)\s*s/i.exec(text);
  return old ? -Number(old[1]) : undefined;
};

/** Turns whatever the Praxis client threw into the precise words the settings screen shows. */
export function classifyConnectionError(err: unknown, baseUrl: string): Classified {
  const e = (err ?? {}) as { code?: unknown; message?: unknown; details?: Record<string, unknown> };
  const text = typeof e.message === 'string' ? e.message : String(err);
  // Praxis's own words (the client keeps them in details) decide which auth problem it is.
  const said = typeof e.details?.praxisDescription === 'string' ? e.details.praxisDescription : text;
  const quoted = `(Praxis said: "${said}")`;
  const code: ErrorCode = isErrorCode(e.code) ? e.code : 'NETWORK';
  switch (code) {
    case 'AUTH':
      if (/invalid ip|not whitelisted/i.test(said) || e.details?.httpStatus === 403) {
        return {
          code,
          message: `Praxis refused this computer's IP address. Ask Praxis support to allow the IP this desk connects from. ${quoted}`,
        };
      }
      if (/agent api disabled/i.test(said))
        return {
          code,
          message: `The Agent API is disabled for this merchant. Ask Praxis support to enable it. ${quoted}`,
        };
      return {
        code,
        message: `Praxis rejected the credentials: check merchant_id, application_key and the merchant secret. ${quoted}`,
      };
    case 'CLOCK_SKEW': {
      const given = e.details?.skewSeconds;
      const skew = typeof given === 'number' ? given : skewFromText(text);
      const how = skew === undefined ? 'is off' : `is ${Math.abs(skew)} s ${skew < 0 ? 'behind' : 'ahead of'} Praxis`;
      const base: Classified = {
        code,
        message: `${skew === undefined ? 'Your clock is off' : `Your clock is off by ${Math.abs(skew)} s`}: this computer's clock ${how}; Praxis accepts at most 60 s. Turn on automatic time sync and test again.`,
      };
      return skew === undefined ? base : { ...base, skewSeconds: skew };
    }
    case 'TIMEOUT':
      return { code, message: `${baseUrl} did not answer in time. Check the network or proxy and test again.` };
    case 'NETWORK':
      return { code, message: `Could not reach ${baseUrl}. Check the address, the network or the proxy. (${text})` };
    case 'UNVERIFIED_RESPONSE':
      return {
        code,
        message: `${baseUrl} answered, but its Gt-Authentication signature did not verify, so the answer is not trusted. Check the merchant secret; if it is right, the address may not be Praxis. (${text})`,
      };
    case 'PRAXIS_REJECTED':
      return { code, message: `Praxis answered but refused the call: ${text}` };
    default:
      return { code, message: text };
  }
}

/** Runs the probe and reports ok, or exactly what is wrong, with how long it took. */
export async function testConnection(
  probe: GatewayOptionsProbe,
  target: PraxisTarget,
  now: () => number = Date.now,
): Promise<ConnectionTestResult> {
  const started = now();
  try {
    await probe(target);
    return {
      ok: true,
      code: 'OK',
      message: `Connected to ${target.baseUrl} as ${target.merchantId}.`,
      latencyMs: now() - started,
      baseUrl: target.baseUrl,
    };
  } catch (err) {
    return {
      ok: false,
      ...classifyConnectionError(err, target.baseUrl),
      latencyMs: now() - started,
      baseUrl: target.baseUrl,
    };
  }
}
