import { SANDBOX_SAMPLE, type Profile } from '../../shared/domain';

export const EMBEDDED_SANDBOX_PROFILE_ID = 'embedded-sandbox';

/** The profile a new desk starts on: the embedded simulator with the docs' public sample credentials. */
export const embeddedSandboxProfile = (): Profile => ({
  id: EMBEDDED_SANDBOX_PROFILE_ID,
  name: 'Embedded sandbox',
  environment: 'embedded-sandbox',
  merchantId: SANDBOX_SAMPLE.merchantId,
  applicationKey: SANDBOX_SAMPLE.applicationKey,
});
