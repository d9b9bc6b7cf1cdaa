/** The sandbox Praxis simulator: same paths, shapes and signing as Praxis, plus a loopback admin API. */
export type { Simulator, SimulatorOptions, SimFaults, CreateItemInput } from './types';
