import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';

export { electronBinary };

export const NO_ELECTRON_MESSAGE =
  'No Electron binary is installed (node_modules/electron has no dist: electron 45 fetches it the first time it starts, and could not here). Run `node node_modules/electron/install.js` where downloads are allowed to run these tests.';

export interface LaunchedDesk {
  app: ElectronApplication;
  page: Page;
  userDataDir: string;
  close(): Promise<void>;
}

/** Launches the built desk (out/main/index.js) with its own temporary user-data folder. */
export async function launchDesk(): Promise<LaunchedDesk> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'praxis-desk-electron-'));
  // Timed sandbox arrivals off: the window shows only what the test put there.
  const env = {
    ...process.env,
    PRAXIS_DESK_USER_DATA_DIR: userDataDir,
    PRAXIS_DESK_SANDBOX_ARRIVALS: 'off',
  } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  const executablePath = electronBinary();
  if (!executablePath) throw new Error(NO_ELECTRON_MESSAGE);
  const app = await _electron.launch({ executablePath, args: ['out/main/index.js'], env });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    userDataDir,
    async close() {
      await app.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
