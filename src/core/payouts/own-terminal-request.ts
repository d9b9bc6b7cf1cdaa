import { SANDBOX_OPERATOR } from '../../shared/access';
import { DeskError } from '../../shared/errors';
import type { WorkStore } from '../store/work-store';

/**
 * Maker and checker are two people (product.md, complaint 3): a withdrawal request opened in the virtual terminal is
 * not paid out by the operator who opened it, or an agent could send a customer's balance to a card of their choosing
 * and approve it themselves. The sandbox operator (no sign-in yet) is everyone at once, so the rule waits for names.
 * Each refusal is audited (`payouts:maker-checker-refused`), as a four-eyes refusal is.
 */
export async function refuseOwnTerminalRequest(
  store: WorkStore,
  tx: { tid: number },
  /** Who opened the request in the virtual terminal, read with it (readRequestForAction); null: not opened there. */
  terminalAgent: string | null,
  operator: string,
  action: 'payouts:approve' | 'payouts:split',
): Promise<void> {
  if (terminalAgent === null || operator === SANDBOX_OPERATOR || terminalAgent !== operator) return;
  await store.audit.append({
    operator,
    action: 'payouts:maker-checker-refused',
    itemKind: 'transaction',
    itemId: String(tx.tid),
    details: { attempted: action, openedInTerminalBy: terminalAgent },
  });
  throw new DeskError(
    'FORBIDDEN',
    `${operator} opened request ${tx.tid} in the virtual terminal, so someone else must pay it out: ask a colleague with the back-office or manager role. Nothing was sent.`,
  );
}
