import { DeskError } from '../../shared/errors';

/** How a command table reaches the active profile's workspace, held for the length of one command. */
export type WithWorkspace<W> = <T>(fn: (ws: W) => Promise<T>) => Promise<T>;

/**
 * The workspace, or a STORE refusal that says what a desk started without a store cannot do (`missing`: "there is no
 * payout queue").
 */
export function workspaceOrRefuse<W>(withWorkspace: WithWorkspace<W> | null, missing: string): WithWorkspace<W> {
  return (fn) => {
    if (!withWorkspace)
      throw new DeskError(
        'STORE',
        `This desk runs without a work store, so ${missing}. Start it with a store (the default).`,
      );
    return withWorkspace(fn);
  };
}
