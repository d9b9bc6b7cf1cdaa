import { afterAll, beforeAll } from 'vitest';
import { createBrowserHost, type BrowserHost } from '../../src/server/browser-host';
import { startDeskCoreForTest } from './desk-core-rig';

type Rig = Awaited<ReturnType<typeof startDeskCoreForTest>>;

/**
 * A desk core and its browser host (serving the built renderer) for one test file: started before its tests, closed
 * after them. Read `rig` and `host` inside the tests; a file's own beforeAll runs after this one.
 */
export function browserHostForThisFile(name: string, options: Parameters<typeof startDeskCoreForTest>[1] = {}) {
  let rig: Rig | undefined;
  let host: BrowserHost | undefined;
  beforeAll(async () => {
    rig = await startDeskCoreForTest(name, options);
    host = await createBrowserHost({ core: rig.core, port: 0, rendererDir: 'out/renderer', logger: rig.log });
  });
  afterAll(async () => {
    await host?.close();
    await rig?.close();
  });
  return {
    get rig(): Rig {
      return rig!;
    },
    get host(): BrowserHost {
      return host!;
    },
  };
}
