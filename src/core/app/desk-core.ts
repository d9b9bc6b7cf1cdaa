import type { AppInfo, ConnectionState, ConnectionTestResult, Profile } from '../../shared/domain';
import { createShellHandlers } from '../commands/handlers';
import { createAuditHandlers } from '../commands/audit-handlers';
import { createCaptureHandlers } from '../commands/capture-handlers';
import { createPayoutHandlers } from '../commands/payout-handlers';
import { createAccessHandlers, type WithAccessStore } from '../commands/access-handlers';
import { guardHandlers } from '../access/access-guard';
import { createRefusalAudit } from '../access/refusal-audit';
import { createBoundedAudit } from '../access/bounded-audit';
import type { AuditInput } from '../audit/audit-log';
import { auditShellChanges } from '../access/audit-shell-changes';
import { createSignInSessions } from '../access/sign-in-sessions';
import { pinResetReason, profileSwitchedReason } from '../access/signed-out-reasons';
import { operatorKey } from '../operators/operator-registry';
import { currentActor } from '../access/actor';
import { createPraxisSessions } from './praxis-sessions';
import { createWorkspaceSwitcher, type ProfileWorkspace } from './profile-workspace';
import { createManagerCarrier } from './manager-carrier';
import { createLookupHandler } from '../lookup/lookup-handler';
import { readPraxisObjects } from '../lookup/praxis-objects';
import { createSlots } from '../bounded';
import type { CommandHandlers } from '../commands/dispatch';
import { testConnection, type GatewayOptionsProbe } from '../credentials/connection-test';
import { createCredentialService } from '../credentials/credential-service';
import { DeskError, isDeskError } from '../../shared/errors';
import { createIntake, CUSTOMER_SYNC_PATH, NOTIFICATION_PATH, VALIDATION_PATH } from '../intake/intake-server';
import { createTerminalHandlers } from '../commands/terminal-handlers';
import type { IntakeMerchant } from '../intake/process-notification';
import { profileStoreLocation, teamStoreLocation } from '../store/profile-store-location';
import { createPraxisClient } from '../praxis/client';
import { startSimulator } from '../sandbox/simulator';
import { describeStoreLocation, type StoreLocation } from '../store/work-store';
import { baseUrlOf } from '../profiles/base-url';
import { clockWatch } from '../praxis/clock-watch';
import { clockOffText } from '../../shared/clock-off';
import { openProfileService } from '../profiles/profile-service';
import type { DeskCore, DeskCoreOptions } from './desk-core-types';
import { lockDataFolder } from './data-folder-lock';
import { privateFolder } from '../private-folder';
import { createEventBus } from './event-bus';
import { APP_VERSION } from './version';

/** Lookup queries at Praxis at once, whatever the number of windows looking up: one lookup's own concurrency. */
const LOOKUP_QUERIES_AT_ONCE = 4;

export interface DeskCoreExtras {
  /** Replaces the real get-gateway-options call (the default uses the Praxis client). */
  probe?: GatewayOptionsProbe;
  /** Where each profile's work store lives (default: `profileStoreLocation`); false = no store and no intake. */
  store?: ((profileId: string) => StoreLocation) | false;
}

/**
 * Composes the desk's engine: profiles, credentials, the embedded sandbox, the work store and intake, and the
 * one command table both transports dispatch into. Nothing here knows about Electron.
 */
export async function createDeskCore(opts: DeskCoreOptions & DeskCoreExtras): Promise<DeskCore> {
  const { dataDir, host, secretStore, logger: log } = opts;
  await privateFolder(dataDir);
  const folderLock = await lockDataFolder(dataDir, host, log);
  const bus = createEventBus((name, err) => log.error('event listener failed', { event: name, error: String(err) }));
  // Closers run last-first: the folder is let go only after everything in it has closed.
  const closers: Array<() => Promise<void>> = [() => folderLock.release()];

  let profiles: Awaited<ReturnType<typeof openProfileService>>;
  let credentials: ReturnType<typeof createCredentialService>;
  try {
    profiles = await openProfileService(dataDir, log);
    credentials = createCredentialService(secretStore, log);
    await credentials.registerExisting(profiles.state().profiles);
  } catch (err) {
    await folderLock.release();
    throw err;
  }

  let intakeUrl: string | null = null;
  /** The intake's own notification URL in the sandbox; a profile's public one elsewhere. Validation lives beside it. */
  const intakeUrlsFor = (profile: Profile) => {
    const notification = profile.environment === 'embedded-sandbox' ? intakeUrl : (profile.notificationUrl ?? null);
    if (!notification) return { notification: null, validation: null };
    return { notification, validation: new URL(VALIDATION_PATH, notification).toString() };
  };
  let simulator: Awaited<ReturnType<typeof startSimulator>> | null = null;
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) {
      try {
        await close();
      } catch (err) {
        log.error('shutdown step failed', { error: String(err) });
      }
    }
  };
  const simulatorUrl = () => simulator?.url ?? opts.sharedSandboxUrl ?? null;
  const praxisFor = createPraxisSessions({ profiles, credentials, simulatorUrl, log });

  // ---- work store: one per profile (work, journal, audit and settings belong to one merchant in one environment) ----
  const ownOrTeamStore = async (profileId: string): Promise<StoreLocation> => {
    // A removed profile (its log line) is looked up without throwing: its own folder is what stays behind.
    const profile = profiles.state().profiles.find((p) => p.id === profileId);
    if (!profile?.storeUrl) return profileStoreLocation(dataDir, profileId);
    return teamStoreLocation(profile, await credentials.storePasswordFor(profile));
  };
  const locationFor = opts.store === false ? null : (opts.store ?? ownOrTeamStore);
  const carrier = createManagerCarrier(() => workspaces);
  const workspaces = locationFor
    ? createWorkspaceSwitcher({
        locationFor,
        praxisFor,
        log,
        onQueueChange: (change) => bus.emit('event:queue-changed', change),
        onBulkProgress: (p, to) => bus.emit('event:bulk-progress', p, to),
        onHoldsExpiring: (e) => bus.emit('event:holds-expiring', e),
        holdWatchIntervalMs: opts.holdWatchIntervalMs,
        intakeUrlsFor,
        terminalFollow: opts.terminalFollow,
        resolve: opts.resolve,
        onOpening: (store, profile) => carrier.opening(store, profile),
        onOpened: (ws) => {
          // The simulator keeps notifying while another profile is active; reopening the sandbox's store refills what it missed.
          if (ws.profile.environment === 'embedded-sandbox' && simulator && intakeUrl) {
            void simulator
              .replayNotifications()
              .catch((err: unknown) => log.warn('sandbox replay failed', { error: String(err) }));
          }
        },
      })
    : null;
  try {
    if (workspaces) {
      closers.push(() => workspaces.close());
      // ---- intake: one loopback port; each message is verified and stored with the active profile's merchant and store ----
      const intake = createIntake({
        logger: log,
        refusalLimits: opts.intakeRefusalLimits,
        publicUrls: () => {
          const active = profiles.active();
          return active ? intakeUrlsFor(active) : { notification: null, validation: null };
        },
        onUnconfirmedChange: () =>
          void workspaces
            .use(async ({ confirmer }) => void confirmer.kick())
            .catch((err: unknown) => log.warn('notified change not looked up yet', { error: String(err) })),
        withTarget: (fn) =>
          workspaces.use(({ profile, store }) => {
            const merchant: IntakeMerchant = {
              merchantId: profile.merchantId,
              applicationKey: profile.applicationKey,
              secret: async () => {
                const secret = await credentials.secretFor(profiles.get(profile.id));
                if (!secret)
                  throw new DeskError(
                    'NO_CREDENTIALS',
                    'The active profile has no merchant secret, so notifications cannot be verified.',
                  );
                return secret;
              },
            };
            return fn({ store, merchant });
          }),
      });
      intakeUrl = (await intake.listen({ port: 0 })) + NOTIFICATION_PATH;
      closers.push(() => intake.close());
    }

    // ---- embedded sandbox: the simulator on a free loopback port, notifying our intake ----
    if (opts.embeddedSandbox !== false && !opts.sharedSandboxUrl) {
      const started = await startSimulator({
        port: 0,
        seed: opts.sandboxSeeded ?? true,
        notificationUrl: intakeUrl,
        // Registered with Praxis support for a real merchant; the sandbox calls the desk's own intake.
        customerSyncUrl: intakeUrl ? new URL(CUSTOMER_SYNC_PATH, intakeUrl).toString() : null,
        arrivalIntervalMs: opts.sandboxArrivalIntervalMs,
        logger: log,
      });
      simulator = started;
      closers.push(() => started.stop());
    }

    // The active profile's store; opening the sandbox's fills its queues from the simulator's book.
    // A store that cannot open does not stop the desk: its commands say why, and another profile can be picked.
    await workspaces?.switchTo(profiles.active());
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
  // The store follows the active profile; windows hear of the change once the new store is open, so their reload lands on it.
  let announced: Promise<void> = Promise.resolve();
  // Every profile name the desk has known: a window signed out by a switch is told where from, even if that profile
  // was the one just deleted.
  const profileNames = new Map(profiles.state().profiles.map((p) => [p.id, p.name]));
  let activeId = profiles.active()?.id ?? null;
  profiles.onChange((state) => {
    carrier.leaving();
    for (const p of state.profiles) profileNames.set(p.id, p.name);
    const moved = state.activeProfileId !== activeId;
    activeId = state.activeProfileId;
    const switched =
      workspaces?.switchTo(state.profiles.find((p) => p.id === state.activeProfileId) ?? null) ?? Promise.resolve();
    announced = announced
      .then(() => switched)
      .then(() => {
        bus.emit('event:profiles-changed', state);
        // Windows signed in on the profile left learn at once that they were signed out, and why.
        if (moved) bus.emit('event:access-changed', {});
      });
  });

  // Praxis's refusals of this computer's time, told to every window for the active profile's host: a standing
  // notice, and the status bar's "failing" with the reason, until that host answers normally again.
  const activeBaseUrl = () => {
    const active = profiles.active();
    return active ? baseUrlOf(active, simulatorUrl()) : null;
  };
  const clockOff = () => {
    const baseUrl = activeBaseUrl();
    return baseUrl === null ? null : clockWatch.offBy(Date.now, baseUrl);
  };
  const stopClockWatch = clockWatch.onChange((clock, baseUrl, reading) => {
    if (clock !== Date.now || baseUrl !== activeBaseUrl()) return;
    connection = reading ? 'failing' : 'ok';
    bus.emit('event:clock-changed', { clockOff: reading });
    bus.emit('event:connection-changed', { state: connection, message: reading ? clockOffText(reading) : '' });
  });
  closers.push(async () => stopClockWatch());

  const info = async (): Promise<AppInfo> => {
    const active = profiles.active();
    const base: AppInfo = {
      version: APP_VERSION,
      host,
      environment: active?.environment ?? null,
      baseUrl: active ? baseUrlOf(active, simulatorUrl()) : null,
      simulatorUrl: simulatorUrl(),
      intakeUrl,
      keychainAvailable: secretStore.kind === 'keychain',
      connection,
      clockOff: clockOff(),
    };
    return secretStore.unavailableReason ? { ...base, keychainMessage: secretStore.unavailableReason } : base;
  };

  const runConnectionTest = async (profileId: string): Promise<ConnectionTestResult> => {
    const profile = profiles.get(profileId);
    const baseUrl = baseUrlOf(profile, simulatorUrl());
    let result: ConnectionTestResult;
    const secret = await credentials.secretFor(profile);
    if (!baseUrl) {
      result = {
        ok: false,
        code: 'NETWORK',
        message:
          'The embedded sandbox is not running in this desk, so there is nothing to connect to. Restart the desk or pick another profile.',
        latencyMs: 0,
        baseUrl: '',
      };
    } else if (!secret) {
      result = {
        ok: false,
        code: 'NO_CREDENTIALS',
        message: `Profile "${profile.name}" has no merchant secret yet. Enter it in Settings › Credentials, then test again.`,
        latencyMs: 0,
        baseUrl,
      };
    } else {
      result = await testConnection(probe, {
        baseUrl,
        merchantId: profile.merchantId,
        applicationKey: profile.applicationKey,
        secret,
      });
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

  // Store-bound commands run on the active profile's workspace, which a switch waits for.
  const onWorkspace = <T>(fn: (ws: ProfileWorkspace) => Promise<T>): Promise<T> => {
    if (!workspaces)
      throw new DeskError(
        'STORE',
        'This desk runs without a work store, so there is nothing to work on. Start it with a store (the default).',
      );
    return workspaces.use(fn);
  };
  const shell = createShellHandlers({
    profiles,
    credentials,
    info,
    testConnection: runConnectionTest,
    onProfileRemoved: async (profileId) => {
      // A removed profile's work, journal and audit may still be needed: the folder stays, and the log says where.
      if (!locationFor) return;
      let store: string;
      try {
        store = describeStoreLocation(await locationFor(profileId));
      } catch (err) {
        store = err instanceof Error ? err.message : String(err);
      }
      log.info('profile removed; its work store is kept, not deleted', { profileId, store });
    },
  });
  // Refusals anyone can repeat at will (calls out of role, sign-in tries) are audited where the rest is, a flood of
  // them only so far: role refusals per operator, sign-in tries for the whole desk (bounded-audit.ts).
  const refusalsTo = {
    append: async (entry: AuditInput) => {
      if (!workspaces) return;
      await workspaces.use(async ({ store }) => void (await store.audit.append(entry)));
    },
    onError: (err: unknown, entry: AuditInput) =>
      log.warn('refusal not audited: no work store', { operator: entry.operator, error: String(err) }),
    windowMs: 10 * 60_000,
  };
  const refusals = createRefusalAudit({ ...refusalsTo, perOperator: 20 });
  const refusedSignIns = createBoundedAudit({ ...refusalsTo, perKey: 50 });
  // Who last moved the desk to another profile: the sign-in of each window that signed out names them.
  let lastSwitchBy: string | null = null;
  const sessions = createSignInSessions(Date.now, refusedSignIns, (from, to) =>
    profileSwitchedReason(
      profileNames.get(from) ?? 'a profile since deleted',
      profileNames.get(to) ?? 'another profile',
      lastSwitchBy,
    ),
  );
  const withAccessStore: WithAccessStore = (fn) =>
    workspaces ? workspaces.use((ws) => fn(ws.store, ws.profile.id)) : fn(null, null);
  // A store that cannot open holds no operators to check: the desk then runs as on a fresh store (nothing store-bound
  // works), so another profile can still be picked. A store closed for a moment (a switch under way, shutdown) is not
  // that: every call is refused until it is open again, or any window polling the status would get every role then.
  const resolveAccess = (connection: string) =>
    withAccessStore((store, profileId) => sessions.resolve(store, profileId, connection)).catch((err: unknown) => {
      const storeState = isDeskError(err) ? err.details?.storeState : undefined;
      if (isDeskError(err) && err.code === 'STORE' && storeState !== 'switching' && storeState !== 'closed')
        return sessions.resolve(null, null, connection);
      throw err;
    });
  const settled: typeof shell = {
    ...shell,
    // Activation (or removing the active profile) answers once the new profile's store is open.
    'profiles:activate': async (input, ctx) => {
      lastSwitchBy = currentActor().name;
      const state = await shell['profiles:activate'](input, ctx);
      await announced;
      return state;
    },
    'profiles:remove': async (input, ctx) => {
      lastSwitchBy = currentActor().name;
      const state = await shell['profiles:remove'](input, ctx);
      await announced;
      return state;
    },
  };
  const audited = auditShellChanges(settled, {
    profile: (id) => profiles.state().profiles.find((p) => p.id === id) ?? null,
    activeId: () => profiles.active()?.id ?? null,
    audit: async (entry) => {
      if (!workspaces) return;
      // A desk whose store cannot open has nowhere to write it; the change itself stands and the log says so.
      await workspaces
        .use(async ({ store }) => void (await store.audit.append(entry)))
        .catch((err: unknown) =>
          log.warn('change not audited: no work store', { action: entry.action, error: String(err) }),
        );
    },
  });
  // Lookups from every window share one limit at Praxis: eight windows' lookups are not 32 queries at once.
  const lookupQueries = createSlots(() => LOOKUP_QUERIES_AT_ONCE);
  const accessHandlers = createAccessHandlers(withAccessStore, sessions, (connection) => resolveAccess(connection));
  const unguarded: CommandHandlers = {
    ...settled,
    ...audited,
    ...accessHandlers,
    // The person removed, or given another role, sees it in their own window at once, not at their next click.
    'operators:remove': async (input, ctx) => {
      const left = await accessHandlers['operators:remove'](input, ctx);
      bus.emit('event:access-changed', {});
      return left;
    },
    'operators:change': async (input, ctx) => {
      const changed = await accessHandlers['operators:change'](input, ctx);
      // A PIN someone else set (forgotten, or seen): whoever is signed in with the old one is not any more.
      if (input.pin !== undefined && operatorKey(input.name) !== operatorKey(currentActor().name))
        sessions.endFor(input.name, pinResetReason(input.name.trim()));
      bus.emit('event:access-changed', {});
      return changed;
    },
    ...createPayoutHandlers(workspaces ? (fn) => workspaces.use(fn) : null),
    ...createCaptureHandlers(workspaces ? (fn) => workspaces.use(fn) : null),
    ...createAuditHandlers(workspaces ? (fn) => workspaces.use(fn) : null),
    ...createTerminalHandlers(workspaces ? (fn) => workspaces.use(fn) : null),
    // Lookup by id: find-transaction / find-order with the store's own profile; found items join its queues.
    'lookup:run': (input, ctx) =>
      onWorkspace((ws) =>
        createLookupHandler({
          client: async () => (await ws.praxis()).client,
          store: () => ws.store,
          // Only the window that asked counts along: another window's Lookup screen has its own lookup, or none.
          emitProgress: (p) => bus.emit('event:lookup-progress', p, ctx.connection),
          slot: lookupQueries,
        })(input),
      ),
    'lookup:praxis-objects': ({ tid }) => onWorkspace((ws) => readPraxisObjects(ws.store.db, tid)),
  };

  // Every command is checked against the channel → roles table and runs as the person signed in at its window.
  const handlers = guardHandlers(
    unguarded,
    (ctx) => resolveAccess(ctx.connection),
    (refusal) => refusals.record(refusal),
  );

  let closed = false;
  return {
    handlers,
    forgetConnection: (connection) => sessions.forget(connection),
    events: { on: bus.on },
    // A locked window keeps its person's roles: the desk under the lock stays current for them.
    rolesAt: async (connection) => {
      const { state } = await resolveAccess(connection);
      return 'roles' in state ? state.roles : [];
    },
    info,
    async close() {
      if (closed) return;
      closed = true;
      // Counts of refusals held back in an open window are written while the store is still there.
      await Promise.all([refusals.flush(), refusedSignIns.flush()]);
      await closeAll();
    },
  };
}
