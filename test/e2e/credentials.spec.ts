import { expect, test } from '@playwright/test';
import { SANDBOX_SAMPLE } from '../../src/shared/domain';
import { deskHostForThisFile, openDesk, recordSocketFrames, screenshotPath, statusItem } from './support/desk-host';
import { connectionResult, createProfile, credentials, secretStatus } from './support/settings-page';

const desk = deskHostForThisFile();

/** Clearly fake, and long enough to be unmistakable wherever it might leak. */
const FAKE_SECRET = 'fake-e2e-secret-NOT-REAL-7f3a9c';

async function simulatorUrl(): Promise<string> {
  const url = (await desk().core.info()).simulatorUrl;
  if (!url)
    throw new Error('The desk core did not start its embedded sandbox simulator (AppInfo.simulatorUrl is null).');
  return url;
}

test('the embedded sandbox needs no secret and its connection test is OK', async ({ page }) => {
  await openDesk(page, desk());
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(secretStatus(page)).toContainText('Public sample secret');
  await credentials(page).getByRole('button', { name: 'Test connection' }).click();
  const result = connectionResult(page);
  await expect(result).toContainText(/Connection OK — \d+ ms/);
  await expect(statusItem(page, 'Praxis connection')).toContainText('OK');
});

test('a secret set in the page is stored write-only: never shown, kept, or sent back; then cleared', async ({
  page,
}) => {
  const frames = recordSocketFrames(page);
  await openDesk(page, desk());
  await createProfile(page, 'Simulator by URL', await simulatorUrl());
  await expect(secretStatus(page)).toContainText('No merchant secret set');

  const field = credentials(page).getByLabel('Set merchant secret');
  await field.fill(FAKE_SECRET);
  await credentials(page).getByRole('button', { name: 'Save secret' }).click();
  const status = secretStatus(page);
  await expect(status).toContainText(/Stored in the OS keychain|Kept for this run only/);
  await expect(credentials(page).getByLabel('Replace merchant secret')).toHaveValue('');
  await page.screenshot({ path: screenshotPath('03-credentials') });

  // The recorder saw the secret leave the page, so an absence below is real, not a recorder that hears nothing.
  expect(frames.sent.some((f) => f.includes(FAKE_SECRET))).toBe(true);
  expect(frames.received.length).toBeGreaterThan(3);
  expect(frames.received.filter((f) => f.includes(FAKE_SECRET))).toEqual([]);

  const html = await page.content();
  expect(html).not.toContain(FAKE_SECRET);
  const inputValues = await page.evaluate(() =>
    [...document.querySelectorAll('input, textarea')].map((i) => (i as HTMLInputElement).value),
  );
  expect(inputValues).not.toContain(FAKE_SECRET);
  const storage = await page.evaluate(() =>
    JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
  );
  expect(storage).not.toContain(FAKE_SECRET);
  expect(desk().logLines.join('\n')).not.toContain(FAKE_SECRET);

  // It is really stored: the core can sign with it (and the simulator rejects it, being the wrong secret).
  await credentials(page).getByRole('button', { name: 'Test connection' }).click();
  const result = connectionResult(page);
  await expect(result).toContainText('Wrong credentials');
  await expect(result).toContainText('Wrong credentials');
  await page.screenshot({ path: screenshotPath('04-credentials-wrong-secret') });
  expect(frames.received.filter((f) => f.includes(FAKE_SECRET))).toEqual([]);

  await credentials(page).getByRole('button', { name: 'Clear secret' }).click();
  await expect(status).toContainText('No merchant secret set');
  await credentials(page).getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toContainText('No merchant secret');
});

test('the right secret on a custom profile at the simulator connects', async ({ page }) => {
  await openDesk(page, desk());
  await createProfile(page, 'Simulator, right secret', await simulatorUrl());
  await credentials(page).getByLabel('Set merchant secret').fill(SANDBOX_SAMPLE.secret);
  await credentials(page).getByRole('button', { name: 'Save secret' }).click();
  await expect(secretStatus(page)).toContainText(/Stored in the OS keychain|Kept for this run only/);
  await credentials(page).getByRole('button', { name: 'Test connection' }).click();
  await expect(connectionResult(page)).toContainText(/Connection OK — \d+ ms/);
});

test('an address where nothing listens reports a network failure', async ({ page }) => {
  await openDesk(page, desk());
  await createProfile(page, 'Nothing there', 'http://127.0.0.1:9');
  await credentials(page).getByLabel('Set merchant secret').fill(FAKE_SECRET);
  await credentials(page).getByRole('button', { name: 'Save secret' }).click();
  await credentials(page).getByRole('button', { name: 'Test connection' }).click();
  const result = connectionResult(page);
  await expect(result).toContainText('Network: Praxis not reached');
  await expect(result).toContainText('Network: Praxis not reached');
});
