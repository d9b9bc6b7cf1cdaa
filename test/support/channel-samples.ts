import type { Channel } from '../../src/shared/ipc/contract';
import { DEFAULT_TERMINAL_SETTINGS } from '../../src/core/terminal/terminal-settings';

/**
 * One input per channel that its schema accepts (ids need not exist): for calls that must be refused before any
 * handler runs. Typed over every channel, so a new channel needs a sample here. Settings saves take the values read
 * from the desk, passed in.
 */
export function channelSamples(current: {
  payoutSettings: unknown;
  captureSettings: unknown;
  terminalSettings: unknown;
}): Record<Channel, unknown> {
  const tid = 90_000_001;
  return {
    'app:info': {},
    'session:status': {},
    'session:sign-in': { operator: 'Nobody', pin: '0000' },
    'session:sign-out': {},
    'session:lock': {},
    'session:touch': {},
    'profiles:list': {},
    'profiles:save': {
      name: 'Probe',
      environment: 'praxis-sandbox',
      merchantId: 'Test-Integration-Merchant',
      applicationKey: 'Sandbox',
    },
    'profiles:remove': { id: 'no-such-profile' },
    'profiles:activate': { id: 'embedded-sandbox' },
    'credentials:status': { profileId: 'embedded-sandbox' },
    'credentials:set': { profileId: 'embedded-sandbox', secret: 'not-the-secret' },
    'credentials:clear': { profileId: 'embedded-sandbox' },
    'credentials:test': { profileId: 'embedded-sandbox' },
    'lookup:run': { ids: [String(tid)] },
    'lookup:praxis-objects': { tid },
    'payouts:list': {},
    'payouts:rows': { tids: [tid] },
    'payouts:detail': { tid },
    'payouts:gateways': { tid },
    'payouts:approve': { tid, gateway: 'gw' },
    'payouts:reject': { tid, reasonCode: 'customer_asked' },
    'payouts:split': { tid, parts: [{ amountMinor: 100, gateway: 'gw' }] },
    'payouts:bulk': { action: 'approve', tids: [tid] },
    'payouts:reconcile': { tid },
    'payout-settings:get': {},
    'payout-settings:save': current.payoutSettings,
    'views:list': {},
    'views:save': { name: 'Mine', state: {} },
    'views:remove': { id: 'no-such-view' },
    'captures:list': {},
    'captures:rows': { tids: [tid] },
    'captures:detail': { tid },
    'captures:capture': { tid },
    'captures:void': { tid, reasonCode: 'customer_asked' },
    'captures:bulk': { action: 'capture', tids: [tid] },
    'captures:reconcile': { tid },
    'capture-settings:get': {},
    'capture-settings:save': current.captureSettings,
    'operators:list': {},
    'operators:add': { name: 'Probe', pin: '1234', role: 'manager' },
    'operators:change': { name: 'Probe', role: 'manager' },
    'operators:remove': { name: 'Probe' },
    'access-settings:get': {},
    'access-settings:save': { idleLockMinutes: 30 },
    'terminal:start': {
      intent: 'payment',
      customer: { cid: 'probe', firstName: 'Pro', lastName: 'Be', email: 'probe@example.com', country: 'GB' },
      currency: 'EUR',
      amount: '10.00',
      callerCheck: DEFAULT_TERMINAL_SETTINGS.callerCheck,
    },
    'terminal:retry': { orderId: 'vt-probe' },
    'terminal:status': { orderId: 'vt-probe' },
    'terminal:reopen': { orderId: 'vt-probe' },
    'terminal:customer': { cid: 'cust-probe' },
    'terminal:history': {},
    'terminal:recent-customers': {},
    'terminal:gateway-options': {},
    'terminal:prefill': { tid },
    'terminal-settings:get': {},
    'terminal-settings:save': current.terminalSettings,
    'audit:list': { filter: {} },
    'audit:export': { filter: {} },
    'audit:verify': {},
  };
}
