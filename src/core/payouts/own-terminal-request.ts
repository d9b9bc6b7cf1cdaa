import { SANDBOX_OPERATOR } from '../../shared/access';
import { DeskError } from '../../shared/errors';
import type { WorkStore } from '../store/work-store';

/**
 * Maker and checker are two people (product.md, complaint 3): a withdrawal request opened in the virtual terminal is
 * not paid out by the operator who opened it, or an agent could send a customer's balance to a card of their choosing
 * and approve it themselves. The sandbox operator (no sign-in yet) is everyone at once, so the rule waits for names.
 */
export async function refuseOwnTerminalRequest(
  db: WorkStore['db'],
  tx: { tid: number; orderId: string | null },
  operator: string,
): Promise<void> {
  if (tx.orderId === null || operator === SANDBOX_OPERATOR) return;
  const { rows } = await db.query<{ agent: string }>(
    `SELECT agent FROM terminal_sessions WHERE order_id = $1 AND intent = 'withdrawal'`,
    [tx.orderId],
  );
  if (rows[0]?.agent === operator)
    throw new DeskError(
      'FORBIDDEN',
      `${operator} opened request ${tx.tid} in the virtual terminal, so someone else must pay it out. Nothing was sent.`,
    );
}
