import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { deskHostForThisFile, recordSocketFrames, screenshotPath, statusItem } from './support/desk-host';
import { approveRow, lastAction, payoutsSim, queue, queueRow, searchBox } from './support/payouts-sim';
import { fillCaller, openPage, outcome, payWith, TEST_CARDS } from './support/terminal-page';

// One desk for the file: it starts with no operators (sandbox mode); the first test adds the people the others use.
const desk = deskHostForThisFile();

const sim = payoutsSim(desk);

const PINS = { Mia: '91827', Ned: '66123', Al: '55123', Bo: '48213' } as const;

async function openAnyScreen(page: Page) {
  await page.goto(desk().host.url);
}

async function signIn(page: Page, operator: keyof typeof PINS) {
  const form = page.getByRole('region', { name: 'Sign in to Praxis Desk' });
  await form.getByLabel('Operator name').fill(operator);
  await form.getByLabel('PIN').fill(PINS[operator]);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(statusItem(page, 'Operator')).toContainText(operator);
}

async function goTo(page: Page, keys: string, heading: string) {
  await page.keyboard.press('g');
  await page.keyboard.press(keys);
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

async function addOperator(page: Page, name: keyof typeof PINS, role: 'agent' | 'backoffice' | 'manager') {
  const operators = page.getByRole('region', { name: 'Operators' });
  await operators.getByLabel('Operator name').fill(name);
  await operators.getByLabel('Operator PIN').fill(PINS[name]);
  await operators.getByLabel('Operator role').selectOption(role);
  await operators.getByRole('button', { name: 'Add operator' }).click();
}

test.describe.configure({ mode: 'serial' });

test('a fresh desk says it runs as the sandbox operator; the first manager turns sign-in on', async ({ page }) => {
  await openAnyScreen(page);
  await expect(statusItem(page, 'Operator')).toContainText('Sandbox operator — every role');
  await goTo(page, 's', 'Settings');
  await addOperator(page, 'Mia', 'manager');

  const signInForm = page.getByRole('region', { name: 'Sign in to Praxis Desk' });
  await expect(signInForm).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
  // The window that was the sandbox operator's says why it now asks for a PIN.
  await expect(signInForm.getByRole('status')).toContainText('Sign-in is on: the desk now has a manager');
  await page.screenshot({ path: screenshotPath('50a-sign-in-turned-on') });
  // A wrong PIN says only that the pair is not right.
  await signInForm.getByLabel('Operator name').fill('Mia');
  await signInForm.getByLabel('PIN').fill('00000');
  await signInForm.getByRole('button', { name: 'Sign in' }).click();
  await expect(signInForm.getByRole('alert')).toHaveText(/^The operator name or PIN is not right/);
  await page.screenshot({ path: screenshotPath('50-sign-in-refused') });
  await expectNoSeriousA11yViolations(page, 'the sign-in with a refusal');

  await signIn(page, 'Mia');
  await expect(statusItem(page, 'Operator')).toContainText('Mia (Manager)');
  await goTo(page, 's', 'Settings');
  // The only manager adds the others alone: nobody else could confirm.
  await addOperator(page, 'Al', 'agent');
  await addOperator(page, 'Bo', 'backoffice');
  await addOperator(page, 'Ned', 'manager');
  const list = page.getByRole('region', { name: 'Operators' }).getByRole('listitem');
  for (const name of ['Mia', 'Ned', 'Al', 'Bo']) await expect(list.filter({ hasText: name })).toHaveCount(1);
  await expect(page.getByLabel('Role of Al')).toHaveValue('agent');

  // With a second manager on the desk, a PIN Mia sets for someone else (one she would know) needs Ned's PIN too.
  const operators = page.getByRole('region', { name: 'Operators' });
  await operators.getByLabel('Operator name').fill('Eve');
  await operators.getByLabel('Operator PIN').fill('27182');
  await operators.getByLabel('Operator role').selectOption('agent');
  await operators.getByRole('button', { name: 'Add operator' }).click();
  const dialog = page.getByRole('dialog', { name: 'Second manager confirmation' });
  await expect(dialog).toContainText('Adding Eve lets whoever knows the PIN act as Eve');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(list.filter({ hasText: 'Eve' })).toHaveCount(0);
});

test('raising a four-eyes threshold needs a second manager’s PIN', async ({ page }) => {
  await openAnyScreen(page);
  await signIn(page, 'Mia');
  await goTo(page, 's', 'Settings');
  const payoutSettings = page.getByRole('region', { name: 'Payout settings' });
  // The first threshold row is EUR 5,000.00 by default; raising it lets more through with one person.
  await expect(payoutSettings.getByLabel('Threshold 1 currency')).toHaveValue('EUR');
  await payoutSettings.getByLabel('Threshold 1 amount').fill('9000.00');
  // From the keyboard: the focus is on Save when the dialog opens, and back on it once the confirmed change is saved.
  const save = payoutSettings.getByRole('button', { name: 'Save payout settings' });
  await save.focus();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Second manager confirmation' });
  await expect(dialog).toContainText('EUR raised from EUR 5,000.00 to EUR 9,000.00');
  await dialog.getByLabel('Second manager').fill('Ned');
  await dialog.getByLabel('Their PIN').fill(PINS.Ned);
  await page.screenshot({ path: screenshotPath('51-second-manager') });
  await expectNoSeriousA11yViolations(page, 'the second-manager dialog');
  await dialog.getByRole('button', { name: 'Confirm the change' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(payoutSettings.getByRole('status')).toHaveText('Payout settings saved.');
  await expect(payoutSettings.getByLabel('Threshold 1 amount')).toHaveValue('9000.00');
  await expect(save).toBeFocused();
  await page.screenshot({ path: screenshotPath('96-payout-settings-saved-focus-kept') });
});

test('Cancel in the second-manager dialog gives the focus back to the control that asked', async ({ page }) => {
  await openAnyScreen(page);
  await signIn(page, 'Mia');
  await goTo(page, 's', 'Settings');
  const dialog = page.getByRole('dialog', { name: 'Second manager confirmation' });

  // Save payout settings is busy while the change waits for the second manager; it keeps the focus meanwhile.
  const payoutSettings = page.getByRole('region', { name: 'Payout settings' });
  await payoutSettings.getByLabel('Threshold 1 amount').fill('9500.00');
  const save = payoutSettings.getByRole('button', { name: 'Save payout settings' });
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Second manager')).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(save).toBeFocused();
  await expect(payoutSettings.getByLabel('Threshold 1 amount')).toHaveValue('9500.00');
  await page.screenshot({ path: screenshotPath('56-second-manager-cancelled') });

  // Add operator is off while its name or PIN is empty: both are cleared as it is sent, and only the name is given
  // back when refused. The control before it keeps the keyboard's place until a PIN is typed again.
  const operators = page.getByRole('region', { name: 'Operators' });
  await operators.getByLabel('Operator name').fill('Cy');
  await operators.getByLabel('Operator PIN').fill('31415');
  await operators.getByLabel('Operator role').selectOption('manager');
  const add = operators.getByRole('button', { name: 'Add operator' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('Adding Cy as a manager');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(operators.getByLabel('Operator name')).toHaveValue('Cy');
  await expect(add).toBeDisabled();
  // The name field took the focus as the form was sent (see the next test), so the dialog gives it back there.
  await expect(operators.getByLabel('Operator name')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(operators.getByLabel('Operator PIN')).toBeFocused();
});

test('after Add operator the name field has the focus, ready for the next person, and the addition is announced', async ({
  page,
}) => {
  await openAnyScreen(page);
  await signIn(page, 'Mia');
  await goTo(page, 's', 'Settings');
  const operators = page.getByRole('region', { name: 'Operators' });
  const name = operators.getByLabel('Operator name');
  await name.fill('Dee');
  await operators.getByLabel('Operator PIN').fill('27182');
  await operators.getByLabel('Operator role').selectOption('agent');
  await operators.getByRole('button', { name: 'Add operator' }).focus();
  await page.keyboard.press('Enter');
  // Ned is a second manager on this desk: he confirms the PIN Mia gives Dee.
  const dialog = page.getByRole('dialog', { name: 'Second manager confirmation' });
  await dialog.getByLabel('Second manager').fill('Ned');
  await dialog.getByLabel('Their PIN').fill(PINS.Ned);
  await dialog.getByRole('button', { name: 'Confirm the change' }).click();
  await expect(operators.getByRole('status')).toHaveText('Operator “Dee” added.');
  await expect(operators.getByRole('listitem').filter({ hasText: 'Dee' })).toHaveCount(1);
  await expect(name).toHaveValue('');
  await expect(name).toBeFocused();
  // The next person's role is chosen afresh: adding staff in a row never makes managers by default.
  await expect(operators.getByLabel('Operator role')).toHaveValue('');
  await name.fill('Eve');
  await operators.getByLabel('Operator PIN').fill('16180');
  await expect(operators.getByRole('button', { name: 'Add operator' })).toBeDisabled();
});

test('an agent does not see Approve and is told why; lookup is theirs', async ({ page }) => {
  await openAnyScreen(page);
  await signIn(page, 'Al');
  await expect(statusItem(page, 'Operator')).toContainText('Al (Agent)');
  const nav = page.getByRole('navigation', { name: 'Screens' });
  await expect(nav.getByRole('button', { name: /^Payouts/ })).toHaveAccessibleDescription(
    'Needs the back-office or manager role. Al is signed in as agent.',
  );
  await goTo(page, 'p', 'Payouts');
  const refusal = page.getByRole('region', { name: 'Payouts is not for your role' });
  await expect(refusal).toContainText('Needs the back-office or manager role. Al is signed in as agent.');
  await expect(page.getByRole('button', { name: /Approve/ })).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('52-agent-refused-payouts') });
  await expectNoSeriousA11yViolations(page, 'an agent refused the payout queue');

  await goTo(page, 'l', 'Lookup');
  await expect(page.getByRole('region', { name: /is not for your role/ })).toHaveCount(0);
});

test('a page opened with sign-in on asks for no queue rows: none reach it before someone with the role signs in', async ({
  page,
  context,
}) => {
  const cid = `e2e-gate-${Date.now()}`;
  const tid = await sim.createRequest(cid, 'EUR', 4_100);
  // The request is in the desk's queue: a back-office person sees it on the start screen once signed in.
  await openAnyScreen(page);
  await signIn(page, 'Bo');
  await searchBox(page).fill(cid);
  await expect(queueRow(page, tid)).toContainText('EUR 41.00');

  // A new tab is signed out (sign-in belongs to its own connection): the page asks early, but never for rows.
  const fresh = await context.newPage();
  const frames = recordSocketFrames(fresh);
  await fresh.goto(desk().host.url);
  await expect(fresh.getByRole('region', { name: 'Sign in to Praxis Desk' })).toBeVisible();
  await expect(queue(fresh)).toHaveCount(0);
  await signIn(fresh, 'Al');
  // An agent lands on their first screen, the virtual terminal, not on the payout queue's refusal.
  await expect(fresh.getByRole('heading', { name: 'Virtual terminal', level: 1 })).toBeVisible();
  await expect(queue(fresh)).toHaveCount(0);
  expect(frames.received.join('\n')).not.toContain(cid);
  expect(frames.sent.some((f) => f.includes('"payouts:list"'))).toBe(false);
});

test('a back-office operator’s command palette offers their screens only: no profile switch, no settings', async ({
  page,
}) => {
  await openAnyScreen(page);
  await signIn(page, 'Bo');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('option')).toHaveText([
    'Go to Payouts',
    'Go to Lookup',
    /^Lock the desk/,
    /^Sign out/,
  ]);
  await expect(palette.getByRole('combobox', { name: 'Command' })).toHaveAttribute(
    'placeholder',
    'Type a command: go to…',
  );
  await page.screenshot({ path: screenshotPath('54-palette-back-office') });
  await page.keyboard.type('switch');
  await expect(palette.getByRole('option')).toHaveCount(0);
  await page.keyboard.press('Escape');
});

test('a back-office operator’s Lookup offers no terminal session for a looked-up customer: the terminal is not theirs', async ({
  page,
}) => {
  const tid = await sim.createRequest(`e2e-bo-lookup-${Date.now()}`, 'EUR', 4_100);
  await openAnyScreen(page);
  await signIn(page, 'Bo');
  await goTo(page, 'l', 'Lookup');
  await page.getByLabel(/Transaction ids \(tid\) or order ids/).fill(String(tid));
  await page.getByRole('button', { name: /^Look up/ }).click();
  const results = page.getByRole('table', { name: /Lookup results/ });
  await expect(results.getByRole('row').filter({ hasText: String(tid) })).toContainText('EUR 41.00');
  await expect(page.getByRole('button', { name: `New terminal session for the customer of ${tid}` })).toHaveCount(0);
});

test('signing in lands on a screen the role may open: a back-office operator after a manager left Settings sees Payouts', async ({
  page,
}) => {
  await openAnyScreen(page);
  await signIn(page, 'Mia');
  await goTo(page, 's', 'Settings');
  await statusItem(page, 'Operator').getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'Bo');
  await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: /is not for your role/ })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('55-sign-in-lands-on-allowed-screen') });

  // A screen the person may open is kept: Bo on Lookup, signed out and in again, is still on Lookup.
  await goTo(page, 'l', 'Lookup');
  await statusItem(page, 'Operator').getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'Bo');
  await expect(page.getByRole('heading', { name: 'Lookup', level: 1 })).toBeVisible();
});

test('the next person to sign in starts on a clear queue: no search, selection or last result left by the one before', async ({
  page,
}) => {
  const cid = `e2e-handover-${Date.now().toString(36)}`;
  const tid = await sim.createRequest(cid, 'EUR', 12_00);
  const paid = await sim.createRequest(cid, 'EUR', 13_00);
  await openAnyScreen(page);
  await signIn(page, 'Mia');
  await goTo(page, 'p', 'Payouts');
  await searchBox(page).fill(cid);
  await searchBox(page).press('Enter');
  await approveRow(page, paid);
  await expect(lastAction(page)).toContainText('Money moved.');
  await queueRow(page, tid).click();
  await page.keyboard.press('x');
  await statusItem(page, 'Operator').getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'Bo');
  await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
  await expect(searchBox(page)).toHaveValue('');
  await expect(queue(page).getByRole('checkbox', { checked: true })).toHaveCount(0);
  // Mia's "Money moved." would read as Bo's.
  await expect(lastAction(page)).toHaveCount(0);

  // The same person back after a sign-out finds the queue as they left it.
  await searchBox(page).fill(cid);
  await searchBox(page).press('Enter');
  await statusItem(page, 'Operator').getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'Bo');
  await expect(searchBox(page)).toHaveValue(cid);
});

test('"lock" in the command palette locks the desk at once', async ({ page }) => {
  await openAnyScreen(page);
  await signIn(page, 'Bo');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('lock');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'The desk is locked' })).toBeVisible();
  await page.getByRole('dialog', { name: 'The desk is locked' }).getByLabel('PIN').fill(PINS.Bo);
  await page.getByRole('dialog', { name: 'The desk is locked' }).getByRole('button', { name: 'Unlock' }).click();
  await expect(statusItem(page, 'Operator')).toContainText('Bo (Back-office)');
});

test('an idle desk locks, keeps the screen, and opens again with the same person’s PIN', async ({ page }) => {
  await page.clock.install();
  await openAnyScreen(page);
  await signIn(page, 'Bo');
  await goTo(page, 'p', 'Payouts');
  await expect(page.getByRole('status', { name: 'Queue count' })).toBeVisible();

  await page.clock.runFor('10:01');
  const lock = page.getByRole('dialog', { name: 'The desk is locked' });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('Bo was signed in');
  // The screen under the lock is the one Bo left, not a refusal.
  await expect(page.getByRole('region', { name: /is not for your role/ })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('53-idle-lock') });
  // Keys under the lock do nothing: G S would otherwise leave Payouts.
  await page.keyboard.press('Escape');
  await lock.getByLabel('PIN').fill('11111');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  // Only the PIN was asked for: the answer speaks of it, the tries left, and names nobody.
  const refusal = lock.getByRole('alert');
  await expect(refusal).toHaveText(
    'The PIN is not right. Check it and try again: 4 tries left before unlocking is paused.',
  );
  await expect(refusal).not.toContainText('Bo');
  await page.screenshot({ path: screenshotPath('57-idle-lock-wrong-pin') });
  await lock.getByLabel('PIN').fill(PINS.Bo);
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
  await expect(statusItem(page, 'Operator')).toContainText('Bo (Back-office)');
});

test('a forgotten PIN: a manager sets a new one, the old one stops working and the person’s window says why', async ({
  browser,
  page,
}) => {
  const bo = await (await browser.newContext()).newPage();
  await bo.goto(desk().host.url);
  await signIn(bo, 'Bo');

  await openAnyScreen(page);
  await signIn(page, 'Mia');
  await goTo(page, 's', 'Settings');
  const operators = page.getByRole('region', { name: 'Operators' });
  const setPin = operators.getByRole('button', { name: 'Set PIN for Bo' });
  await setPin.click();
  const dialog = page.getByRole('dialog', { name: 'Set PIN for Bo' });
  await dialog.getByLabel('New PIN (4 to 8 digits)').fill('12');
  await dialog.getByRole('button', { name: 'Set PIN' }).click();
  await expect(dialog.getByRole('alert')).toContainText('4 to 8 digits');
  await dialog.getByLabel('New PIN (4 to 8 digits)').fill('73190');
  // The refusal goes once the PIN is typed again.
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('58-set-pin') });
  await expectNoSeriousA11yViolations(page, 'the set-PIN dialog');
  await dialog.getByRole('button', { name: 'Set PIN' }).click();
  // A PIN Mia sets for Bo is one she knows: Ned, the desk's other manager, confirms it.
  const second = page.getByRole('dialog', { name: 'Second manager confirmation' });
  await expect(second).toContainText("Setting Bo's PIN lets whoever knows the PIN act as Bo");
  const confirmByNed = async () => {
    await second.getByLabel('Second manager').fill('Ned');
    await second.getByLabel('Their PIN').fill(PINS.Ned);
    await second.getByRole('button', { name: 'Confirm the change' }).click();
  };
  await confirmByNed();
  await expect(dialog).toHaveCount(0);
  await expect(setPin).toBeFocused();
  await expect(operators.getByRole('status')).toContainText('Bo’s new PIN is set');

  // Bo's window turns to the sign-in at once and says why; the old PIN is refused, the new one opens the desk.
  const boSignIn = bo.getByRole('region', { name: 'Sign in to Praxis Desk' });
  await expect(boSignIn.getByRole('status')).toContainText('A manager gave “Bo” a new PIN');
  await boSignIn.getByLabel('Operator name').fill('Bo');
  await boSignIn.getByLabel('PIN').fill(PINS.Bo);
  await boSignIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(boSignIn.getByRole('alert')).toContainText('The operator name or PIN is not right');
  await boSignIn.getByLabel('PIN').fill('73190');
  await boSignIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(statusItem(bo, 'Operator')).toContainText('Bo (Back-office)');

  // Back to the PIN the other tests of this file know.
  await setPin.click();
  await dialog.getByLabel('New PIN (4 to 8 digits)').fill(PINS.Bo);
  await dialog.getByRole('button', { name: 'Set PIN' }).click();
  await confirmByNed();
  await expect(dialog).toHaveCount(0);
});

test('a manager who sets their own PIN is told they stay signed in, and is', async ({ page }) => {
  await openAnyScreen(page);
  await signIn(page, 'Mia');
  await goTo(page, 's', 'Settings');
  const operators = page.getByRole('region', { name: 'Operators' });
  const dialog = page.getByRole('dialog', { name: 'Set PIN for Mia' });
  for (const pin of ['51730', PINS.Mia]) {
    await operators.getByRole('button', { name: 'Set PIN for Mia' }).click();
    await expect(dialog).toContainText('This is your own PIN: you stay signed in here');
    await dialog.getByLabel('New PIN (4 to 8 digits)').fill(pin);
    await dialog.getByRole('button', { name: 'Set PIN' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(operators.getByRole('status')).toHaveText(
      'Your new PIN is set. You stay signed in; it opens the desk from your next sign-in or unlock.',
    );
    await expect(statusItem(page, 'Operator')).toContainText('Mia (Manager)');
  }
});

test('the next agent does not inherit a declined call: the session leaves with its agent, and only that agent retries it', async ({
  page,
}) => {
  const cid = `e2e-vt-handover-${Date.now().toString(36)}`;
  await openAnyScreen(page);
  await signIn(page, 'Mia');
  await goTo(page, 't', 'Virtual terminal');
  await fillCaller(page, { cid, amount: '75.00' });
  await payWith(await openPage(page), TEST_CARDS.decline);
  await expect(outcome(page)).toContainText('declined');
  await expect(outcome(page)).toContainText('The page stays open: try another card on it');
  const orderId = (await outcome(page).textContent())!.match(/order (vt-\S+)/)![1]!;
  await statusItem(page, 'Operator').getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'Al');
  await goTo(page, 't', 'Virtual terminal');
  await expect(outcome(page)).toHaveCount(0);
  await expect(page.getByLabel('Customer id (cid)')).toHaveValue('');
  // Looked up in the history, Mia's call says whose it is, with nothing to retry it from here.
  await page.getByRole('button', { name: `Show session ${orderId}` }).click();
  await expect(outcome(page)).toContainText('This was Mia’s call: only they can retry it.');
  await expect(page.getByRole('button', { name: 'Retry with another method' })).toHaveCount(0);
});
