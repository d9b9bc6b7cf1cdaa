import type { Result } from '../../../shared/errors';
import type { LookupResult, PraxisObjects } from '../../../shared/lookup';
import { desk } from './desk';

export type LookupRow = LookupResult;
export interface LookupProgress {
  done: number;
  total: number;
}

export const runLookup = (ids: string[]): Promise<Result<LookupRow[]>> => desk().lookup.run({ ids });

export const onLookupProgress = (listener: (p: LookupProgress) => void): (() => void) =>
  desk().events.on('event:lookup-progress', listener);

/** One item's Praxis objects as the desk last stored them. */
export const readPraxisObjects = (tid: number): Promise<Result<PraxisObjects>> => desk().lookup.praxisObjects({ tid });
