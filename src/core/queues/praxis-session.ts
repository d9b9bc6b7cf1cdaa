import { DEFAULT_TIMEOUT_MS, type PraxisClient } from '../praxis';

/** Who acts and through which client: the active profile's Praxis client and its operator name (for the journal and audit). */
export interface PraxisSession {
  client: PraxisClient;
  profileId: string;
  operator: string;
  /** The client's timeout (default DEFAULT_TIMEOUT_MS): a `sending` entry's lease is longer (see sendLeaseMs). */
  timeoutMs?: number;
}

/**
 * How long a `sending` journal entry belongs to its sender: twice the client's timeout and a margin, so nobody
 * reconciles an action whose answer may still come. After it the entry is the reconciler's (the sender crashed).
 */
export const sendLeaseMs = (s: Pick<PraxisSession, 'timeoutMs'>) => 2 * (s.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 5_000;
