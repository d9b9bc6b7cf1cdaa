import type { DeskCore } from '../../src/core/app/desk-core-types';
import { dispatch } from '../../src/core/commands/dispatch';
import type { Logger } from '../../src/core/log';
import type { Result } from '../../src/shared/errors';
import type { Channel } from '../../src/shared/ipc/contract';

/**
 * A desk's commands called as one window would: through dispatch (input validation, roles) on the test connection.
 * `core` is read at each call, so a suite may start its desk in beforeAll. `call` throws on an error answer.
 */
export function deskCalls(core: () => Pick<DeskCore, 'handlers'>, log: Logger) {
  const callRaw = (channel: Channel, input: unknown = {}): Promise<Result<unknown>> =>
    dispatch(core().handlers, channel, input, { transport: 'test', connection: 'test' }, log);
  const call = async <T>(channel: Channel, input: unknown = {}): Promise<T> => {
    const r = await callRaw(channel, input);
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
    return r.data as T;
  };
  return { callRaw, call };
}
