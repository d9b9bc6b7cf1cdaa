import type { Role } from '../../shared/access';
import type { Channel } from '../../shared/ipc/contract';

/**
 * The one table of who may call what, checked in the core before any handler runs (access-guard.ts).
 * `open`: anyone, also before sign-in (what the sign-in screen needs); `signed-in`: any role.
 * Typed over every channel, so a new channel cannot be added without deciding who may call it.
 */
export type ChannelAccess = 'open' | 'signed-in' | readonly Role[];

const AGENT: readonly Role[] = ['agent', 'manager'];
const BACKOFFICE: readonly Role[] = ['backoffice', 'manager'];
const ANY_ROLE: readonly Role[] = ['agent', 'backoffice', 'manager'];
const MANAGER: readonly Role[] = ['manager'];

export const CHANNEL_ROLES: Record<Channel, ChannelAccess> = {
  'app:info': 'open',
  'session:status': 'open',
  'session:sign-in': 'open',
  'session:sign-out': 'open',
  'session:lock': 'signed-in',
  'session:touch': 'signed-in',
  // The status bar names the active profile on every screen.
  'profiles:list': 'signed-in',
  // Desk-wide: every window moves to that profile's store and operators (product.md: Settings is the managers').
  'profiles:activate': MANAGER,
  'profiles:save': MANAGER,
  'profiles:remove': MANAGER,
  'credentials:status': 'signed-in',
  'credentials:test': 'signed-in',
  'credentials:set': MANAGER,
  'credentials:clear': MANAGER,

  'lookup:run': ANY_ROLE,
  'lookup:praxis-objects': ANY_ROLE,

  'payouts:list': BACKOFFICE,
  'payouts:rows': BACKOFFICE,
  'payouts:detail': BACKOFFICE,
  'payouts:gateways': BACKOFFICE,
  'payouts:approve': BACKOFFICE,
  'payouts:reject': BACKOFFICE,
  'payouts:split': BACKOFFICE,
  'payouts:bulk': BACKOFFICE,
  'payouts:reconcile': BACKOFFICE,
  'payout-settings:get': BACKOFFICE,
  'payout-settings:save': MANAGER,
  'views:list': BACKOFFICE,
  'views:save': BACKOFFICE,
  'views:remove': BACKOFFICE,

  'captures:list': MANAGER,
  'captures:rows': MANAGER,
  'captures:detail': MANAGER,
  'captures:capture': MANAGER,
  'captures:void': MANAGER,
  'captures:bulk': MANAGER,
  'captures:reconcile': MANAGER,
  'capture-settings:get': MANAGER,
  'capture-settings:save': MANAGER,

  // The four-eyes dialog lists who can confirm.
  'operators:list': 'signed-in',
  'operators:add': MANAGER,
  'operators:change': MANAGER,
  'operators:remove': MANAGER,
  'access-settings:get': 'signed-in',
  'access-settings:save': MANAGER,

  'terminal:start': AGENT,
  'terminal:retry': AGENT,
  'terminal:status': AGENT,
  'terminal:reopen': AGENT,
  'terminal:history': AGENT,
  'terminal:recent-customers': AGENT,
  'terminal:customer': AGENT,
  'terminal:gateway-options': AGENT,
  'terminal:prefill': AGENT,
  'terminal-settings:get': AGENT,
  'terminal-settings:save': MANAGER,

  'audit:list': MANAGER,
  'audit:export': MANAGER,
  'audit:verify': MANAGER,
};

/** The roles that may call a channel, for messages ("needs the manager role"). */
export const rolesFor = (access: ChannelAccess): readonly Role[] =>
  access === 'open' || access === 'signed-in' ? ANY_ROLE : access;
