import { currentActor } from '../access/actor';
import { DeskError } from '../../shared/errors';
import type { CredentialService } from '../credentials/credential-service';
import type { Logger } from '../log';
import { createPraxisClient, type PraxisClient } from '../praxis';
import type { PraxisSession } from '../queues/praxis-session';
import { baseUrlOf } from '../profiles/base-url';
import type { ProfileService } from '../profiles/profile-service';

/** Money-moving calls wait this long before the outcome counts as unknown and is looked up. */
const ACTION_TIMEOUT_MS = 20_000;

/**
 * One profile's Praxis client and operator, for the queue engines built on that profile's store: work in a store
 * is only ever sent with the credentials of the profile it belongs to, even while the desk switches profile.
 * One client per profile target; the secret is read from the keychain at each call, so a replaced secret applies
 * at once and is never cached here.
 */
export function createPraxisSessions(deps: {
  profiles: ProfileService;
  credentials: CredentialService;
  simulatorUrl: () => string | null;
  log: Logger;
}): (profileId: string) => Promise<PraxisSession> {
  const clients = new Map<string, PraxisClient>();
  return async (profileId) => {
    const profile = deps.profiles.get(profileId);
    const baseUrl = baseUrlOf(profile, deps.simulatorUrl());
    if (!baseUrl)
      throw new DeskError(
        'NETWORK',
        'The embedded sandbox is not running in this desk, so there is nothing to send to. Restart the desk or pick another profile.',
      );
    if (!(await deps.credentials.secretFor(profile))) {
      throw new DeskError(
        'NO_CREDENTIALS',
        `Profile "${profile.name}" has no merchant secret yet. Enter it in Settings › Credentials; nothing was sent.`,
      );
    }
    const key = [profile.id, baseUrl, profile.merchantId, profile.applicationKey].join('|');
    let client = clients.get(key);
    if (!client) {
      client = createPraxisClient({
        baseUrl,
        merchantId: profile.merchantId,
        applicationKey: profile.applicationKey,
        timeoutMs: ACTION_TIMEOUT_MS,
        logger: deps.log,
        secret: async () => (await deps.credentials.secretFor(profile)) ?? '',
      });
      clients.set(key, client);
    }
    return { client, profileId: profile.id, operator: currentActor().name, timeoutMs: ACTION_TIMEOUT_MS };
  };
}
