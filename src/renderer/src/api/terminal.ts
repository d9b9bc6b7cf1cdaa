import type { terminalContract } from '../../../shared/ipc/terminal-contract';
import { callerFor, type ChannelInput } from './call-channel';
import { onDeskEvent } from './queue-events';

export type TerminalInput<C extends keyof typeof terminalContract> = ChannelInput<typeof terminalContract, C>;

/** Calls one terminal channel; the core parses the input with the same zod schema. */
export const callTerminal = callerFor<typeof terminalContract>('virtual terminal');

/** Order ids of terminal sessions the store changed (opened, notified, looked up, expired). */
export function onTerminalChanged(listener: (orderIds: string[]) => void): () => void {
  return onDeskEvent('event:queue-changed', (payload) => {
    const p = payload as { queue?: unknown; ids?: unknown };
    if (p.queue === 'terminal' && Array.isArray(p.ids))
      listener(p.ids.filter((id): id is string => typeof id === 'string'));
  });
}
