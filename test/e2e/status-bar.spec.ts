import { expect, test, type Page } from '@playwright/test';
import { deskHostForThisFile, openDesk, screenshotPath, statusItem } from './support/desk-host';

// The status bar took two rows at 1024 pixels (the sandbox operator's note is long): it keeps to one at any width.
const desk = deskHostForThisFile();
// The last test adds a manager, which ends the sandbox operator the others look at.
test.describe.configure({ mode: 'serial' });

/** What the person must always read whole: where actions go, whether Praxis answers, whether the host is there. */
const NEVER_CUT = ['Environment', 'Praxis connection', 'Browser host link'];

/**
 * The bar's items as drawn: their row, whether they reach past the window, the text of each part that clips (more
 * to show than it draws: wider, or lines below the first), and their hover text.
 */
const barItems = (page: Page) =>
  page.getByRole('contentinfo', { name: 'Status' }).evaluate((b) =>
    [...b.children]
      .map((el) => el as HTMLElement)
      .filter((el) => el.offsetWidth > 0 && el.textContent!.trim() !== '')
      .map((el) => {
        const box = el.getBoundingClientRect();
        return {
          name: el.getAttribute('aria-label') ?? el.textContent!,
          top: Math.round(box.top),
          beyond: box.right > window.innerWidth + 1,
          cut: [el, ...el.querySelectorAll<HTMLElement>('*')]
            .filter(
              (part) =>
                getComputedStyle(part).overflow !== 'visible' &&
                (part.scrollWidth > part.clientWidth + 1 || part.scrollHeight > part.clientHeight + 1),
            )
            .map((part) => part.textContent!.trim()),
          title: el.getAttribute('title') ?? '',
        };
      }),
  );
type BarItem = Awaited<ReturnType<typeof barItems>>[number];

/** One row, inside the window, nothing cut that must be read whole, and what is cut is on hover in full. */
function expectOneRowOfWholeItems(items: BarItem[]): void {
  expect(new Set(items.map((i) => i.top)).size, `one row: ${JSON.stringify(items)}`).toBe(1);
  expect(items.filter((i) => i.beyond).map((i) => i.name)).toEqual([]);
  expect(items.filter((i) => i.cut.length > 0 && NEVER_CUT.includes(i.name)).map((i) => i.name)).toEqual([]);
  for (const item of items) for (const words of item.cut) expect(item.title, `${item.name} on hover`).toContain(words);
}

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} pixels the status bar keeps to one row; what is cut shows its full text on hover`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 700 });
    await openDesk(page, desk());
    await expect(statusItem(page, 'Operator')).toContainText('Sandbox operator');
    const items = await barItems(page);
    expectOneRowOfWholeItems(items);
    // The operator's name is never cut, only the note after it: its letters lie inside the item's padding edge.
    const nameInside = await statusItem(page, 'Operator').evaluate((item) => {
      const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('Sandbox operator');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'Sandbox operator'.length);
        const edge = item.getBoundingClientRect().right - parseFloat(getComputedStyle(item).paddingRight);
        return range.getBoundingClientRect().right <= edge + 0.5;
      }
      return false;
    });
    expect(nameInside, 'the operator name is drawn whole').toBe(true);
    // Assistive technology still reads every word.
    expect(await statusItem(page, 'Operator').ariaSnapshot()).toContain(
      'Sandbox operator — every role, no sign-in until a manager is added',
    );
    // At 1024 the row is full: something gave way, so the checks above looked at a cut item.
    if (width === 1024) expect(items.filter((i) => i.cut.length > 0).length).toBeGreaterThan(0);
    await page
      .getByRole('contentinfo', { name: 'Status' })
      .screenshot({ path: screenshotPath(`70-status-bar-${width}`) });
  });
}

test('signed in as a back-office operator with a long name, the bar keeps to one row at 1024 pixels, Lock and Sign out whole', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openDesk(page, desk());
  const operators = page.getByRole('region', { name: 'Operators' });
  const add = async (name: string, pin: string, role: 'manager' | 'backoffice') => {
    await operators.getByLabel('Operator name').fill(name);
    await operators.getByLabel('Operator PIN').fill(pin);
    await operators.getByLabel('Operator role').selectOption(role);
    await operators.getByRole('button', { name: 'Add operator' }).click();
  };
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Settings/ })
    .click();
  await add('Mia', '91827', 'manager');
  const form = page.getByRole('region', { name: 'Sign in to Praxis Desk' });
  await form.getByLabel('Operator name').fill('Mia');
  await form.getByLabel('PIN').fill('91827');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Settings/ })
    .click();
  await add('Margarethe Vandenberghe', '48213', 'backoffice');
  await statusItem(page, 'Operator').getByRole('button', { name: 'Sign out' }).click();
  await form.getByLabel('Operator name').fill('Margarethe Vandenberghe');
  await form.getByLabel('PIN').fill('48213');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(statusItem(page, 'Operator')).toContainText('Margarethe Vandenberghe (Back-office)');

  const items = await barItems(page);
  expectOneRowOfWholeItems(items);
  // The words "Profile", "Environment" and "Operator" give their room at this width (still the items' names to a
  // screen reader): the profile and the person read whole.
  expect(items.filter((i) => i.cut.length > 0).map((i) => i.name)).toEqual([]);
  expect(await statusItem(page, 'Operator').ariaSnapshot()).toContain('Margarethe Vandenberghe (Back-office)');
  for (const name of ['Lock', 'Sign out']) {
    const button = statusItem(page, 'Operator').getByRole('button', { name });
    await expect(button).toBeInViewport({ ratio: 1 });
  }
  await page
    .getByRole('contentinfo', { name: 'Status' })
    .screenshot({ path: screenshotPath('71-status-bar-signed-in-1024') });
});

test.describe('on a desk without a keychain', () => {
  const noKeychain = deskHostForThisFile({ noKeychain: true });
  test('signed in at 1024 pixels, with the keychain warning, the bar keeps to one row and the window does not scroll sideways', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openDesk(page, noKeychain());
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Settings/ })
      .click();
    const operators = page.getByRole('region', { name: 'Operators' });
    await operators.getByLabel('Operator name').fill('Mia Morgenstern');
    await operators.getByLabel('Operator PIN').fill('91827');
    await operators.getByLabel('Operator role').selectOption('manager');
    await operators.getByRole('button', { name: 'Add operator' }).click();
    const form = page.getByRole('region', { name: 'Sign in to Praxis Desk' });
    await form.getByLabel('Operator name').fill('Mia Morgenstern');
    await form.getByLabel('PIN').fill('91827');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(statusItem(page, 'Operator')).toContainText('Mia Morgenstern');
    await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(/keychain/i);

    expectOneRowOfWholeItems(await barItems(page));
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(sideways, 'the window scrolls sideways').toBe(false);
    for (const name of ['Lock', 'Sign out'])
      await expect(statusItem(page, 'Operator').getByRole('button', { name })).toBeInViewport({ ratio: 1 });
    await page
      .getByRole('contentinfo', { name: 'Status' })
      .screenshot({ path: screenshotPath('71b-status-bar-no-keychain-1024') });
  });
});
