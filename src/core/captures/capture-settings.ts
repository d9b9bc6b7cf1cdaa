import type { z } from 'zod';
import type { CaptureSettings, VoidReason } from '../../shared/captures';
import { DEFAULT_HOLD_WINDOWS } from '../../shared/hold-windows';
import { capturesContract } from '../../shared/ipc/captures-contract';
import { pickReason } from '../queues/reasons';
import { settingsSlot } from '../store/settings-slot';

export const DEFAULT_CAPTURE_SETTINGS: CaptureSettings = {
  holdWindows: DEFAULT_HOLD_WINDOWS.map((w) => ({ ...w })),
  voidReasons: [
    { code: 'order_cancelled', label: 'Order cancelled' },
    { code: 'out_of_stock', label: 'Cannot be fulfilled (out of stock, service unavailable)' },
    { code: 'wrong_amount', label: 'Wrong amount: void, then take a new authorization' },
    { code: 'fraud_suspected', label: 'Fraud suspected' },
    { code: 'duplicate_authorization', label: 'Duplicate authorization' },
    { code: 'customer_asked', label: 'Customer asked to cancel' },
    { code: 'other', label: 'Other (see note)', needsNote: true },
  ],
  bulkConcurrency: 8,
};

/** Desk-wide capture settings from the store's settings table; defaults until someone saves. */
export const { load: loadCaptureSettings, save: saveCaptureSettings } = settingsSlot(
  'capture-settings',
  capturesContract['capture-settings:save'].input as unknown as z.ZodType<CaptureSettings>,
  DEFAULT_CAPTURE_SETTINGS,
);

export const checkVoidReason = (settings: CaptureSettings, reasonCode: string, note: string | undefined): VoidReason =>
  pickReason(settings.voidReasons, reasonCode, 'void', note);
