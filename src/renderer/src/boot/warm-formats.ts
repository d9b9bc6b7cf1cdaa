import { formatAmount } from '../../../shared/money';

/**
 * A fresh page's first number or date formatting costs tens of ms (ICU loads its data); done here, while the page
 * waits for its first rows, the first render of the queue does not pay it. The same calls the queue's cells make.
 */
export function warmFormats(): void {
  (0).toLocaleString('en');
  formatAmount(0, 'EUR');
  new Date(0).toLocaleString();
}
