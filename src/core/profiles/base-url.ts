import { checkPraxisBaseUrl } from '../praxis/base-url';
import { PRAXIS_HOSTS, type Profile } from '../../shared/domain';

/** https anywhere; plain http only on loopback (the simulator or a local tunnel end). Same rule as the Praxis client. */
export const checkCustomBaseUrl = (raw: string): string => checkPraxisBaseUrl(raw);

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
