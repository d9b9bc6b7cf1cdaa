/** The simulator's fault switches (body documented on SimFaults in types.ts). */
import { z } from 'zod';
import type { SimFaults } from './types';

const count = z.number().int().min(0).max(1000);

export const SimFaultsSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  http5xx: count.optional(),
  timeoutAfterApply: count.optional(),
  timeoutMode: z.enum(['hang', 'drop']).optional(),
  wrongSignature: count.optional(),
  dropNotifications: count.optional(),
  duplicateNotifications: count.optional(),
});

type CountedFault = 'http5xx' | 'timeoutAfterApply' | 'wrongSignature' | 'dropNotifications' | 'duplicateNotifications';

export class FaultSwitches {
  private f: SimFaults = {};

  set(faults: SimFaults): void {
    this.f = { ...this.f, ...faults };
  }
  clear(): void {
    this.f = {};
  }
  current(): SimFaults {
    return { ...this.f };
  }
  get latencyMs(): number {
    return this.f.latencyMs ?? 0;
  }
  get timeoutMode(): 'hang' | 'drop' {
    return this.f.timeoutMode ?? 'hang';
  }
  /** Uses up one occurrence of a counted fault; true when it fires. */
  take(name: CountedFault): boolean {
    const left = this.f[name] ?? 0;
    if (left <= 0) return false;
    this.f[name] = left - 1;
    return true;
  }
}
