import type { PraxisClient } from '../praxis';
import type { JournalEntry } from '../store/journal';
import type { WorkStore } from '../store/work-store';

/** What a lookup after an unknown outcome established. `unknown` keeps every action on the item blocked. */
export interface Resolution {
  state: 'done' | 'failed' | 'unknown';
  moneyMoved: boolean | 'unknown';
  message: string;
  /** The item's (or part's) status Praxis reported, when it answered. */
  foundStatus: string | null;
}

/** Overrides of the reconcile rules (tests shorten PRAXIS_ASSUMPTIONS.notAppliedAfterMs). */
export interface ResolveOptions {
  notAppliedAfterMs?: number;
  now?: Date;
}

/**
 * What the journal, reconcile and bulk machinery needs to know about one queue (payouts, captures…): everything
 * else about money moving exactly once is the same for every queue and lives in src/core/queues.
 */
export interface QueueKind {
  /** The queue's name in change and progress events. */
  name: 'payouts' | 'deposits';
  /** The queue's journal actions start with this, e.g. `payouts:`; reconcile and bulk audit entries use it too. */
  actionPrefix: string;
  /** What an item is called in messages, e.g. "request". */
  noun: string;
  /** Tells every window that the item's journal state changed. */
  announce(store: WorkStore, tid: number): Promise<void>;
  /** The item's stored status, or null when the store does not have it as an item of this queue (its type). */
  storedStatus(store: WorkStore, tid: number): Promise<string | null>;
  /** Whether a stored status still allows an action (re-checked after the journal claim). */
  isOpen(status: string): boolean;
  /** Reads the item again after Praxis refused an action on it (e.g. "already processed"). */
  refresh(store: WorkStore, client: PraxisClient, tid: number): Promise<void>;
  /** Looks an unresolved entry up at Praxis — never re-sends it. */
  resolve(entry: JournalEntry, client: PraxisClient, store: WorkStore, opts?: ResolveOptions): Promise<Resolution>;
}

/** The verb of a journal action for messages: `payouts:approve` → "approve". */
export const verbOf = (action: string) => action.slice(action.indexOf(':') + 1);

export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
