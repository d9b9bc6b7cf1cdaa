import { CAPTURE_QUEUE } from '../captures/capture-queue';
import { PAYOUT_QUEUE } from '../payouts/payout-queue';
import { createSiblingRefresh } from '../payouts/customer-siblings';
import { watchLostClaims } from '../queues/lost-claims';
import type { Profile } from '../../shared/domain';
import { DESK_ACTOR, runAs } from '../access/actor';
import { DeskError } from '../../shared/errors';
import { createChangeConfirmer, type ChangeConfirmer } from '../intake/change-confirmer';
import type { Logger } from '../log';
import { createCaptureEngine, type CaptureEngine, type CaptureEngineDeps } from '../captures/capture-engine';
import { createPayoutEngine, type PayoutEngine, type PayoutEngineDeps } from '../payouts/payout-engine';
import { createSendLimit } from '../queues/send-limit';
import { createTerminalEngine, type TerminalEngine, type TerminalEngineDeps } from '../terminal/terminal-engine';
import type { PraxisSession } from '../queues/praxis-session';
import type { ResolveOptions } from '../queues/queue-kind';
import type { StoreChange } from '../store/changes';
import { describeStoreLocation, openStore, type StoreLocation, type WorkStore } from '../store/work-store';
import { pgliteUpkeep } from '../store/pglite-upkeep';

/** Everything that works on one profile's work store: the store, its payout engine and that profile's Praxis session. */
export interface ProfileWorkspace {
  /** The profile as it was when its store opened (its id is what binds the store; the name is for messages). */
  profile: Profile;
  store: WorkStore;
  payouts: PayoutEngine;
  captures: CaptureEngine;
  terminal: TerminalEngine;
  /** Looks up what notifications claimed before it changes an item (their signature does not cover the status). */
  confirmer: ChangeConfirmer;
  praxis(): Promise<PraxisSession>;
}

export interface WorkspaceDeps {
  locationFor(profileId: string): StoreLocation | Promise<StoreLocation>;
  praxisFor(profileId: string): Promise<PraxisSession>;
  log: Logger;
  onQueueChange(change: StoreChange): void;
  onBulkProgress?: PayoutEngineDeps['onBulkProgress'];
  onHoldsExpiring?: CaptureEngineDeps['onHoldsExpiring'];
  /** Where Praxis calls this profile's intake (notification and validation URLs); default none. */
  intakeUrlsFor?(profile: Profile): ReturnType<TerminalEngineDeps['intakeUrls']>;
  /** How the terminal follows sessions with find-order when no notification arrives (tests shorten it). */
  terminalFollow?: TerminalEngineDeps['follow'];
  /** How often to look for holds entering their last 24 hours (default 60 s); null = only when the store opens. */
  holdWatchIntervalMs?: number | null;
  /** The queues' "not applied after" rules (tests shorten their 30 minutes). */
  resolve?: ResolveOptions;
  /** Called once a workspace is open (the embedded sandbox replays its notifications into it). */
  onOpened?(ws: ProfileWorkspace): void;
  /** Runs on a newly opened store before any command can use it; a failure leaves the profile unopened. */
  onOpening?(store: WorkStore, profile: Profile): Promise<void>;
  /** How long a switch waits for commands still running on the old store before it closes it anyway. */
  drainTimeoutMs?: number;
}

/** The active profile's workspace, switched when the active profile changes. */
export interface WorkspaceSwitcher {
  /** Runs `fn` on the active profile's workspace; a switch waits for it. Refuses with STORE while switching. */
  use<T>(fn: (ws: ProfileWorkspace) => Promise<T>): Promise<T>;
  /** Closes the current workspace once its commands finished and opens the profile's; resolves when settled. */
  switchTo(profile: Profile | null): Promise<void>;
  close(): Promise<void>;
}

interface OpenWorkspace {
  ws: ProfileWorkspace;
  /** Commands running on this store right now. */
  running: number;
  /** Set when a switch began: bulk actions stop starting new items. */
  stopping: boolean;
  idle: Array<() => void>;
  unsubscribe: () => Promise<void>;
  /** Stops the watch for expiring holds. */
  stopWatch: () => void;
  /** Asks the watch to look again soon (the capture queue changed). */
  pokeWatch: () => void;
}

// An action times out after 20 s and is then looked up (another 20 s at most): wait for that, with room to spare.
const DEFAULT_DRAIN_TIMEOUT_MS = 90_000;
// A hold enters its last 24 hours at some minute: a check a minute is on time to the minute.
const DEFAULT_HOLD_WATCH_MS = 60_000;
// Many notifications arrive together (a replay): one check after they settled.
const POKED_CHECK_DELAY_MS = 1_000;
/** How often a PGlite store is looked at for tables due a vacuum or an analyze (pglite-upkeep.ts). */
const UPKEEP_EVERY_MS = 10 * 60_000;

export function createWorkspaceSwitcher(deps: WorkspaceDeps): WorkspaceSwitcher {
  const { log } = deps;
  let current: OpenWorkspace | null = null;
  let desired: Profile | null = null;
  let switching: { name: string | null } | null = null;
  let failure: { profile: Profile; reason: string } | null = null;
  let closed = false;
  let chain: Promise<void> = Promise.resolve();

  const leave = (open: OpenWorkspace) => {
    open.running--;
    if (open.running === 0) for (const wake of open.idle.splice(0)) wake();
  };
  const run = async <T>(open: OpenWorkspace, fn: (ws: ProfileWorkspace) => Promise<T>): Promise<T> => {
    open.running++;
    try {
      return await fn(open.ws);
    } finally {
      leave(open);
    }
  };

  function accepting(): OpenWorkspace {
    if (closed)
      throw new DeskError('STORE', 'The desk is shutting down; its work store is closed.', { storeState: 'closed' });
    if (switching) {
      const to = switching.name
        ? `switching to profile "${switching.name}"`
        : "closing the previous profile's work store";
      throw new DeskError('STORE', `The desk is ${to}; try again in a moment. Nothing was done.`, {
        storeState: 'switching',
      });
    }
    if (current) return current;
    if (failure) {
      throw new DeskError(
        'STORE',
        `The work store of profile "${failure.profile.name}" could not be opened: ${failure.reason} Activate the profile again in Settings › Profiles to retry.`,
      );
    }
    throw new DeskError(
      'STORE',
      'No profile is active, so there is no work store. Pick a profile in Settings › Profiles.',
    );
  }

  async function open(profile: Profile): Promise<OpenWorkspace> {
    const location = await deps.locationFor(profile.id);
    const store = await openStore(location);
    let opened: OpenWorkspace | null = null;
    let unsubscribe: () => Promise<void>;
    try {
      await deps.onOpening?.(store, profile);
      // A hold that joins the capture queue already in its last 24 hours is announced within a second.
      const siblings = createSiblingRefresh(store.db, deps.onQueueChange, log);
      const stopListening = await store.onChange((change) => {
        deps.onQueueChange(change);
        if (change.queue === 'deposits') opened?.pokeWatch();
        if (change.queue === 'terminal') auditTerminalOutcomes(opened, change.ids);
        siblings.note(change);
      });
      unsubscribe = async () => {
        siblings.stop();
        await stopListening();
      };
    } catch (err) {
      await store.close().catch(() => undefined);
      throw err;
    }
    const praxis = () => deps.praxisFor(profile.id);
    opened = {
      ws: null as unknown as ProfileWorkspace,
      running: 0,
      stopping: false,
      idle: [],
      unsubscribe,
      stopWatch: () => undefined,
      pokeWatch: () => undefined,
    };
    const ready = opened;
    // One send limit for the desk: a payout bulk and a capture bulk at once still have at most N sends at Praxis.
    const sendLimit = createSendLimit();
    const engineDeps = { store, log, praxis, sendLimit, stopRequested: () => ready.stopping, resolve: deps.resolve };
    const payouts = createPayoutEngine({ ...engineDeps, onBulkProgress: deps.onBulkProgress });
    const captures = createCaptureEngine({
      ...engineDeps,
      onBulkProgress: deps.onBulkProgress,
      onHoldsExpiring: deps.onHoldsExpiring,
    });
    const confirmer = createChangeConfirmer({ store, praxis, log });
    const terminal = createTerminalEngine({
      store,
      log,
      praxis,
      intakeUrls: () => deps.intakeUrlsFor?.(ready.ws.profile) ?? { notification: null, validation: null },
      follow: deps.terminalFollow,
    });
    ready.ws = { profile, store, payouts, captures, terminal, confirmer, praxis };
    log.info('work store opened for the active profile', {
      profileId: profile.id,
      store: describeStoreLocation(location),
    });
    // Actions left `sending` or `unknown` (a crash, or a switch that could not wait) are looked up before anyone acts again.
    // Done by the desk itself (whoever's command opened the store), and its timers too.
    void runAs(DESK_ACTOR, () => run(opened, () => payouts.recoverUnresolved())).catch((err: unknown) =>
      log.warn('payout reconciliation at start failed', { profileId: profile.id, error: String(err) }),
    );
    void runAs(DESK_ACTOR, () => run(opened, () => captures.recoverUnresolved())).catch((err: unknown) =>
      log.warn('capture reconciliation at start failed', { profileId: profile.id, error: String(err) }),
    );
    void runAs(DESK_ACTOR, () => run(opened, () => terminal.recoverUnresolved())).catch((err: unknown) =>
      log.warn('terminal follow-up at start failed', { profileId: profile.id, error: String(err) }),
    );
    opened.stopWatch = runAs(DESK_ACTOR, () =>
      watchExpiringHolds(opened, deps.holdWatchIntervalMs, (err) =>
        log.warn('expiring-hold check failed', { profileId: profile.id, error: String(err) }),
      ),
    );
    // On a shared server a desk that dies mid-action says nothing: look for its lost claims now and then.
    const stopHoldWatch = opened.stopWatch;
    const stopClaimWatch = watchLostClaims(store, [PAYOUT_QUEUE, CAPTURE_QUEUE], log);
    const upkeep = store.kind === 'pglite' ? setInterval(() => keepUp(ready), UPKEEP_EVERY_MS) : null;
    upkeep?.unref();
    opened.stopWatch = () => {
      stopHoldWatch();
      stopClaimWatch();
      if (upkeep) clearInterval(upkeep);
    };
    deps.onOpened?.(opened.ws);
    return opened;
  }

  /**
   * Looks for holds entering their last 24 hours now, every interval, and a second after the capture queue changes
   * (pokeWatch), each check a command on the workspace. Returns the stop.
   */
  function watchExpiringHolds(
    opened: OpenWorkspace,
    intervalMs: number | null | undefined,
    onError: (err: unknown) => void,
  ): () => void {
    let soon: NodeJS.Timeout | null = null;
    const check = () => {
      if (opened.stopping) return;
      void run(opened, () => opened.ws.captures.announceExpiring()).catch(onError);
    };
    opened.pokeWatch = () => {
      soon ??= setTimeout(() => ((soon = null), check()), POKED_CHECK_DELAY_MS);
      soon.unref();
    };
    check();
    const timer = intervalMs === null ? null : setInterval(check, intervalMs ?? DEFAULT_HOLD_WATCH_MS);
    timer?.unref();
    return () => {
      if (timer) clearInterval(timer);
      if (soon) clearTimeout(soon);
      opened.pokeWatch = () => undefined;
    };
  }

  /** How the sessions a change touched ended, written to the audit by the desk (a command on the workspace). */
  function auditTerminalOutcomes(opened: OpenWorkspace | null, orderIds: string[]): void {
    // Changes can arrive before the workspace is ready; the start-up sweep (recoverUnresolved) covers those.
    if (!opened?.ws || opened.stopping) return;
    void runAs(DESK_ACTOR, () => run(opened, (ws) => ws.terminal.auditOutcomes(orderIds))).catch((err: unknown) =>
      log.warn('terminal outcome not audited', { profileId: opened.ws.profile.id, orderIds, error: String(err) }),
    );
  }

  /** PGlite's missing autovacuum, as a command on the workspace; said in the log when it found work. */
  function keepUp(opened: OpenWorkspace): void {
    if (opened.stopping) return;
    void run(opened, async () => {
      // Timed once the workspace's turn has come: the wait for it is not the upkeep's.
      const started = Date.now();
      return { ...(await pgliteUpkeep(opened.ws.store.db)), ms: Date.now() - started };
    })
      .then(({ vacuumed, analyzed, ms }) => {
        if (vacuumed.length || analyzed.length) log.info('store upkeep', { vacuumed, analyzed, ms });
      })
      .catch((err: unknown) =>
        log.warn('store upkeep failed', { profileId: opened.ws.profile.id, error: String(err) }),
      );
  }

  async function retire(open: OpenWorkspace): Promise<void> {
    open.stopping = true;
    const { profile } = open.ws;
    if (open.running > 0) {
      const timeoutMs = deps.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        new Promise<boolean>((resolve) => open.idle.push(() => resolve(true))),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timer);
      if (!drained) {
        log.warn(
          'closing a work store with commands still running; an action left `sending` is reconciled when its profile opens again',
          { profileId: profile.id, running: open.running, waitedMs: timeoutMs },
        );
      }
    }
    open.stopWatch();
    await open.ws.terminal.close();
    await open.ws.confirmer.close().catch(() => undefined);
    await open.unsubscribe().catch(() => undefined);
    await open.ws.store.close();
    log.info('work store closed', { profileId: profile.id });
  }

  /** Moves from whatever is open to what is wanted now; queued steps after a quick A→B→C find nothing left to do. */
  async function step(): Promise<void> {
    const want = desired;
    // Switched away and straight back before the close began: the store stays, and so does its bulk work.
    if (current && current.ws.profile.id === want?.id) current.stopping = false;
    if (current && current.ws.profile.id !== want?.id) {
      const leaving = current;
      try {
        await retire(leaving);
      } catch (err) {
        log.error('work store did not close cleanly', { profileId: leaving.ws.profile.id, error: String(err) });
      }
      current = null;
    }
    if (want && !current && !closed) {
      try {
        current = await open(want);
        failure = null;
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        failure = { profile: want, reason };
        log.error('work store could not be opened for the active profile', { profileId: want.id, error: reason });
      }
    }
    if (desired === want) switching = null;
  }

  return {
    // async: a store that failed to open rejects (callers .catch it) rather than throwing where they stand.
    use: async (fn) => run(accepting(), fn),

    switchTo(profile) {
      if (closed) return chain;
      desired = profile;
      if (!switching && current && current.ws.profile.id === profile?.id) {
        current.ws.profile = profile;
        return chain;
      }
      if (!switching && !current && !profile) return chain;
      switching = { name: profile?.name ?? null };
      if (current && current.ws.profile.id !== profile?.id) current.stopping = true;
      chain = chain.then(step);
      return chain;
    },

    async close() {
      if (closed) return;
      closed = true;
      desired = null;
      chain = chain.then(step);
      await chain;
    },
  };
}
