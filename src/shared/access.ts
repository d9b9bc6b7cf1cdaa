/** Who may do what on the desk: the roles, and what the UI is told about the person at the screen. */
export const ROLES = ['agent', 'backoffice', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  agent: 'Agent',
  backoffice: 'Back-office',
  manager: 'Manager',
};

/** What each role is for, as the sign-in and the operators list say it. */
export const ROLE_DUTIES: Record<Role, string> = {
  agent: 'virtual terminal and lookup',
  backoffice: 'payout queue and lookup',
  manager: 'everything: capture queue, settings, operators, second approvals, audit',
};

/** The name everyone acts under on a desk that has no manager yet. */
export const SANDBOX_OPERATOR = 'Sandbox operator';

export const DEFAULT_IDLE_LOCK_MINUTES = 10;

export type AccessState =
  /** No manager exists yet: everyone acts as the sandbox operator with every role. */
  | { mode: 'sandbox'; operator: string; roles: Role[]; idleLockMinutes: number }
  | { mode: 'signed-in'; operator: string; role: Role; roles: Role[]; idleLockMinutes: number }
  /** Someone was signed in and the desk locked after being idle: their PIN (or another sign-in) opens it. */
  | { mode: 'locked'; operator: string; roles: Role[]; idleLockMinutes: number }
  /** `why`: the desk signed this window out itself (another profile made active, the operator removed), said to whoever comes next. */
  | { mode: 'signed-out'; idleLockMinutes: number; why?: string };

export interface AccessSettings {
  idleLockMinutes: number;
}

/** A second manager's confirmation for a change that weakens four-eyes. */
export interface SecondManagerInput {
  operator: string;
  pin: string;
}

export interface OperatorView {
  name: string;
  role: Role;
  createdAt: string;
}
