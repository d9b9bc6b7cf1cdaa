import { SANDBOX_OPERATOR } from '../../shared/access';
import { DeskError } from '../../shared/errors';

/**
 * Maker and checker are two people (product.md, complaint 3): a withdrawal request opened in the virtual terminal is
 * not paid out by the operator who opened it, or an agent could send a customer's balance to a card of their choosing
 * and approve it themselves. The sandbox operator (no sign-in yet) is everyone at once, so the rule waits for names.
 */
export function refuseOwnTerminalRequest(
  tx: { tid: number },
  /** Who opened the request in the virtual terminal, read with it (readRequestForAction); null: not opened there. */
  terminalAgent: string | null,
  operator: string,
): void {
  if (terminalAgent === null || operator === SANDBOX_OPERATOR) return;
  if (terminalAgent === operator)
    throw new DeskError(
      'FORBIDDEN',
      `${operator} opened request ${tx.tid} in the virtual terminal, so someone else must pay it out. Nothing was sent.`,
    );
}
