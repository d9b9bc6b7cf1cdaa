import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { fileContains, filesUnder } from '../support/files';
import { deskHostForThisFile, openDesk, recordSocketFrames, screenshotPath } from './support/desk-host';
import { expectNoSeriousA11yViolations } from './support/axe';
import { cellsBrokenOverLines } from './support/text-lines';
import { holdRow, openCapturesFor } from './support/captures-sim';
import { openQueueFor, payoutsSim, queueRow, searchBox } from './support/payouts-sim';
import {
  callerChecks,
  command,
  fillCaller,
  openPage,
  openTerminal,
  outcome,
  payWith,
  TEST_CARDS,
  tickCallerChecks,
  withSessionTtl,
} from './support/terminal-page';
import type { TerminalSession } from '../../src/shared/terminal';
import { openSettings } from './support/settings-page';
import { auditRows, openAudit } from './support/audit-page';

const desk = deskHostForThisFile();
const run = randomBytes(3).toString('hex');

test('field errors are shown beside each field before anything is sent', async ({ page }) => {
  await openTerminal(page, desk());
  await fillCaller(page, { cid: `e2e-vt-bad-${run}`, currency: 'JPY', amount: '12.50' });
  await page.getByLabel('Email').fill('ada-at-example');
  await page.getByLabel('Country (ISO code)').fill('UK');
  await page.getByRole('button', { name: 'Review and open…' }).click();
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter an email such as name@example.com');
  await expect(page.getByLabel('Country (ISO code)')).toHaveAccessibleDescription(/two-letter ISO 3166 country code/);
  await expect(page.getByText(/JPY/).and(page.getByRole('alert'))).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm and open the payment page' })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('70-terminal-form-errors'), fullPage: true });

  // Typing in a field marked wrong takes its mark away (the next review judges it again); the others keep theirs.
  await page.getByLabel('Email').fill('ada@example.com');
  await expect(page.getByLabel('Email')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).not.toHaveAccessibleDescription(/Enter an email/);
  await expect(page.getByLabel('Country (ISO code)')).toHaveAttribute('aria-invalid', 'true');
});

test('a refused review puts the keyboard in the first field to fix, so the agent corrects it without the mouse', async ({
  page,
}) => {
  await openTerminal(page, desk());
  const review = page.getByRole('button', { name: 'Review and open…' });
  await review.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Customer id (cid)')).toBeFocused();
  await expect(page.getByLabel('Customer id (cid)')).toHaveAttribute('aria-invalid', 'true');

  // Filled but for a wrong email: the focus goes to that one field, past the good ones.
  await fillCaller(page, { cid: `e2e-vt-fix-${run}` });
  await page.getByLabel('Email').fill('ada-at-example');
  await review.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('ada@example.com');
  await review.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Confirm the session' })).toBeVisible();
});

test('an approved payment: the card is typed on Praxis\u2019s page only and never reaches the desk', async ({
  page,
}) => {
  const frames = recordSocketFrames(page);
  const cid = `e2e-vt-pay-${run}`;
  await openTerminal(page, desk());
  await fillCaller(page, { cid, amount: '25.50' });
  await page.getByRole('button', { name: 'Review and open…' }).click();
  await expect(page.getByRole('group', { name: 'Confirm the session' })).toContainText(
    'EUR 25.50 — twenty-five euros and fifty cents',
  );
  // The caller checks come before the page opens, and each is ticked first: consent before the card is taken.
  const confirm = page.getByRole('button', { name: 'Confirm and open the payment page' });
  await expect(confirm).toBeDisabled();
  await expect(confirm).toHaveAccessibleDescription('3 caller checks not ticked yet.');
  await expect(callerChecks(page).nth(2)).toHaveAccessibleName(/^Consent: /);
  await callerChecks(page).nth(0).check();
  await callerChecks(page).nth(1).check();
  await expect(confirm).toHaveAccessibleDescription('1 caller check not ticked yet.');
  await page.screenshot({ path: screenshotPath('71-terminal-confirm-in-words') });
  await callerChecks(page).nth(2).check();
  await confirm.click();
  const frame = page.frameLocator('iframe[title="Praxis payment page"]');
  await expect(frame.getByLabel('Card number')).toBeVisible();
  await expect(outcome(page)).toContainText('pending');
  await page.screenshot({ path: screenshotPath('72-terminal-hosted-page-and-caller-check') });

  await payWith(frame, TEST_CARDS.approve);
  await expect(outcome(page)).toContainText('approved');
  await expect(outcome(page)).toContainText('Approved: the money was taken.');
  await expect(outcome(page)).toBeFocused();
  await page.screenshot({ path: screenshotPath('73-terminal-approved') });
  await expect(page.getByRole('table', { name: 'Session history' })).toContainText(cid);

  // The audit has the session twice: the agent opening the page, and the desk recording that the customer paid.
  const [session] = (await command<TerminalSession[]>(desk(), 'terminal:history')).filter((s) => s.cid === cid);
  await openAudit(page);
  await page.getByLabel('Item id (tid or order id)').fill(session!.orderId);
  await expect(auditRows(page)).toHaveCount(2);
  await expect(auditRows(page).nth(0)).toContainText('Terminal outcome');
  await expect(auditRows(page).nth(0)).toContainText('Desk (automatic)');
  await expect(auditRows(page).nth(0)).toContainText('customer paid · money moved');
  await expect(auditRows(page).nth(0)).toContainText('EUR 25.50');
  await expect(auditRows(page).nth(1)).toContainText('Open terminal payment page');
  await page.screenshot({ path: screenshotPath('73b-audit-terminal-outcome') });

  // The card number went from the page to Praxis: not in the desk's traffic, log or data folder.
  const all = [...frames.received, ...frames.sent].join('\n');
  expect(all).not.toContain(TEST_CARDS.approve);
  expect(desk().logLines.join('\n')).not.toContain(TEST_CARDS.approve);
  for (const file of await filesUnder(desk().dataDir))
    expect(await fileContains(file, TEST_CARDS.approve), file).toBe(false);
});

test('a decline keeps the page for another card: the same session takes the money, and no second page is opened', async ({
  page,
}) => {
  const cid = `e2e-vt-retry-${run}`;
  await openTerminal(page, desk());
  await fillCaller(page, { cid, amount: '1200', currency: 'JPY' });
  const frame = await openPage(page);
  await payWith(frame, TEST_CARDS.decline);
  await expect(outcome(page)).toContainText('declined');
  // Said in so many words, for the agent to tell the caller: the decline took nothing.
  await expect(outcome(page)).toContainText('No money was taken.');
  await expect(outcome(page)).toContainText('Praxis says:');
  // Praxis keeps the page open after a decline: a second page beside it could charge the caller twice.
  await expect(outcome(page)).toContainText('The page stays open: try another card on it');
  await expect(page.getByRole('button', { name: 'Retry with another method' })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('74-terminal-declined') });

  await frame.getByRole('link', { name: 'Try another card' }).click();
  await payWith(frame, TEST_CARDS.approve);
  await expect(outcome(page)).toContainText('approved');
  await expect(outcome(page)).toContainText('JPY 1,200');
  const sessions = (await command<TerminalSession[]>(desk(), 'terminal:history')).filter((s) => s.cid === cid);
  expect(sessions.map((s) => s.state)).toEqual(['approved']);
  await expect(
    page.getByRole('table', { name: 'Session history' }).getByRole('row', { name: /\(retry\)/ }),
  ).toHaveCount(0);
});

test('an authorization taken here appears in the capture queue', async ({ page }) => {
  const cid = `e2e-vt-hold-${run}`;
  await openTerminal(page, desk());
  await fillCaller(page, { cid, intent: 'authorization', amount: '80.000', currency: 'KWD' });
  await payWith(await openPage(page), TEST_CARDS.approve);
  await expect(outcome(page)).toContainText('Authorized: the hold is in the capture queue.');
  const [session] = (await command<TerminalSession[]>(desk(), 'terminal:history')).filter((s) => s.cid === cid);
  await openCapturesFor(page, desk(), cid);
  await expect(holdRow(page, session!.tid!)).toContainText('KWD 80.000');
});

test('a withdrawal asked for by the caller lands in the payout queue', async ({ page }) => {
  const cid = `e2e-vt-wd-${run}`;
  await openTerminal(page, desk());
  // The customer's balance the desk knows comes from a deposit taken first.
  await fillCaller(page, { cid, amount: '300.00' });
  await payWith(await openPage(page), TEST_CARDS.approve);
  await expect(outcome(page)).toContainText('approved');
  await page.getByRole('button', { name: 'Close' }).click();

  // The same caller again: picked from the recent customers, the form fills itself.
  await page.getByLabel('Recent customer').selectOption(cid);
  await expect(page.getByLabel('Email')).toHaveValue('ada@example.com');
  await expect(page.getByLabel('Customer id (cid)')).toHaveValue(cid);
  await fillCaller(page, { cid, intent: 'withdrawal', amount: '120.00' });
  // The caller check's consent reads for a withdrawal too: nobody is "charged" for one.
  await page.getByRole('button', { name: 'Review and open…' }).click();
  await expect(callerChecks(page).nth(2)).toHaveAccessibleName(
    /^Consent: the caller asked for this deposit or withdrawal/,
  );
  await expect(callerChecks(page).nth(2)).not.toHaveAccessibleName(/charged/);
  await page.getByRole('button', { name: 'Change something' }).click();
  await payWith(await openPage(page), TEST_CARDS.approve);
  await expect(outcome(page)).toContainText('Withdrawal requested: it is in the payout queue');
  await page.screenshot({ path: screenshotPath('75-terminal-withdrawal-requested') });
  // The history reads each time, amount and order id on one line, down to the window's smallest size (KWD 80.000 and
  // the order ids used to break).
  await page.setViewportSize({ width: 1024, height: 768 });
  const brokenOverLines = await cellsBrokenOverLines(page.getByRole('table', { name: 'Session history' }), [
    'Time',
    'Amount',
    'Order',
  ]);
  expect(brokenOverLines).toEqual([]);
  await page.screenshot({ path: screenshotPath('75b-terminal-history-1024') });
  await page.setViewportSize({ width: 1280, height: 800 });
  const [session] = (await command<TerminalSession[]>(desk(), 'terminal:history')).filter(
    (s) => s.cid === cid && s.intent === 'withdrawal',
  );
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Payouts/ })
    .click();
  await searchBox(page).fill(cid);
  await searchBox(page).press('Enter');
  await expect(queueRow(page, session!.tid!)).toContainText('EUR 120.00');
});

test('the history shows every order id whole, or its whole text on hover, beside the longest customer id at 1024 pixels', async ({
  page,
}) => {
  // The longest cid Praxis keeps (50 characters), with nowhere to break it, and the longest names.
  const cid = `e2e${run}`.padEnd(50, '7');
  await openTerminal(page, desk());
  await fillCaller(page, { cid });
  await page.getByLabel('First name').fill('Maximiliana'.padEnd(25, 'x'));
  await page.getByLabel('Last name').fill('Featherstonehaugh'.padEnd(25, 'y'));
  await payWith(await openPage(page), TEST_CARDS.approve);
  await expect(outcome(page)).toContainText('approved');
  await page.getByRole('button', { name: 'Close' }).click();
  await page.setViewportSize({ width: 1024, height: 768 });
  const history = page.getByRole('table', { name: 'Session history' });
  const [session] = (await command<TerminalSession[]>(desk(), 'terminal:history')).filter((s) => s.cid === cid);
  const row = history.getByRole('row').filter({ hasText: cid });
  await expect(row).toContainText(session!.orderId);
  await row.scrollIntoViewIfNeeded();
  // Each order id lies inside the history's panel, or its cell says the whole id on hover.
  const cut = await page.getByRole('region', { name: 'Session history' }).evaluate((panel) => {
    const table = panel.querySelector('table')!;
    const headers = [...table.tHead!.rows[0]!.cells].map((c) => c.textContent!.trim());
    const box = panel.getBoundingClientRect();
    const style = getComputedStyle(panel);
    const right = box.right - parseFloat(style.paddingRight);
    return [...table.tBodies[0]!.rows].flatMap((r) => {
      const cell = r.cells[headers.indexOf('Order')]!;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const inside = [...range.getClientRects()].every((rect) => rect.right <= right + 0.5);
      const whole = cell.scrollWidth <= cell.clientWidth;
      const hover = cell.querySelector('[title]')?.getAttribute('title') ?? cell.getAttribute('title');
      return (inside && whole) || hover === cell.textContent ? [] : [cell.textContent];
    });
  });
  expect(cut).toEqual([]);
  await page.screenshot({ path: screenshotPath('75c-terminal-history-long-customer-1024') });
});

test('an abandoned session expires and the agent sees it', async ({ page }) => {
  await withSessionTtl(desk(), 2, async () => {
    await openTerminal(page, desk());
    await fillCaller(page, { cid: `e2e-vt-gone-${run}`, amount: null });
    await openPage(page);
    await expect(outcome(page)).toContainText('Expired: the page was abandoned. No money was taken.', {
      timeout: 20_000,
    });
    await expect(outcome(page)).toContainText('Retry with another method');
    await page.screenshot({ path: screenshotPath('76-terminal-expired') });
  });
});

test('a reload mid-call brings the open session back with its card page, so the caller can still pay', async ({
  page,
}) => {
  const cid = `e2e-vt-reload-${run}`;
  await openTerminal(page, desk());
  await fillCaller(page, { cid, amount: '31.00' });
  await openPage(page);
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Virtual terminal/ })
    .click();
  await expect(outcome(page)).toContainText('pending');
  await expect(page.getByRole('heading', { name: /Ada Lovelace · EUR 31\.00/ })).toBeVisible();
  await payWith(page.frameLocator('iframe[title="Praxis payment page"]'), TEST_CARDS.approve);
  await expect(outcome(page)).toContainText('Approved: the money was taken.');
  await page.screenshot({ path: screenshotPath('77b-terminal-back-after-reload') });
});

test('a closed session is shown again from the history, and retried from there once it expired', async ({ page }) => {
  const cid = `e2e-vt-again-${run}`;
  await withSessionTtl(desk(), 2, async () => {
    await openTerminal(page, desk());
    await fillCaller(page, { cid, amount: '12.00' });
    await openPage(page);
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(outcome(page)).toHaveCount(0);
    const row = page.getByRole('table', { name: 'Session history' }).getByRole('row').filter({ hasText: cid });
    const first = (await row.getByRole('button', { name: /^Show session vt-/ }).textContent())!;
    await row.getByRole('button', { name: /^Show session vt-/ }).click();
    await expect(page.getByRole('region', { name: /^Session vt-/ })).toBeFocused();
    await expect(outcome(page)).toContainText('Expired: the page was abandoned. No money was taken.', {
      timeout: 20_000,
    });
    await page.getByRole('button', { name: 'Retry with another method' }).click();
    await expect(outcome(page)).toContainText('pending');
    await expect(page.frameLocator('iframe[title="Praxis payment page"]').getByLabel('Card number')).toBeVisible();
    const retry = (await outcome(page).textContent())!.match(/order (vt-[\w-]+)/)![1]!;

    // The expired session, shown again, points at its retry: no second retry of it (it could charge twice).
    await page.getByRole('button', { name: `Show session ${first}` }).click();
    await expect(outcome(page)).toContainText(`Retried as ${retry}`);
    await expect(page.getByRole('button', { name: 'Retry with another method' })).toHaveCount(0);
    await outcome(page)
      .getByRole('button', { name: `Show session ${retry}` })
      .click();
    await expect(outcome(page)).toContainText(`order ${retry}`);
  });
});

test('a customer id the desk knows offers to fill the form: from an earlier session, or from the payout queue', async ({
  page,
}) => {
  const served = `e2e-vt-known-${run}`;
  const fromQueue = `e2e-vt-queue-${run}`;
  await payoutsSim(desk).createRequest(fromQueue, 'EUR', 10_00, { first_name: 'Grace', last_name: 'Hopper' });
  await openTerminal(page, desk());
  await fillCaller(page, { cid: served, amount: '10.00' });
  await payWith(await openPage(page), TEST_CARDS.approve);
  await expect(outcome(page)).toContainText('approved');
  await page.getByRole('button', { name: 'Close' }).click();

  // A caller served before: typing their id is enough.
  await page.getByLabel('Customer id (cid)').fill(served);
  await page.getByRole('button', { name: 'Fill the form from the known customer Ada Lovelace' }).click();
  await expect(page.getByLabel('Email')).toHaveValue('ada@example.com');
  await expect(page.getByLabel('Country (ISO code)')).toHaveValue('GB');
  // Once filled, nothing more to offer.
  await expect(page.getByRole('button', { name: /^Fill the form from the known customer/ })).toHaveCount(0);

  // A customer the desk knows from their payout request: name as Praxis sent it.
  await page.getByLabel('Customer id (cid)').fill(fromQueue);
  await expect(page.getByRole('status').filter({ hasText: 'Known customer: Grace Hopper' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('78b-terminal-known-customer') });
  await page.getByRole('button', { name: 'Fill the form from the known customer Grace Hopper' }).click();
  await expect(page.getByLabel('First name')).toHaveValue('Grace');
  await expect(page.getByLabel('Last name')).toHaveValue('Hopper');
  // Praxis sent no email for her: the previous caller's is not left in the form.
  await expect(page.getByLabel('Email')).toHaveValue('');

  // An id the desk has never seen offers nothing.
  await page.getByLabel('Customer id (cid)').fill(`e2e-vt-nobody-${run}`);
  await page.waitForTimeout(600);
  await expect(page.getByRole('button', { name: /^Fill the form from the known customer/ })).toHaveCount(0);
});

test("a refusal by the desk's validation is shown to the agent", async ({ page }) => {
  const settings = await command<Record<string, unknown>>(desk(), 'terminal-settings:get');
  try {
    // A manager sets the limit in Settings › Virtual terminal.
    await openDesk(page, desk());
    await openSettings(page);
    const panel = page.getByRole('region', { name: 'Virtual terminal settings' });
    await panel.getByLabel('Largest deposit per currency').fill('GBP 100.00');
    // From the keyboard: the focus stays on Save through the save, and the saved notice is a status.
    const save = panel.getByRole('button', { name: 'Save terminal settings' });
    await save.focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('status')).toHaveText('Terminal settings saved.');
    await expect(save).toBeFocused();
    await panel.screenshot({ path: screenshotPath('78-terminal-settings') });
    await openTerminal(page, desk());
    await fillCaller(page, { cid: `e2e-vt-limit-${run}`, amount: '150.00', currency: 'GBP' });
    const frame = await openPage(page);
    await payWith(frame, TEST_CARDS.approve);
    await expect(frame.getByRole('alert')).toContainText("above the merchant's limit of GBP 100.00");
    await expect(outcome(page)).toContainText("refused by the merchant's validation: Deposit of GBP 150.00");
    await page.screenshot({ path: screenshotPath('77-terminal-validation-refused') });
  } finally {
    await command(desk(), 'terminal-settings:save', settings);
  }
});

test('a looked-up payment opens a new terminal session for the same caller, form filled', async ({ page }) => {
  // A payment of this test's own: the test passes alone and after any other's failure.
  const cid = `e2e-vt-lookup-${run}`;
  await openTerminal(page, desk());
  await fillCaller(page, { cid, amount: '25.50' });
  await payWith(await openPage(page), TEST_CARDS.approve);
  await expect(outcome(page)).toContainText('approved');
  const [paid] = (await command<TerminalSession[]>(desk(), 'terminal:history')).filter(
    (s) => s.cid === cid && s.state === 'approved',
  );
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: /^Lookup/ })
    .click();
  await page.getByLabel(/Transaction ids \(tid\) or order ids/).fill(String(paid!.tid));
  await page.getByRole('button', { name: /^Look up/ }).click();
  await page.getByRole('button', { name: `New terminal session for the customer of ${paid!.tid}` }).click();
  await expect(page.getByRole('heading', { name: 'Virtual terminal', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Customer id (cid)')).toHaveValue(cid);
  await expect(page.getByLabel('Email')).toHaveValue('ada@example.com');
  await expect(page.getByRole('textbox', { name: 'Amount' })).toHaveValue('25.50');
});

test('a payout request’s detail pane opens a new terminal session for the same caller, form filled', async ({
  page,
}) => {
  const cid = `e2e-vt-from-payout-${run}`;
  const tid = await payoutsSim(desk).createRequest(cid, 'GBP', 12_345);
  await openQueueFor(page, desk(), cid);
  await queueRow(page, tid).click();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: `Request ${tid}` });
  await pane.getByRole('button', { name: `New terminal session for the customer of ${tid}` }).click();
  await expect(page.getByRole('heading', { name: 'Virtual terminal', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Customer id (cid)')).toHaveValue(cid);
  await expect(page.getByRole('textbox', { name: 'Amount' })).toHaveValue('123.45');
});

test('the review step keeps the keyboard’s place: in when it opens, back on "Change something", on to the session', async ({
  page,
}) => {
  const cid = `e2e-vt-focus-${run}`;
  await openTerminal(page, desk());
  await fillCaller(page, { cid, amount: '12.00' });
  const reviewButton = page.getByRole('button', { name: 'Review and open…' });
  const review = page.getByRole('group', { name: 'Confirm the session' });
  const confirm = page.getByRole('button', { name: 'Confirm and open the payment page' });
  const change = page.getByRole('button', { name: 'Change something' });

  await reviewButton.focus();
  await page.keyboard.press('Enter');
  await expect(review).toBeFocused();
  await expect(review).toHaveAccessibleDescription(/EUR 12\.00 — twelve euros/);
  await page.screenshot({ path: screenshotPath('79-terminal-review-focused') });
  // Tab goes through the caller checks (Space ticks each), then to the confirmation they let through.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    await expect(callerChecks(page).nth(i)).toBeFocused();
    await page.keyboard.press('Space');
  }
  await page.keyboard.press('Tab');
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(change).toBeFocused();
  // Going back: the focus is on "Review and open…" again, not on the page's body.
  await page.keyboard.press('Enter');
  await expect(review).toHaveCount(0);
  await expect(reviewButton).toBeFocused();

  // Finishing: the focus moves on to the session that opened. (Back in the review, the checks are asked again.)
  await page.keyboard.press('Enter');
  await expect(review).toBeFocused();
  await tickCallerChecks(page);
  await confirm.focus();
  await page.keyboard.press('Enter');
  const session = page.getByRole('region', { name: /^Session / }).filter({ has: outcome(page) });
  await expect(outcome(page)).toContainText('pending');
  await expect(session).toBeFocused();
  await page.screenshot({ path: screenshotPath('80-terminal-session-focused') });
  await page.keyboard.press('Tab');
  await expect(session.getByRole('button', { name: 'Close' })).toBeFocused();

  // Closing it: the new form's first field has the focus, ready for the next caller.
  await page.keyboard.press('Enter');
  await expect(session).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Customer id (cid)' })).toBeFocused();
  await page.screenshot({ path: screenshotPath('97-terminal-closed-focus-on-form') });
});

test('axe (WCAG 2.1 AA) finds nothing serious on the terminal form, its session panel and history', async ({
  page,
}) => {
  await openTerminal(page, desk());
  await expectNoSeriousA11yViolations(page, 'the terminal form and history');
  await fillCaller(page, { cid: `e2e-vt-axe-${run}`, amount: '10.00' });
  await openPage(page);
  await expectNoSeriousA11yViolations(page, 'the session panel with the hosted page and caller check');
});
