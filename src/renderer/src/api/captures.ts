import type { capturesContract } from '../../../shared/ipc/captures-contract';
import { callerFor, channelAvailable, type ChannelInput } from './call-channel';
import { onQueueChanged } from './queue-events';

export type CaptureInput<C extends keyof typeof capturesContract> = ChannelInput<typeof capturesContract, C>;

export const capturesAvailable = (): boolean => channelAvailable('captures:list');

/** Calls one capture channel; the core parses the input with the same zod schema. */
export const callCaptures = callerFor<typeof capturesContract>('capture engine');

/** Tids of holds the store changed (new authorizations, captures, voids, lapses, journal states). */
export const onCapturesChanged = (listener: (tids: number[]) => void): (() => void) =>
  onQueueChanged('deposits', listener);
