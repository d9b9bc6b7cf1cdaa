/** A real payout engine for tests and the benchmark: the simulator over HTTP and a PGlite store, no mocks. */
import { createPayoutEngine, type PayoutEngine } from '../../src/core/payouts/payout-engine';
import type { ResolveOptions } from '../../src/core/queues/queue-kind';
import type { SendLimit } from '../../src/core/queues/send-limit';
import { startSimRig, type SimRig, type SimRigOptions } from './sim-rig';

export { refusal } from './sim-rig';

export interface PayoutRig extends SimRig {
  engine: PayoutEngine;
  progress: { done: number; total: number }[];
  /** Creates withdrawal requests at the simulator and brings them into the store by lookup (find-transaction). */
  request(items: { cid: string; currency: string; amount: number }[]): Promise<number[]>;
  /** A second engine on the same store and simulator, as after a restart. */
  restartEngine(operator?: string): PayoutEngine;
}

export async function startPayoutRig(
  opts: SimRigOptions & { resolve?: ResolveOptions; sendLimit?: SendLimit } = {},
): Promise<PayoutRig> {
  const rig = await startSimRig(opts);
  const progress: { done: number; total: number }[] = [];
  const makeEngine = (operator: string) =>
    createPayoutEngine({
      store: rig.store,
      log: rig.log,
      praxis: async () => rig.session(operator),
      onBulkProgress: (p) => progress.push(p),
      resolve: opts.resolve,
      sendLimit: opts.sendLimit,
    });
  return {
    ...rig,
    engine: makeEngine(opts.operator ?? 'Ana'),
    progress,
    async request(items) {
      const tids = items.map((i) => rig.sim.createWithdrawalRequest(i).tid);
      await rig.lookUp(tids);
      return tids;
    },
    restartEngine: (operator = opts.operator ?? 'Ana') => makeEngine(operator),
  };
}
