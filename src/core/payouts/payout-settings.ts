import type { z } from 'zod';
import type { PayoutSettings } from '../../shared/payouts';
import { payoutsContract } from '../../shared/ipc/payouts-contract';
import { appendAuditInTransaction } from '../audit/audit-log';
import { setSetting } from '../store/settings-repo';
import type { WorkStore } from '../store/work-store';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from './risk';

const SETTINGS_KEY = 'payout-settings';

export const DEFAULT_PAYOUT_SETTINGS: PayoutSettings = {
  slaWarnMinutes: 30,
  slaLateMinutes: 120,
  withdrawalRatioPercent: DEFAULT_RISK_SETTINGS.withdrawalRatioPercent,
  velocityCount: DEFAULT_RISK_SETTINGS.velocityCount,
  velocityWindowHours: DEFAULT_RISK_SETTINGS.velocityWindowHours,
  fourEyesThresholds: { ...DEFAULT_RISK_SETTINGS.fourEyesThresholds },
  rejectReasons: [
    { code: 'kyc_incomplete', label: 'KYC documents missing or expired' },
    { code: 'bonus_abuse', label: 'Bonus or promotion abuse' },
    { code: 'third_party_destination', label: 'Destination belongs to someone else' },
    { code: 'duplicate_request', label: 'Duplicate request' },
    { code: 'customer_asked', label: 'Customer asked to cancel' },
    { code: 'other', label: 'Other (see note)' },
  ],
  bulkConcurrency: 8,
};

// The same rules as the save channel, so a stored value is checked exactly as a saved one was.
const StoredSettings = payoutsContract['payout-settings:save'].input as unknown as z.ZodType<PayoutSettings>;

/** Desk-wide payout settings from the store's settings table; defaults until someone saves. */
export async function loadPayoutSettings(store: WorkStore): Promise<PayoutSettings> {
  return (await store.settings.get(SETTINGS_KEY, StoredSettings)) ?? DEFAULT_PAYOUT_SETTINGS;
}

/** Saves the settings and audits the change with what each changed setting was before and is after. */
export async function savePayoutSettings(
  store: WorkStore,
  settings: PayoutSettings,
  operator: string,
): Promise<PayoutSettings> {
  const parsed = StoredSettings.parse(settings);
  const before = await loadPayoutSettings(store);
  const changed = (Object.keys(parsed) as (keyof PayoutSettings)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(parsed[k]),
  );
  await store.db.transaction(async (tx) => {
    await setSetting(tx, SETTINGS_KEY, parsed);
    await appendAuditInTransaction(tx, {
      operator,
      action: 'payout-settings:save',
      details: {
        changed,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, parsed[k]])),
      },
    });
  });
  return parsed;
}

export const riskSettingsOf = (s: PayoutSettings): RiskSettings => ({
  withdrawalRatioPercent: s.withdrawalRatioPercent,
  velocityCount: s.velocityCount,
  velocityWindowHours: s.velocityWindowHours,
  fourEyesThresholds: s.fourEyesThresholds,
});
