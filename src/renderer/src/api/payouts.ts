import type { payoutsContract } from '../../../shared/ipc/payouts-contract';
import { callerFor, channelAvailable, type ChannelInput } from './call-channel';
import { onQueueChanged } from './queue-events';

export type PayoutInput<C extends keyof typeof payoutsContract> = ChannelInput<typeof payoutsContract, C>;

export const payoutsAvailable = (): boolean => channelAvailable('payouts:list');

/** Calls one payout channel; the core parses the input with the same zod schema. */
export const callPayouts = callerFor<typeof payoutsContract>('payout engine');

/** Tids of payout requests the store changed (new arrivals, status moves, journal states). */
export const onPayoutsChanged = (listener: (tids: number[]) => void): (() => void) =>
  onQueueChanged('payouts', listener);
