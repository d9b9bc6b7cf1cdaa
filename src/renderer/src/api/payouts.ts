import type { z } from 'zod';
import type { Result } from '../../../shared/errors';
import type { payoutsContract } from '../../../shared/ipc/payouts-contract';
import { callChannel, channelAvailable } from './call-channel';
import { onQueueChanged } from './queue-events';

export type PayoutChannel = keyof typeof payoutsContract;
export type PayoutInput<C extends PayoutChannel> = z.input<(typeof payoutsContract)[C]['input']>;
export type PayoutResult<C extends PayoutChannel> = (typeof payoutsContract)[C]['result'];

export const payoutsAvailable = (): boolean => channelAvailable('payouts:list');

/** Calls one payout channel; the core parses the input with the same zod schema. */
export const callPayouts = <C extends PayoutChannel>(
  channel: C,
  input: PayoutInput<C>,
): Promise<Result<PayoutResult<C>>> => callChannel<PayoutResult<C>>(channel, input, 'payout engine');

/** Tids of payout requests the store changed (new arrivals, status moves, journal states). */
export const onPayoutsChanged = (listener: (tids: number[]) => void): (() => void) =>
  onQueueChanged('payouts', listener);
