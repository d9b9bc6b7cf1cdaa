import { expect, type FrameLocator, type Page } from '@playwright/test';
import { dispatch } from '../../../src/core/commands/dispatch';
import { createMemoryLogger } from '../../../src/core/log';
import type { Channel } from '../../../src/shared/ipc/contract';
import { openDesk, type DeskHostHandle } from './desk-host';

export const TEST_CARDS = { approve: '4111111111111111', decline: '4000000000000002' };

export async function openTerminal(page: Page, desk: DeskHostHandle): Promise<void> {
  await openDesk(page, desk);
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Virtual terminal/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Virtual terminal', level: 1 })).toBeVisible();
}

export interface CallerSpec {
  cid: string;
  intent?: 'payment' | 'authorization' | 'withdrawal';
  currency?: string;
  amount?: string | null;
}

/** Types the caller's details as an agent would, reviews the amount in words and opens the page. */
export async function fillCaller(page: Page, c: CallerSpec): Promise<void> {
  await page.getByLabel('Customer id (cid)').fill(c.cid);
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Country (ISO code)').fill('GB');
  await page.getByLabel('Intent').selectOption(c.intent ?? 'payment');
  await page.getByLabel('Currency').fill(c.currency ?? 'EUR');
  if (c.amount === null) await page.getByLabel('Leave the amount open').check();
  else await page.getByRole('textbox', { name: 'Amount' }).fill(c.amount ?? '25.50');
}

/** The caller checks of the review step, each ticked as the agent goes through them with the caller. */
export const callerChecks = (page: Page) =>
  page.getByRole('group', { name: 'Caller check: tick each one with the caller' }).getByRole('checkbox');

export async function tickCallerChecks(page: Page): Promise<void> {
  for (const check of await callerChecks(page).all()) await check.check();
}

export async function openPage(page: Page): Promise<FrameLocator> {
  await page.getByRole('button', { name: 'Review and open…' }).click();
  await tickCallerChecks(page);
  await page.getByRole('button', { name: 'Confirm and open the payment page' }).click();
  const frame = page.frameLocator('iframe[title="Praxis payment page"]');
  await expect(frame.getByLabel('Card number')).toBeVisible();
  return frame;
}

/** What the caller types on Praxis's page (never on ours). */
export async function payWith(frame: FrameLocator, card: string, amount?: string): Promise<void> {
  if (amount) await frame.getByLabel(/^Amount/).fill(amount);
  await frame.getByLabel('Card number').fill(card);
  await frame.getByLabel('Expiry (MM/YYYY)').fill('12/2030');
  await frame.getByLabel('CVV').fill('123');
  await frame.getByRole('button', { name: /^(Pay|Request withdrawal)$/ }).click();
}

export const outcome = (page: Page) => page.getByRole('status', { name: 'Session outcome' });

/** A command straight to the core, as another window of the desk would send it. */
export async function command<T>(desk: DeskHostHandle, channel: Channel, input: unknown = {}): Promise<T> {
  const r = await dispatch(
    desk.core.handlers,
    channel,
    input,
    { transport: 'test', connection: 'test' },
    createMemoryLogger(),
  );
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

export async function simAdmin(desk: DeskHostHandle, path: string, body: unknown): Promise<void> {
  const { simulatorUrl } = await desk.core.info();
  const res = await fetch(`${simulatorUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
}

/** Runs `fn` with the sandbox's hosted pages expiring after `seconds` (abandoned sessions), then puts back 15 minutes. */
export async function withSessionTtl(desk: DeskHostHandle, seconds: number, fn: () => Promise<void>): Promise<void> {
  await simAdmin(desk, '/_sim/virtual-terminal', { session_ttl_seconds: seconds });
  try {
    await fn();
  } finally {
    await simAdmin(desk, '/_sim/virtual-terminal', { session_ttl_seconds: 900 });
  }
}
