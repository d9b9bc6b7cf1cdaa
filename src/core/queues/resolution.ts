/** Pieces every queue's reconcile rules use: the lookup itself and the words of an unresolved answer. */
import { isDeskError } from '../../shared/errors';
import type { PraxisClient } from '../praxis';
import type { WorkStore } from '../store/work-store';
import { ingestAnswer } from './item-state';
import type { Resolution } from './queue-kind';

/** An error in words for a reconcile message: its code and text. */
export const errorWords = (err: unknown) => (isDeskError(err) ? `${err.code}: ${err.message}` : String(err));

/** A lookup that did not settle the outcome: the item stays blocked, with what was found. */
export const stillUnknown = (message: string, foundStatus: string | null = null): Resolution => ({
  state: 'unknown',
  moneyMoved: 'unknown',
  message,
  foundStatus,
});

/** "30 min", "0.5 min". */
export const minutesText = (ms: number) => `${Math.round(ms / 6_000) / 10} min`;

/** How long ago the entry's send began (else its begin), by the caller's clock (tests move it with ResolveOptions.now). */
export const sinceSend = (entry: { createdAt: Date; sendStartedAt?: Date | null }, now?: Date) =>
  (now ?? new Date()).getTime() - (entry.sendStartedAt ?? entry.createdAt).getTime();

/** find-transaction for the item, stored; its status in lower case, or a Resolution saying the lookup failed. */
export async function lookUpStatus(
  client: PraxisClient,
  store: WorkStore,
  tid: number,
): Promise<{ status: string } | { failed: Resolution }> {
  try {
    const found = await client.findTransaction(tid);
    await ingestAnswer(store, found);
    return { status: found.transaction.transaction_status.toLowerCase() };
  } catch (err) {
    return {
      failed: stillUnknown(
        `find-transaction for ${tid} did not answer usefully (${errorWords(err)}); the outcome is still unknown. Reconcile again when Praxis is reachable.`,
      ),
    };
  }
}
