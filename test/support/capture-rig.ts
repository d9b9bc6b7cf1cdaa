/** A real capture engine for tests and the benchmark: the simulator over HTTP and a real store, no mocks. */
import type { ExpiringHold } from '../../src/shared/captures';
import { createCaptureEngine, type CaptureEngine } from '../../src/core/captures/capture-engine';
import type { ResolveOptions } from '../../src/core/queues/queue-kind';
import { startSimRig, type SimRig, type SimRigOptions } from './sim-rig';

export interface CaptureRig extends SimRig {
  engine: CaptureEngine;
  progress: { done: number; total: number }[];
  /** Every holds-expiring event the engine emitted. */
  expiring: ExpiringHold[][];
  /** Creates authorizations (holds) at the simulator and brings them into the store by lookup (find-transaction). */
  authorize(items: { cid: string; currency: string; amount: number }[]): Promise<number[]>;
  /** A second engine on the same store and simulator, as after a restart. */
  restartEngine(operator?: string): CaptureEngine;
}

export async function startCaptureRig(opts: SimRigOptions & { resolve?: ResolveOptions } = {}): Promise<CaptureRig> {
  const rig = await startSimRig(opts);
  const progress: { done: number; total: number }[] = [];
  const expiring: ExpiringHold[][] = [];
  const makeEngine = (operator: string) =>
    createCaptureEngine({
      store: rig.store,
      log: rig.log,
      praxis: async () => rig.session(operator),
      onBulkProgress: (p) => progress.push(p),
      onHoldsExpiring: (e) => expiring.push(e.items),
      resolve: opts.resolve,
    });
  return {
    ...rig,
    engine: makeEngine(opts.operator ?? 'Ana'),
    progress,
    expiring,
    async authorize(items) {
      const tids = items.map((i) => rig.sim.createAuthorization(i).tid);
      await rig.lookUp(tids);
      return tids;
    },
    restartEngine: (operator = opts.operator ?? 'Ana') => makeEngine(operator),
  };
}
