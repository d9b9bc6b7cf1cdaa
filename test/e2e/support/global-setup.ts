import { ensureSecretService } from '../../support/secret-service';

/** A real Secret Service for the desk core's keytar store; workers inherit the bus address. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const session = await ensureSecretService();
  process.env.DBUS_SESSION_BUS_ADDRESS = session.address;
  return session.stop;
}
