import { expect, type Locator, type Page } from '@playwright/test';
import { openDesk, type DeskHostHandle } from './desk-host';
import { rowWithTid } from './queue-rows';

/** The e2e specs' view of the embedded simulator: make requests as a customer would, read what was really paid. */
export function payoutsSim(desk: () => DeskHostHandle) {
  return payoutsSimAt(async () => {
    const url = (await desk().core.info()).simulatorUrl;
    if (!url)
      throw new Error('The desk core did not start its embedded sandbox simulator (AppInfo.simulatorUrl is null).');
    return url;
  });
}

/** The same view of a simulator the spec started itself (at `base`), e.g. one with a merchant of its own. */
export function payoutsSimAt(base: () => Promise<string>) {
  async function record(tid: number): Promise<SimRecord> {
    const res = await fetch(`${await base()}/_sim/transactions/${tid}`);
    if (!res.ok) throw new Error(`The simulator has no transaction ${tid}: ${res.status}`);
    return (await res.json()) as SimRecord;
  }
  return {
    base,
    record,
    /** A withdrawal request made at the simulator (a new cid named as given); Praxis then notifies the desk. */
    async createRequest(
      cid: string,
      currency: string,
      amountMinor: number,
      name?: { first_name: string; last_name: string },
    ): Promise<number> {
      const res = await fetch(`${await base()}/_sim/withdrawal-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cid, currency, amount: amountMinor, ...(name ? { customer_data: name } : {}) }),
      });
      if (res.status !== 201)
        throw new Error(`Simulator refused the withdrawal request: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { tid: number }).tid;
    },
    /** Every payout the simulator made for a request (its parts), amount by part tid. */
    async partsPaid(tid: number): Promise<Map<number, number>> {
      const rec = await record(tid);
      const out = new Map<number, number>();
      for (const p of rec.parts) out.set(p, (await record(p)).transaction.amount);
      return out;
    },
  };
}

export interface SimRecord {
  transaction: { transaction_status: string; amount: number };
  remainingMinor: number;
  parts: number[];
  payoutsMade: number;
  cancelsMade: number;
}

export const queue = (page: Page) => page.getByRole('table', { name: 'Payout queue' });
export const queueRow = (page: Page, tid: number): Locator => rowWithTid(queue(page), tid);
export const lastAction = (page: Page) => page.getByLabel('Last action');
/** Selects a request, opens its approval with the A key and pays it out with the dialog's default gateway. */
export async function approveRow(page: Page, tid: number): Promise<void> {
  await queueRow(page, tid).click();
  await page.keyboard.press('a');
  await page
    .getByRole('dialog', { name: 'Approve withdrawal' })
    .getByRole('button', { name: 'Approve and pay' })
    .click();
}
/** Selects a request, opens its reject dialog with the R key and picks the reason by its number key (1–9). */
export async function openRejectByKeys(page: Page, tid: number, reasonKey: string): Promise<Locator> {
  await queueRow(page, tid).click();
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: 'Reject withdrawal' });
  await page.keyboard.press(reasonKey);
  return dialog;
}
/** Rejects a request with the reason under `reasonKey` and `note`; the outcome says no money moved. */
export async function rejectRow(page: Page, tid: number, reasonKey: string, note: string): Promise<void> {
  const dialog = await openRejectByKeys(page, tid, reasonKey);
  await dialog.getByLabel(/Note/).fill(note);
  await dialog.getByRole('button', { name: 'Reject request' }).click();
  await expect(lastAction(page)).toContainText('No money moved.');
}
export const searchBox = (page: Page) => page.getByLabel('Search customer id, name or tid');

/** Narrows the queue to one test's customer so its rows are on screen whatever else is waiting. */
export async function openQueueFor(page: Page, desk: DeskHostHandle, cid: string): Promise<void> {
  await openDesk(page, desk);
  // On a desk already open elsewhere (openDesk does not reload it, so a sign-in stays), go to the queue first.
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Payouts/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
  await searchBox(page).fill(cid);
  // Back to the list so the triage keys act on the queue, not the search box.
  await searchBox(page).press('Enter');
}
