import { mkdir } from 'node:fs/promises';
import type { AppInfo, ConnectionState, ConnectionTestResult } from '../../shared/domain';
import { createShellHandlers } from '../commands/handlers';
import { createPayoutHandlers } from '../commands/payout-handlers';
import { createPayoutEngine } from '../payouts/payout-engine';
import { createActivePraxis } from './active-praxis';
import { createLookupHandler } from '../lookup/lookup-handler';
import type { CommandHandlers } from '../commands/dispatch';
import { testConnection, type GatewayOptionsProbe } from '../credentials/connection-test';
import { createCredentialService } from '../credentials/credential-service';
import { DeskError } from '../../shared/errors';
import { createIntake, NOTIFICATION_PATH } from '../intake/intake-server';
import type { IntakeMerchant } from '../intake/process-notification';
import { createPraxisClient } from '../praxis/client';
import { startSimulator } from '../sandbox/simulator';
import { defaultStoreLocation, openStore, type StoreLocation, type WorkStore } from '../store/work-store';
import { baseUrlOf } from '../profiles/base-url';
import { openProfileService } from '../profiles/profile-service';
import type { DeskCore, DeskCoreOptions } from './desk-core-types';
import { createEventBus } from './event-bus';
import { APP_VERSION } from './version';

export interface DeskCoreExtras {
  /** Replaces the real get-gateway-options call (the default uses the Praxis client). */
  probe?: GatewayOptionsProbe;
  /** Where the work store lives (default: PGlite in `<dataDir>/store`); false = no store and no intake. */
  store?: StoreLocation | false;
}

/**
 * Composes the desk's engine: profiles, credentials, the embedded sandbox, the work store and intake, and the
 * one command table both transports dispatch into. Nothing here knows about Electron.
 */
export async function createDeskCore(opts: DeskCoreOptions & DeskCoreExtras): Promise<DeskCore> {
  const { dataDir, host, secretStore, logger: log } = opts;
  await mkdir(dataDir, { recursive: true });
  const bus = createEventBus((name, err) => log.error('event listener failed', { event: name, error: String(err) }));
  const closers: Array<() => Promise<void>> = [];

  const profiles = await openProfileService(dataDir, log);
  const credentials = createCredentialService(secretStore, log);
  await credentials.registerExisting(profiles.state().profiles);

  let store: WorkStore | null = null;
  let intakeUrl: string | null = null;
  let simulatorUrl: string | null = null;
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) {
      try {
        await close();
      } catch (err) {
        log.error('shutdown step failed', { error: String(err) });
      }
    }
  };
  try {
    // ---- work store: PGlite in <dataDir>/store (one desk) or a PostgreSQL server (a team) ----
    const storeLocation = opts.store === undefined ? defaultStoreLocation(dataDir) : opts.store;
    if (storeLocation) {
      const opened = await openStore(storeLocation);
      store = opened;
      closers.push(() => opened.close());
      closers.push(await opened.onChange((change) => bus.emit('event:queue-changed', change)));
    }

    // ---- intake: receives Praxis notifications on loopback, verified with the active profile's secret ----
    if (store) {
      const merchant: IntakeMerchant = {
        get merchantId() {
          return profiles.active()?.merchantId ?? '';
        },
        get applicationKey() {
          return profiles.active()?.applicationKey ?? '';
        },
        secret: async () => {
          const active = profiles.active();
          const secret = active ? await credentials.secretFor(active) : null;
          if (!secret) throw new DeskError('NO_CREDENTIALS', 'The active profile has no merchant secret, so notifications cannot be verified.');
          return secret;
        },
      };
      const intake = createIntake({ store, merchant, logger: log });
      intakeUrl = (await intake.listen({ port: 0 })) + NOTIFICATION_PATH;
      closers.push(() => intake.close());
    }

    // ---- embedded sandbox: the simulator on a free loopback port, notifying our intake ----
    if (opts.embeddedSandbox !== false) {
      const simulator = await startSimulator({ port: 0, seed: true, notificationUrl: intakeUrl, logger: log });
      simulatorUrl = simulator.url;
      closers.push(() => simulator.stop());
      // Fill the queues from the sandbox's book; the intake drops what it already has.
      if (intakeUrl) void simulator.replayNotifications().catch((err: unknown) => log.warn('sandbox replay failed', { error: String(err) }));
    }
  } catch (err) {
    // A half-started desk must not keep ports or the store open.
    await closeAll();
    throw err;
  }

  // get-gateway-options moves no money and needs only valid credentials: a harmless "are we connected".
  const probe: GatewayOptionsProbe =
    opts.probe ??
    (async (target) => {
      await createPraxisClient({ ...target, timeoutMs: 10_000, logger: log }).getGatewayOptions();
    });

  let connection: ConnectionState = 'unknown';
  profiles.onChange((state) => bus.emit('event:profiles-changed', state));

  const info = async (): Promise<AppInfo> => {
    const active = profiles.active();
    const base: AppInfo = {
      version: APP_VERSION,
      host,
      environment: active?.environment ?? null,
      baseUrl: active ? baseUrlOf(active, simulatorUrl) : null,
      simulatorUrl,
      intakeUrl,
      keychainAvailable: secretStore.kind === 'keychain',
      connection,
    };
    return secretStore.unavailableReason ? { ...base, keychainMessage: secretStore.unavailableReason } : base;
  };

  const runConnectionTest = async (profileId: string): Promise<ConnectionTestResult> => {
    const profile = profiles.get(profileId);
    const baseUrl = baseUrlOf(profile, simulatorUrl);
    let result: ConnectionTestResult;
    const secret = await credentials.secretFor(profile);
    if (!baseUrl) {
      result = { ok: false, code: 'NETWORK', message: 'The embedded sandbox is not running in this desk, so there is nothing to connect to. Restart the desk or pick another profile.', latencyMs: 0, baseUrl: '' };
    } else if (!secret) {
      result = { ok: false, code: 'NO_CREDENTIALS', message: `Profile "${profile.name}" has no merchant secret yet. Enter it in Settings › Credentials, then test again.`, latencyMs: 0, baseUrl };
    } else {
      result = await testConnection(probe, { baseUrl, merchantId: profile.merchantId, applicationKey: profile.applicationKey, secret });
    }
    result = { ...result, message: log.redact(result.message) };
    log.info('connection tested', { profileId, ok: result.ok, code: result.code, latencyMs: result.latencyMs });
    if (profiles.state().activeProfileId === profileId) {
      connection = result.ok ? 'ok' : 'failing';
      bus.emit('event:connection-changed', { state: connection, message: result.message });
    }
    return result;
  };

  let testedProfileId = profiles.state().activeProfileId;
  profiles.onChange((state) => {
    // A newly activated profile has not been tested yet.
    if (state.activeProfileId !== testedProfileId) connection = 'unknown';
    testedProfileId = state.activeProfileId;
  });

  // ---- payout queue: engine over the store and the active profile's Praxis client; unresolved actions are looked up at start ----
  const activePraxis = createActivePraxis({ profiles, credentials, simulatorUrl: () => simulatorUrl, log });
  const payouts = store ? createPayoutEngine({ store, log, praxis: activePraxis, onBulkProgress: (p) => bus.emit('event:bulk-progress', p) }) : null;
  if (payouts) void payouts.recoverUnresolved().catch((err: unknown) => log.warn('payout reconciliation at start failed', { error: String(err) }));

  const handlers: CommandHandlers = {
    ...createShellHandlers({ profiles, credentials, info, testConnection: runConnectionTest }),
    ...createPayoutHandlers(payouts && store ? { engine: payouts, store } : null),
    // Lookup by id: find-transaction / find-order through the active profile; found items join their queues.
    'lookup:run': createLookupHandler({
      client: async () => (await activePraxis()).client,
      store: () => {
        if (!store) throw new DeskError('STORE', 'This desk runs without a work store, so looked-up items have nowhere to go. Start it with a store (the default).');
        return store;
      },
      emitProgress: (p) => bus.emit('event:lookup-progress', p),
    }),
  };

  let closed = false;
  return {
    handlers,
    events: { on: bus.on },
    info,
    async close() {
      if (closed) return;
      closed = true;
      await closeAll();
    },
  };
}
