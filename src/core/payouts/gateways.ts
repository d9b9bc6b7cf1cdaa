import type { GatewayOption } from '../../shared/payouts';
import type { PraxisClient } from '../praxis';
import type { AvailableGateway } from '../praxis/schemas';

const CACHE_MS = 5 * 60_000;

export interface GatewayRequest {
  currency: string;
  country: string | null;
  paymentMethod: string | null;
  /** The gateway the request came with, if Praxis said. */
  gateway: string | null;
}

/**
 * Payout gateways from get-available-gateways, cached per (profile, currency, country, method) for a few
 * minutes. Concurrent askers share one call, so a bulk approve of 1,000 items asks Praxis once per key.
 */
export function createGatewayCache(now: () => number = Date.now) {
  const cache = new Map<string, { at: number; list: Promise<AvailableGateway[]> }>();

  async function available(client: PraxisClient, profileId: string, r: GatewayRequest): Promise<AvailableGateway[]> {
    const key = [profileId, r.currency, r.country ?? '', r.paymentMethod ?? ''].join('|');
    const hit = cache.get(key);
    if (hit && now() - hit.at < CACHE_MS) return hit.list;
    // payment_method is not sent: Praxis expects its own method keys there, not the request's display name.
    const list = client
      .getAvailableGateways({
        transactionType: 'payout',
        currency: r.currency,
        ...(r.country && /^[A-Z]{2}$/.test(r.country) ? { country: r.country } : {}),
      })
      .then((res) => res.gateways);
    cache.set(key, { at: now(), list });
    list.catch(() => cache.delete(key));
    return list;
  }

  /** The picker's options; the default is the request's own gateway, else the first of its payment method. */
  async function optionsFor(client: PraxisClient, profileId: string, r: GatewayRequest): Promise<GatewayOption[]> {
    const listed = await available(client, profileId, r);
    if (listed.length === 0)
      return r.gateway ? [{ id: r.gateway, name: 'The gateway the request came with', isDefault: true }] : [];
    const byOwn = listed.find((g) => g.gateway === r.gateway);
    const byMethod = listed.find((g) => r.paymentMethod !== null && g.payment_method === r.paymentMethod);
    const def = (byOwn ?? byMethod ?? listed[0])!.gateway;
    const options = listed.map((g) => ({ id: g.gateway, name: g.name ?? g.gateway, isDefault: g.gateway === def }));
    return [...options.filter((o) => o.isDefault), ...options.filter((o) => !o.isDefault)];
  }

  return { optionsFor, clear: () => cache.clear() };
}
export type GatewayCache = ReturnType<typeof createGatewayCache>;
