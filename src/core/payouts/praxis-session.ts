import type { PraxisClient } from '../praxis';

/** Who acts and through which client: the active profile's Praxis client and its operator name (for the journal and audit). */
export interface PraxisSession {
  client: PraxisClient;
  profileId: string;
  operator: string;
}
