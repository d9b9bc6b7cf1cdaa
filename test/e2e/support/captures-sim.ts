import { expect, type Locator, type Page } from '@playwright/test';
import { createPraxisClient } from '../../../src/core/praxis';
import { SANDBOX_SAMPLE } from '../../../src/shared/domain';
import type { SIM_CARD_BRANDS } from '../../../src/core/sandbox/types';
import { openDesk, type DeskHostHandle } from './desk-host';
import { payoutsSim } from './payouts-sim';
import { rowWithTid } from './queue-rows';

/** The e2e specs' view of the embedded simulator for holds: authorize as a customer would, read what was captured. */
export function capturesSim(desk: () => DeskHostHandle) {
  return capturesSimAt(payoutsSim(desk).base);
}

/** The same view of a simulator the spec started itself (at `base`); cancelAtPraxis signs as the sample merchant. */
export function capturesSimAt(base: () => Promise<string>) {
  const admin = async (path: string, body: unknown, method = 'POST') => {
    const res = await fetch(`${await base()}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`Simulator refused ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  return {
    base,
    admin,
    /** An authorization (hold) made at the simulator; Praxis then notifies the desk. */
    async authorize(
      cid: string,
      currency: string,
      amountMinor: number,
      cardType?: SimCardBrand,
      orderId?: string,
    ): Promise<number> {
      const body = {
        cid,
        currency,
        amount: amountMinor,
        ...(cardType ? { card_type: cardType } : {}),
        ...(orderId ? { order_id: orderId } : {}),
      };
      return ((await admin('/_sim/authorizations', body)) as { tid: number }).tid;
    },
    async record(tid: number): Promise<HoldRecord> {
      const res = await fetch(`${await base()}/_sim/transactions/${tid}`);
      if (!res.ok) throw new Error(`The simulator has no transaction ${tid}: ${res.status}`);
      return (await res.json()) as HoldRecord;
    },
    setFaults: (faults: Record<string, unknown>) => admin('/_sim/faults', faults),
    clearFaults: async () => void (await fetch(`${await base()}/_sim/faults`, { method: 'DELETE' })),
    /** Someone releases the hold straight at Praxis (another desk, the back office), signed as Praxis expects. */
    async cancelAtPraxis(tid: number): Promise<void> {
      const client = createPraxisClient({ baseUrl: await base(), ...SANDBOX_SAMPLE, timeoutMs: 10_000 });
      await client.cancelAuthorization(tid);
    },
  };
}

export type SimCardBrand = (typeof SIM_CARD_BRANDS)[number];

export interface HoldRecord {
  order_id: string;
  transaction: {
    transaction_status: string;
    amount: number;
    status_details?: string | null;
    card?: { card_type: string; card_number: string } | null;
  };
  capturesMade: number;
  cancelsMade: number;
}

export const captureQueue = (page: Page) => page.getByRole('table', { name: 'Capture queue' });
export const holdRow = (page: Page, tid: number): Locator => rowWithTid(captureQueue(page), tid);
export const captureSearch = (page: Page) => page.getByLabel('Search customer, tid or order id');

/** Opens the Captures screen narrowed to one test's customer, focus back on the list so the keys act on it. */
export async function openCapturesFor(page: Page, desk: DeskHostHandle, cid: string): Promise<void> {
  await openDesk(page, desk);
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Captures/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Captures', level: 1 })).toBeVisible();
  await captureSearch(page).fill(cid);
  await captureSearch(page).press('Enter');
}
