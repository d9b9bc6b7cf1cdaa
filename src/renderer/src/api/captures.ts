import type { z } from 'zod';
import type { Result } from '../../../shared/errors';
import type { capturesContract } from '../../../shared/ipc/captures-contract';
import { callChannel, channelAvailable } from './call-channel';
import { onQueueChanged } from './queue-events';

export type CaptureChannel = keyof typeof capturesContract;
export type CaptureInput<C extends CaptureChannel> = z.input<(typeof capturesContract)[C]['input']>;
export type CaptureResult<C extends CaptureChannel> = (typeof capturesContract)[C]['result'];

export const capturesAvailable = (): boolean => channelAvailable('captures:list');

/** Calls one capture channel; the core parses the input with the same zod schema. */
export const callCaptures = <C extends CaptureChannel>(
  channel: C,
  input: CaptureInput<C>,
): Promise<Result<CaptureResult<C>>> => callChannel<CaptureResult<C>>(channel, input, 'capture engine');

/** Tids of holds the store changed (new authorizations, captures, voids, lapses, journal states). */
export const onCapturesChanged = (listener: (tids: number[]) => void): (() => void) =>
  onQueueChanged('deposits', listener);
