import type { PayoutEngine } from '../payouts/payout-engine';
import { loadPayoutSettings, savePayoutSettings } from '../payouts/payout-settings';
import { listViews, removeView, saveView } from '../payouts/saved-views';
import type { WorkStore } from '../store/work-store';
import type { CommandHandlers } from './dispatch';
import { workspaceOrRefuse } from './workspace-or-refuse';
import { currentActor } from '../access/actor';
import { confirmSecondManager, describeWeakened, weakenedThresholds } from '../access/weakening';

type PayoutChannel = Extract<
  keyof CommandHandlers,
  `payouts:${string}` | `payout-settings:${string}` | `views:${string}`
>;

/** The active profile's store and payout engine, held for the length of one command (a profile switch waits for it). */
export type WithPayoutWorkspace = <T>(
  fn: (ws: { payouts: PayoutEngine; store: WorkStore }) => Promise<T>,
) => Promise<T>;

/** The command table for the payout queue, its settings and saved views: each line delegates. */
export function createPayoutHandlers(withWorkspace: WithPayoutWorkspace | null): Pick<CommandHandlers, PayoutChannel> {
  const on = workspaceOrRefuse(withWorkspace, 'there is no payout queue');
  return {
    'payouts:list': (page) => on(({ payouts }) => payouts.list(page)),
    'payouts:rows': ({ tids }) => on(({ payouts }) => payouts.rows(tids)),
    'payouts:detail': ({ tid }) => on(({ payouts }) => payouts.detail(tid)),
    'payouts:gateways': ({ tid }) => on(({ payouts }) => payouts.gateways(tid)),
    'payouts:approve': (input) => on(({ payouts }) => payouts.approve(input)),
    'payouts:reject': (input) => on(({ payouts }) => payouts.reject(input)),
    'payouts:split': (input) => on(({ payouts }) => payouts.split(input)),
    // Only the window that started the run counts along.
    'payouts:bulk': (input, ctx) => on(({ payouts }) => payouts.bulk(input, ctx.connection)),
    'payouts:reconcile': ({ tid }) => on(({ payouts }) => payouts.reconcile(tid)),
    'payout-settings:get': () => on(({ store }) => loadPayoutSettings(store)),
    'payout-settings:save': ({ secondManager, ...settings }) =>
      on(async ({ store }) => {
        const before = (await loadPayoutSettings(store)).fourEyesThresholds;
        const weakened = weakenedThresholds(before, settings.fourEyesThresholds);
        if (weakened.length) {
          const what = `Four-eyes thresholds: ${describeWeakened(before, settings.fourEyesThresholds, weakened)}`;
          await confirmSecondManager(store, currentActor().name, secondManager, what);
        }
        return savePayoutSettings(store, settings, currentActor().name);
      }),
    'views:list': () => on(({ store }) => listViews(store)),
    'views:save': (input) => on(({ store }) => saveView(store, input, currentActor().name)),
    'views:remove': ({ id }) => on(({ store }) => removeView(store, id, currentActor().name)),
  };
}
