import type { z } from 'zod';
import type { PayoutSettings } from '../../shared/payouts';
import { PayoutSettingsInput } from '../../shared/ipc/payouts-contract';
import { settingsSlot } from '../store/settings-slot';
import { DEFAULT_RISK_SETTINGS, type RiskSettings } from './risk';

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
    { code: 'other', label: 'Other (see note)', needsNote: true },
  ],
  bulkConcurrency: 8,
};

/** Desk-wide payout settings from the store's settings table; defaults until someone saves. */
export const { load: loadPayoutSettings, save: savePayoutSettings } = settingsSlot(
  'payout-settings',
  PayoutSettingsInput as unknown as z.ZodType<PayoutSettings>,
  DEFAULT_PAYOUT_SETTINGS,
);

export const riskSettingsOf = (s: PayoutSettings): RiskSettings => ({
  withdrawalRatioPercent: s.withdrawalRatioPercent,
  velocityCount: s.velocityCount,
  velocityWindowHours: s.velocityWindowHours,
  fourEyesThresholds: s.fourEyesThresholds,
});
