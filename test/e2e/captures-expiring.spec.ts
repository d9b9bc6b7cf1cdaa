import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { deskHostForThisFile, openDesk, screenshotPath } from './support/desk-host';
import { capturesSim } from './support/captures-sim';

const run = randomBytes(3).toString('hex');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Screens' });

/**
 * Each test has a desk of its own, its default hold window shortened to 20 hours there: whatever else has run, its
 * hold is the only one in the last 24 hours, and either test passes alone. Praxis's seeded book stays out (its holds
 * are not about this).
 */
function ownDesk() {
  const desk = deskHostForThisFile({ seededSandbox: false });
  return { desk, sim: capturesSim(desk) };
}

/** Every hold on this desk falls in its last 24 hours: the default window becomes 20 hours. */
async function shortenDefaultWindow(page: Page) {
  await nav(page)
    .getByRole('button', { name: /^Settings/ })
    .click();
  const panel = page.getByRole('region', { name: 'Capture settings' });
  // Counted once the panel has loaded its windows (a count does not wait).
  await expect(panel.getByLabel('Hold window 1 days')).toBeVisible();
  const last = (await panel.getByRole('table', { name: 'Hold windows' }).getByRole('row').count()) - 1;
  await panel.getByLabel(`Hold window ${last} days`).fill('0');
  await panel.getByLabel(`Hold window ${last} hours`).fill('20');
  await panel.getByRole('button', { name: 'Save capture settings' }).click();
  await expect(panel.getByText('Capture settings saved.')).toBeVisible();
}

test.describe('the in-app banner, on a desk of its own', () => {
  const { desk, sim } = ownDesk();
  test('without notification permission, a hold entering its last 24 hours shows an in-app banner and a badge; Open goes to the hold', async ({
    page,
  }) => {
    await openDesk(page, desk());
    await shortenDefaultWindow(page);
    const tid = await sim.authorize(`e2e-expiring-${run}`, 'EUR', 3_300);

    const banner = page.getByRole('region', { name: 'Holds about to lapse' });
    await expect(banner).toContainText('1 hold entered the last 24 hours', { timeout: 30_000 });
    await expect(banner).toContainText(`e2e-expiring-${run} · EUR 33.00 · lapses in 19 h`);
    await expect(nav(page).getByRole('button', { name: /^Captures.*1 hold in the last 24 hours/ })).toBeVisible();
    await page.screenshot({ path: screenshotPath('48-captures-expiring-banner') });

    await banner.getByRole('button', { name: `Open hold ${tid}` }).click();
    await expect(page.getByRole('heading', { name: 'Captures', level: 1 })).toBeVisible();
    await expect(page.getByRole('complementary', { name: `Hold ${tid}` })).toBeVisible();
    await expect(banner).toHaveCount(0);
  });
});

test.describe('many holds entering their last 24 hours at once, on a desk of its own', () => {
  const { desk, sim } = ownDesk();
  test('the banner stays a few lines high, the queue below stays in view, and one button dismisses them all', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openDesk(page, desk());
    await shortenDefaultWindow(page);
    const tids: number[] = [];
    for (let i = 0; i < 12; i++) tids.push(await sim.authorize(`e2e-many-${run}-${i}`, 'EUR', 1_000 + i));
    const banner = page.getByRole('region', { name: 'Holds about to lapse' });
    await expect(banner).toContainText('12 holds entered the last 24 hours', { timeout: 30_000 });

    await nav(page)
      .getByRole('button', { name: /^Payouts/ })
      .click();
    // The screen's own heading is in the window's top half, whatever the banner holds.
    const heading = page.getByRole('heading', { name: 'Payouts', level: 1 });
    expect((await heading.boundingBox())!.y).toBeLessThan(768 / 2);
    await page.screenshot({ path: screenshotPath('48b-captures-expiring-many-1024') });

    // Dismissing one keeps the keyboard in the list: on the next hold's Dismiss.
    await banner.getByRole('button', { name: `Dismiss notice about hold ${tids[0]}` }).click();
    await expect(banner.getByRole('button', { name: `Dismiss notice about hold ${tids[1]}` })).toBeFocused();
    await expect(banner).toContainText('11 holds entered the last 24 hours');
    await banner.getByRole('button', { name: 'Dismiss all 11 notices' }).click();
    await expect(banner).toHaveCount(0);
    // The badge still counts them: dismissing the notice does not capture anything.
    await expect(nav(page).getByRole('button', { name: /^Captures.*12 holds in the last 24 hours/ })).toBeVisible();
  });
});

test.describe('the desktop notification, on a desk of its own', () => {
  const { desk, sim } = ownDesk();
  test('with notification permission, the desk raises a desktop notification instead of the banner', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['notifications']);
    // Records what the page asks the browser to show, then shows it with the browser's own Notification.
    await page.addInitScript(() => {
      const Real = window.Notification;
      const shown: string[] = [];
      (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push(`${title} — ${options?.body ?? ''}`);
        }
      }
      Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
      window.Notification = Recorded as unknown as typeof Notification;
    });
    await openDesk(page, desk());
    await shortenDefaultWindow(page);
    const tid = await sim.authorize(`e2e-notified-${run}`, 'JPY', 1_200);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications), {
        timeout: 30_000,
      })
      .toEqual([expect.stringContaining(`Hold ${tid} lapses within 24 hours — e2e-notified-${run} · JPY 1,200`)]);
    await expect(page.getByRole('region', { name: 'Holds about to lapse' })).toHaveCount(0);
    await expect(nav(page).getByRole('button', { name: /^Captures.*1 hold in the last 24 hours/ })).toBeVisible();
  });
});
