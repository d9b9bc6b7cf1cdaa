import type { CaptureRow } from '../../../../shared/captures';
import type { OutcomeWords } from '../../queue/outcome-text';
import { safeMoney } from '../../queue/money-text';

/** "Captured EUR 12.50 from Ann Lee (tid 7001)." before the core's words. */
export const CAPTURE_WORDS: OutcomeWords = {
  moved: (money, who, tid) => `Captured ${money} from ${who} (tid ${tid}).`,
  settled: (money, who, tid) => `Voided the hold of ${money} for ${who} (tid ${tid}); it is released to the customer.`,
  refused: (money, who, tid) => `${money} hold of ${who} (tid ${tid}) not sent or refused.`,
};

/** A hold's customer: the name, else the cid (an empty name is no name). */
export const customerOf = (r: Pick<CaptureRow, 'customerName' | 'cid'>): string =>
  r.customerName?.trim() || r.cid || 'unknown customer';

/** The card brand and masked number, or the wallet / method and its account. */
export const instrumentOf = (r: CaptureRow): string =>
  [r.cardType ?? r.paymentMethod ?? 'unknown method', r.destination].filter(Boolean).join(' ');

export const holdMoney = (r: CaptureRow): string => safeMoney(r.amountMinor, r.currency);
