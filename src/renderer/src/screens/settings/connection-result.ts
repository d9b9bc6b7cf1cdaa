import type { ConnectionTestResult } from '../../../../shared/domain';

/** A short headline per outcome; the core's message below it says what to do. */
export function connectionHeadline(r: ConnectionTestResult): string {
  switch (r.code) {
    case 'OK':
      return `Connection OK — ${r.latencyMs} ms`;
    case 'AUTH':
      if (/IP address/i.test(r.message)) return 'IP not allowed';
      if (/Agent API is disabled/i.test(r.message)) return 'Agent API disabled';
      return 'Wrong credentials';
    case 'CLOCK_SKEW':
      return r.skewSeconds === undefined ? 'Clock off' : `Clock off by ${Math.abs(r.skewSeconds)} s`;
    case 'TIMEOUT':
    case 'NETWORK':
      return 'Network: Praxis not reached';
    case 'UNVERIFIED_RESPONSE':
      return 'Answer not verified';
    case 'NO_CREDENTIALS':
      return 'No merchant secret';
    default:
      return r.code;
  }
}
