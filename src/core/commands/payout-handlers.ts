import { DeskError } from '../../shared/errors';
import { addOperator, listOperators, removeOperator } from '../operators/operator-registry';
import type { PayoutEngine } from '../payouts/payout-engine';
import { loadPayoutSettings, savePayoutSettings } from '../payouts/payout-settings';
import { listViews, removeView, saveView } from '../payouts/saved-views';
import type { WorkStore } from '../store/work-store';
import type { CommandHandlers } from './dispatch';

type PayoutChannel = Extract<keyof CommandHandlers, `payouts:${string}` | `payout-settings:${string}` | `views:${string}` | `operators:${string}`>;

/** The command table for the payout queue, its settings, saved views and four-eyes operators: each line delegates. */
export function createPayoutHandlers(deps: { engine: PayoutEngine; store: WorkStore } | null): Pick<CommandHandlers, PayoutChannel> {
  const need = () => {
    if (!deps) throw new DeskError('STORE', 'This desk runs without a work store, so there is no payout queue. Start it with a store (the default) to work payouts.');
    return deps;
  };
  const engine = () => need().engine;
  const store = () => need().store;
  return {
    'payouts:list': () => engine().list(),
    'payouts:rows': ({ tids }) => engine().rows(tids),
    'payouts:detail': ({ tid }) => engine().detail(tid),
    'payouts:gateways': ({ tid }) => engine().gateways(tid),
    'payouts:approve': (input) => engine().approve(input),
    'payouts:reject': (input) => engine().reject(input),
    'payouts:split': (input) => engine().split(input),
    'payouts:bulk': (input) => engine().bulk(input),
    'payouts:reconcile': ({ tid }) => engine().reconcile(tid),
    'payout-settings:get': () => loadPayoutSettings(store()),
    'payout-settings:save': (input) => savePayoutSettings(store(), input),
    'views:list': () => listViews(store()),
    'views:save': (input) => saveView(store(), input),
    'views:remove': ({ id }) => removeView(store(), id),
    'operators:list': () => listOperators(store()),
    'operators:add': ({ name, pin }) => addOperator(store(), name, pin),
    'operators:remove': ({ name }) => removeOperator(store(), name),
  };
}
