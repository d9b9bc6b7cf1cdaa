import { DeskError } from '../../shared/errors';
import { PRAXIS_HOSTS, type Profile } from '../../shared/domain';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** https anywhere; plain http only on loopback (a local simulator or tunnel end). */
export function checkCustomBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DeskError('VALIDATION', `Custom URL "${raw}" is not a URL. Enter a full address such as https://gw.example.com.`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new DeskError(
      'VALIDATION',
      `Custom URL must use https:// (plain http:// is allowed only for 127.0.0.1 or localhost). Change "${raw}" to start with https://.`,
    );
  }
  if (url.username || url.password) {
    throw new DeskError('VALIDATION', 'Custom URL must not contain a user name or password. Remove the part before "@".');
  }
  if (url.search || url.hash) {
    throw new DeskError('VALIDATION', 'Custom URL must be a base address without "?" or "#". Remove the query or fragment.');
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Where a profile's Agent API calls go; null for the embedded sandbox when its simulator is not running. */
export function baseUrlOf(profile: Profile, simulatorUrl: string | null): string | null {
  switch (profile.environment) {
    case 'embedded-sandbox':
      return simulatorUrl;
    case 'praxis-sandbox':
    case 'praxis-live':
      return PRAXIS_HOSTS[profile.environment];
    case 'custom':
      return profile.customBaseUrl ?? null;
  }
}
