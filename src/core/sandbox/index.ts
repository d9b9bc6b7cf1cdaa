/** The sandbox Praxis simulator: same paths, shapes and signing as Praxis, plus a loopback admin API. */
export { startSimulator, DEFAULT_ARRIVAL_INTERVAL_MS } from './simulator';
export { TEST_CARDS } from './vt-routes';
export { GATEWAYS, DEFAULT_PAYOUT_GATEWAY, SIM_CURRENCIES } from './catalog';
export { WR_STATUS_WHEN_PAID } from './book';
export { SimFaultsSchema } from './faults';
export type { Simulator, SimulatorOptions, SimFaults, CreateItemInput } from './types';
