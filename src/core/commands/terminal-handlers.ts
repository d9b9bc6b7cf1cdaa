import type { TerminalEngine } from '../terminal/terminal-engine';
import type { CommandHandlers } from './dispatch';
import { workspaceOrRefuse } from './workspace-or-refuse';
import { currentActor } from '../access/actor';
import type { WorkStore } from '../store/work-store';
import { loadTerminalSettings, saveTerminalSettings } from '../terminal/terminal-settings';

type TerminalChannel = Extract<keyof CommandHandlers, `terminal:${string}` | `terminal-settings:${string}`>;

/** The active profile's terminal engine, held for the length of one command (a profile switch waits for it). */
export type WithTerminalWorkspace = <T>(
  fn: (ws: { terminal: TerminalEngine; store: WorkStore }) => Promise<T>,
) => Promise<T>;

/** The command table for the virtual terminal: each line delegates. */
export function createTerminalHandlers(
  withWorkspace: WithTerminalWorkspace | null,
): Pick<CommandHandlers, TerminalChannel> {
  const on = workspaceOrRefuse(withWorkspace, 'the virtual terminal cannot keep its sessions');
  return {
    'terminal:start': (input) => on(({ terminal }) => terminal.start(input)),
    'terminal:retry': (input) => on(({ terminal }) => terminal.retry(input)),
    'terminal:status': ({ orderId }) => on(({ terminal }) => terminal.status(orderId)),
    'terminal:reopen': ({ orderId }) => on(({ terminal }) => terminal.reopen(orderId)),
    'terminal:history': ({ limit }) => on(({ terminal }) => terminal.history(limit)),
    'terminal:recent-customers': ({ search }) => on(({ terminal }) => terminal.recentCustomers(search)),
    'terminal:customer': ({ cid }) => on(({ terminal }) => terminal.knownCustomer(cid)),
    'terminal:gateway-options': ({ intent }) => on(({ terminal }) => terminal.gatewayOptions(intent)),
    'terminal:prefill': ({ tid }) => on(({ terminal }) => terminal.prefill(tid)),
    'terminal-settings:get': () => on(({ store }) => loadTerminalSettings(store)),
    'terminal-settings:save': (input) => on(({ store }) => saveTerminalSettings(store, input, currentActor().name)),
  };
}
