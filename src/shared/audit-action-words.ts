/**
 * The audit's action codes as a person reads them. The code stays the record (the CSV, the filter's value, the row's
 * detail); the screen shows these words.
 */
const ACTION_WORDS: Record<string, string> = {
  'payouts:approve': 'Approve payout',
  'payouts:reject': 'Reject payout',
  'payouts:split': 'Split payout',
  'payouts:bulk-approve': 'Bulk approve payouts',
  'payouts:bulk-reject': 'Bulk reject payouts',
  'payouts:reconcile': 'Reconcile payout',
  'payouts:four-eyes-refused': 'Second approval refused',
  'payouts:maker-checker-refused': 'Own terminal request refused',
  'views:save': 'Save payout view',
  'views:overwrite': 'Overwrite payout view',
  'views:remove': 'Remove payout view',
  'captures:capture': 'Capture hold',
  'captures:void': 'Void hold',
  'captures:bulk-capture': 'Bulk capture holds',
  'captures:bulk-void': 'Bulk void holds',
  'captures:reconcile': 'Reconcile hold',
  'terminal:open': 'Open terminal payment page',
  'terminal:outcome': 'Terminal outcome',
  'operators:add': 'Add operator',
  'operators:change': 'Change operator',
  'operators:remove': 'Remove operator',
  'settings:save': 'Save settings',
  'settings:second-manager-refused': 'Settings change refused',
  'session:sign-in': 'Sign in',
  'session:sign-in-refused': 'Sign-in refused',
  'session:lock': 'Lock',
  'session:unlock': 'Unlock',
  'session:sign-out': 'Sign out',
  'access:refused': 'Refused: not in role',
  'profiles:save': 'Save profile',
  'profiles:remove': 'Remove profile',
  'profiles:activate': 'Switch profile',
  'credentials:set': 'Store secret',
  'credentials:clear': 'Remove secret',
};

/** Words for an action code; a code without words is shown as recorded. */
export const auditActionWords = (action: string): string => ACTION_WORDS[action] ?? action;
