import type { Channel } from '../../shared/ipc/contract';

declare global {
  /** Every channel of the contract, written in by the build (electron.vite.config.ts `define`). */
  const __DESK_CHANNELS__: readonly Channel[];
}
