import { expect, test, type Locator, type Page } from '@playwright/test';
import { deskHostForThisFile, openDesk, screenshotPath } from './support/desk-host';

// A filter pick-list that shows "all curre…" or "any ri…" hides which filter is on: each shows its choice in full.
const desk = deskHostForThisFile();

/**
 * The pick-lists of the queue's filter bar narrower than Chromium draws their shown option with its arrow: a copy
 * beside each, sized to its content and free of the bar's limits, says the width the choice needs.
 */
const cutPickLists = (bar: Locator): Promise<string[]> =>
  bar.evaluate((el) =>
    [...el.querySelectorAll('select')].flatMap((s) => {
      const copy = s.cloneNode(true) as HTMLSelectElement;
      copy.value = s.value;
      copy.removeAttribute('aria-label');
      copy.style.cssText =
        'position:absolute;visibility:hidden;field-sizing:content;width:auto;min-width:0;max-width:none;flex:none';
      el.append(copy);
      const needs = copy.offsetWidth;
      copy.remove();
      const has = s.offsetWidth;
      return needs > has + 0.5
        ? [`${s.getAttribute('aria-label')} "${s.selectedOptions[0]?.text}" lacks ${needs - has} px`]
        : [];
    }),
  );

const filterBar = (page: Page) => page.getByRole('search', { name: 'Filter the queue' });

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  test(`at ${size.width} pixels every filter pick-list of both queues shows its choice in full`, async ({ page }) => {
    await page.setViewportSize(size);
    await openDesk(page, desk());
    await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
    expect(await cutPickLists(filterBar(page)), 'payouts, as opened').toEqual([]);
    await filterBar(page).getByRole('combobox', { name: 'Status' }).selectOption({ label: 'outcome unknown' });
    expect(await cutPickLists(filterBar(page)), 'payouts, status "outcome unknown"').toEqual([]);
    await page.screenshot({ path: screenshotPath(`60-payout-filters-${size.width}`) });
    await filterBar(page).getByRole('button', { name: 'Clear' }).click();

    await page.getByRole('button', { name: /^Captures/ }).click();
    await expect(page.getByRole('heading', { name: 'Captures', level: 1 })).toBeVisible();
    expect(await cutPickLists(filterBar(page)), 'captures, as opened').toEqual([]);
    await page.screenshot({ path: screenshotPath(`61-capture-filters-${size.width}`) });
  });
}

/** The search box narrower than its hint (what it searches, and its key "/"): the px the hint lacks, else 0. */
const searchHintLacks = (box: Locator): Promise<number> =>
  box.evaluate((el) => {
    const input = el as HTMLInputElement;
    const copy = input.cloneNode(true) as HTMLInputElement;
    copy.removeAttribute('id');
    copy.removeAttribute('aria-label');
    copy.style.cssText =
      'position:absolute;visibility:hidden;field-sizing:content;width:auto;min-width:0;max-width:none;flex:none';
    input.parentElement!.append(copy);
    const needs = copy.offsetWidth;
    copy.remove();
    return Math.max(0, needs - input.offsetWidth);
  });

test('at 1024 pixels the search box of both queues shows its whole hint, the / key included', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openDesk(page, desk());
  const payoutsSearch = filterBar(page).getByRole('textbox', { name: /^Search/ });
  await expect(payoutsSearch).toHaveAttribute('placeholder', /\(\/\)$/);
  expect(await searchHintLacks(payoutsSearch), 'payouts search hint').toBe(0);
  await page.getByRole('button', { name: /^Captures/ }).click();
  await expect(page.getByRole('heading', { name: 'Captures', level: 1 })).toBeVisible();
  const capturesSearch = filterBar(page).getByRole('textbox', { name: /^Search/ });
  expect(await searchHintLacks(capturesSearch), 'captures search hint').toBe(0);
  await page.screenshot({ path: screenshotPath('62-capture-search-hint-1024') });
  // The pick-lists still show their choices in full beside it.
  expect(await cutPickLists(filterBar(page))).toEqual([]);
});
