import type { AccessState } from '../../src/shared/access';
import type { Profile } from '../../src/shared/domain';

/** Who the palette tests sign in: a manager (every role) and a back-office operator. */
export const manager: AccessState = {
  mode: 'signed-in',
  operator: 'Mia',
  role: 'manager',
  roles: ['agent', 'backoffice', 'manager'],
  idleLockMinutes: 10,
};
export const backoffice: AccessState = { ...manager, operator: 'Bo', role: 'backoffice', roles: ['backoffice'] };

/** The sandbox (active in the tests) and a live profile to switch to. */
export const profiles: Profile[] = [
  { id: 'a', name: 'Embedded sandbox', environment: 'embedded-sandbox', merchantId: 'M', applicationKey: 'K' },
  { id: 'b', name: 'Live EUR', environment: 'praxis-live', merchantId: 'M', applicationKey: 'K' },
];
