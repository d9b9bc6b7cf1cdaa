/** Keychain service name: packaged builds and development runs keep separate entries. */
export const keychainService = (packaged: boolean): string => (packaged ? 'praxis-desk' : 'praxis-desk-dev');

/** Keychain account holding a profile's merchant secret. */
export const merchantSecretAccount = (profileId: string): string => `${profileId}/merchant-secret`;

/** Keychain account holding the person's password for a profile's shared PostgreSQL store. */
export const storePasswordAccount = (profileId: string): string => `${profileId}/store-password`;
