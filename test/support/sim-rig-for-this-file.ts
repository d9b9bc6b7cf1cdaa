import { afterAll, beforeAll, beforeEach } from 'vitest';
import { emptyStore } from './store-backends';
import type { SimRig } from './sim-rig';

/**
 * A simulator rig (payout or capture engine) for one test file: started before its tests, its store emptied before
 * each test, closed after them all. Read `rig` inside the tests.
 */
export function simRigForThisFile<R extends SimRig>(start: () => Promise<R>): { readonly rig: R } {
  let rig: R | undefined;
  beforeAll(async () => {
    rig = await start();
  });
  afterAll(async () => rig?.close());
  beforeEach(async () => emptyStore(rig!.store));
  return {
    get rig(): R {
      return rig!;
    },
  };
}
