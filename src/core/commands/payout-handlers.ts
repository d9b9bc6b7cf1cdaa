import { DeskError } from '../../shared/errors';
import { addOperator, listOperators, removeOperator } from '../operators/operator-registry';
import type { PayoutEngine } from '../payouts/payout-engine';
import { loadPayoutSettings, savePayoutSettings } from '../payouts/payout-settings';
import { listViews, removeView, saveView } from '../payouts/saved-views';
import type { WorkStore } from '../store/work-store';
import type { CommandHandlers } from './dispatch';

type PayoutChannel = Extract<
  keyof CommandHandlers,
  `payouts:${string}` | `payout-settings:${string}` | `views:${string}` | `operators:${string}`
>;

/** The active profile's store and payout engine, held for the length of one command (a profile switch waits for it). */
export type WithPayoutWorkspace = <T>(
  fn: (ws: { payouts: PayoutEngine; store: WorkStore; profile: { operatorName: string } }) => Promise<T>,
) => Promise<T>;

/** The command table for the payout queue, its settings, saved views and four-eyes operators: each line delegates. */
export function createPayoutHandlers(withWorkspace: WithPayoutWorkspace | null): Pick<CommandHandlers, PayoutChannel> {
  const on: WithPayoutWorkspace = (fn) => {
    if (!withWorkspace)
      throw new DeskError(
        'STORE',
        'This desk runs without a work store, so there is no payout queue. Start it with a store (the default) to work payouts.',
      );
    return withWorkspace(fn);
  };
  return {
    'payouts:list': (page) => on(({ payouts }) => payouts.list(page)),
    'payouts:rows': ({ tids }) => on(({ payouts }) => payouts.rows(tids)),
    'payouts:detail': ({ tid }) => on(({ payouts }) => payouts.detail(tid)),
    'payouts:gateways': ({ tid }) => on(({ payouts }) => payouts.gateways(tid)),
    'payouts:approve': (input) => on(({ payouts }) => payouts.approve(input)),
    'payouts:reject': (input) => on(({ payouts }) => payouts.reject(input)),
    'payouts:split': (input) => on(({ payouts }) => payouts.split(input)),
    'payouts:bulk': (input) => on(({ payouts }) => payouts.bulk(input)),
    'payouts:reconcile': ({ tid }) => on(({ payouts }) => payouts.reconcile(tid)),
    'payout-settings:get': () => on(({ store }) => loadPayoutSettings(store)),
    'payout-settings:save': (input) =>
      on(({ store, profile }) => savePayoutSettings(store, input, profile.operatorName)),
    'views:list': () => on(({ store }) => listViews(store)),
    'views:save': (input) => on(({ store }) => saveView(store, input)),
    'views:remove': ({ id }) => on(({ store }) => removeView(store, id)),
    'operators:list': () => on(({ store }) => listOperators(store)),
    'operators:add': ({ name, pin }) => on(({ store, profile }) => addOperator(store, name, pin, profile.operatorName)),
    'operators:remove': ({ name }) => on(({ store, profile }) => removeOperator(store, name, profile.operatorName)),
  };
}
