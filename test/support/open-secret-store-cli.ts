// Opens the keytar SecretStore in a fresh process (libsecret keeps its D-Bus connection per process) and
// prints what the desk would report, so a test can run it against an unreachable bus.
import { openKeytarSecretStore } from '../../src/core/credentials/keytar-secret-store';
import { createMemoryLogger } from '../../src/core/log';

const log = createMemoryLogger();
openKeytarSecretStore({ service: 'praxis-desk-test-probe', log, probeTimeoutMs: 2000 }).then(
  async (store) => {
    await store.set('p1/merchant-secret', 'kept-in-memory-only');
    const roundTrip = await store.get('p1/merchant-secret');
    process.stdout.write(
      JSON.stringify({ kind: store.kind, reason: store.unavailableReason ?? null, roundTrip, log: log.lines }),
    );
  },
  (err: unknown) => {
    process.stdout.write(JSON.stringify({ error: String(err) }));
    process.exitCode = 1;
  },
);
