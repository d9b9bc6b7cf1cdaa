/** Server-rendered HTML of the simulated hosted card page: no scripts, no external assets. */
import { formatMoney } from '../../shared/money';
import type { SimSession } from './book-types';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Our own pages only: inline styles, forms posting to ourselves, nothing else. */
export const HOSTED_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors *; base-uri 'none'";

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body{font:15px system-ui,sans-serif;background:#f4f5f7;margin:0;padding:32px;color:#1d2433}
main{max-width:420px;margin:auto;background:#fff;border-radius:10px;padding:24px;box-shadow:0 1px 4px #0002}
h1{font-size:18px;margin:0 0 4px}.muted{color:#667085;font-size:13px}label{display:block;margin:12px 0 4px;font-weight:600}
input{width:100%;box-sizing:border-box;padding:8px;border:1px solid #c8ccd4;border-radius:6px;font-size:15px}
button{margin-top:16px;padding:10px 16px;border:0;border-radius:6px;background:#2453d4;color:#fff;font-size:15px;cursor:pointer}
button.secondary{background:#b42318}.error{color:#b42318;margin-top:12px}.ok{color:#067647}
</style></head><body><main>${body}</main></body></html>`;
}

const header = (s: SimSession) =>
  `<h1>Praxis sandbox — ${s.intent === 'authorization' ? 'card authorization' : s.intent === 'withdrawal' ? 'withdrawal to card' : 'card payment'}</h1>
<p class="muted">Order ${esc(s.order_id)} · customer ${esc(s.cid)}${s.agentName ? ` · agent ${esc(s.agentName)}` : ''}</p>
<p><strong>${s.amount !== null ? esc(formatMoney(s.amount, s.currency)) : `Amount in ${esc(s.currency)} to be entered`}</strong></p>`;

export const TEST_CARDS_HELP =
  'Test cards: 4111 1111 1111 1111 approves · 4000 0000 0000 0002 declines · 4000 0000 0000 3220 asks for a second step.';

export function cardFormPage(s: SimSession, error?: string): string {
  return page(
    'Card details',
    `${header(s)}<form method="post" action="/hpp/${esc(s.auth_token)}/pay" autocomplete="off">
${s.amount === null ? `<label for="amount">Amount (${esc(s.currency)})</label><input id="amount" name="amount" inputmode="decimal" required>` : ''}
<label for="card_number">Card number</label><input id="card_number" name="card_number" inputmode="numeric" required>
<label for="card_exp">Expiry (MM/YYYY)</label><input id="card_exp" name="card_exp" placeholder="12/2030" required>
<label for="cvv">CVV</label><input id="cvv" name="cvv" inputmode="numeric" maxlength="4" required>
<label for="card_holder">Card holder</label><input id="card_holder" name="card_holder">
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<button type="submit">${s.intent === 'withdrawal' ? 'Request withdrawal' : 'Pay'}</button></form><p class="muted">${esc(TEST_CARDS_HELP)}</p>`,
  );
}

export function challengePage(s: SimSession, maskedCard: string): string {
  return page(
    'Verify payment',
    `${header(s)}<p>Your bank asks you to confirm this payment with card ${esc(maskedCard)} (simulated 3-D Secure).</p>
<form method="post" action="/hpp/${esc(s.auth_token)}/challenge"><button name="decision" value="approve">Approve</button>
<button name="decision" value="fail" class="secondary">Fail</button></form>`,
  );
}

export function resultPage(s: SimSession, outcome: { approved: boolean; tid: number; status: string }): string {
  const what = outcome.approved
    ? s.intent === 'authorization'
      ? 'Authorized (capture expected)'
      : s.intent === 'withdrawal'
        ? 'Withdrawal requested (waiting for the merchant)'
        : 'Payment approved'
    : 'Declined by the card issuer';
  return page(
    'Result',
    `${header(s)}<p class="${outcome.approved ? 'ok' : 'error'}" role="status"><strong>${esc(what)}</strong></p>
<p class="muted">Transaction ${outcome.tid} · status ${esc(outcome.status)}</p>
${outcome.approved ? '' : `<p><a href="/hpp/${esc(s.auth_token)}">Try another card</a></p>`}
${s.returnUrl ? `<p><a href="${esc(s.returnUrl)}">Continue</a></p>` : ''}`,
  );
}

export function closedPage(message: string): string {
  return page('Payment page', `<h1>Praxis sandbox</h1><p>${esc(message)}</p>`);
}
