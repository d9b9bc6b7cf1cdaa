import { PraxisError } from './praxis-error';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export const isLoopbackHost = (hostname: string): boolean => LOOPBACK_HOSTS.has(hostname.toLowerCase());

/**
 * Praxis is reached over https only; plain http is allowed to loopback so the embedded sandbox works.
 * Returns the URL without a trailing slash; throws VALIDATION with what to type instead.
 */
export function checkPraxisBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PraxisError(
      'VALIDATION',
      `The Praxis address "${raw}" is not a URL: use e.g. https://pci-gw-test.praxispay.com.`,
      {
        method: 'configure',
        movesMoney: false,
      },
    );
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new PraxisError(
      'VALIDATION',
      `The Praxis address must use https (plain http is allowed only for a sandbox on this computer, 127.0.0.1); got "${url.protocol}//${url.host}".`,
      { method: 'configure', movesMoney: false },
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new PraxisError(
      'VALIDATION',
      'The Praxis address must be a plain host URL without user, query or fragment.',
      {
        method: 'configure',
        movesMoney: false,
      },
    );
  }
  return url.toString().replace(/\/+$/, '');
}
