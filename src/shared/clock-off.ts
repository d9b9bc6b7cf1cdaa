import type { ClockOff } from './domain';

/** Which way and by how much this computer's clock is off, in the words the notice and the status bar use. */
export function clockOffText({ skewSeconds }: ClockOff): string {
  const off =
    skewSeconds === null
      ? "This computer's clock is off from Praxis's (Praxis did not say by how much)"
      : `This computer's clock is ${Math.abs(skewSeconds)} s ${skewSeconds < 0 ? 'behind' : 'ahead of'} Praxis's`;
  return `${off}. Praxis refuses requests more than 60 s off, so the desk sends no payout, capture or void until Praxis answers normally again. Turn on automatic time setting, then test the connection.`;
}
