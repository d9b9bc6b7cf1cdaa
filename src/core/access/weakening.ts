import type { OperatorView, SecondManagerInput } from '../../shared/access';
import { DeskError } from '../../shared/errors';
import { formatMoney } from '../../shared/money';
import { confirmColleague } from '../operators/confirm-colleague';
import { hasManager, listOperators, operatorKey } from '../operators/operator-registry';
import type { WorkStore } from '../store/work-store';

/**
 * Currencies where a save lets more through without a second approver: a threshold raised, or one set where there was
 * none (no threshold means every amount needs one). Lowering or removing a threshold asks for more, not less.
 */
export function weakenedThresholds(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after)
    .filter((c) => !Object.hasOwn(before, c) || after[c]! > before[c]!)
    .sort();
}

/** The weakened thresholds in words, for the confirmation message and the audit. */
export function describeWeakened(before: Record<string, number>, after: Record<string, number>, currencies: string[]) {
  return currencies
    .map((c) =>
      Object.hasOwn(before, c)
        ? `${c} raised from ${formatMoney(before[c]!, c)} to ${formatMoney(after[c]!, c)}`
        : `${c} set to ${formatMoney(after[c]!, c)} (every amount needed a second approver)`,
    )
    .join('; ');
}

/**
 * A change that weakens four-eyes needs a second manager's PIN once the desk has managers (a desk in sandbox mode has
 * nobody to ask). Refusals are audited as `settings:second-manager-refused`.
 */
export async function confirmSecondManager(
  store: WorkStore,
  actor: string,
  secondManager: SecondManagerInput | undefined,
  what: string,
  subject?: string,
): Promise<string | null> {
  if (!(await hasManager(store))) return null;
  return askSecondManager(store, actor, secondManager, what, 'weakens four-eyes', subject);
}

/**
 * A change to who can confirm as a manager (a new manager, a promotion, another manager's PIN) needs a second
 * manager's PIN once the desk has a manager besides the person acting: otherwise one manager could make the second.
 */
export async function confirmManagerChange(
  store: WorkStore,
  actor: string,
  secondManager: SecondManagerInput | undefined,
  what: string,
  subject?: string,
): Promise<void> {
  if (!(await hasManagerBesides(store, actor))) return;
  await askSecondManager(store, actor, secondManager, what, 'changes who can confirm as a manager', subject);
}

/**
 * A PIN a manager sets for someone else (adding them, or resetting theirs) is one the manager knows: with it they could
 * sign in as that person and be the "someone else" of four-eyes or of maker-checker. Once the desk has another manager,
 * that one confirms it. A sole manager is trusted with the desk's operators: nobody else could confirm.
 */
export async function confirmPinForSomeoneElse(
  store: WorkStore,
  actor: string,
  secondManager: SecondManagerInput | undefined,
  what: string,
  name: string,
): Promise<void> {
  if (!(await hasManagerBesides(store, actor))) return;
  await askSecondManager(store, actor, secondManager, what, `lets whoever knows the PIN act as ${name.trim()}`, name);
}

/** Whether someone other than `actor` could confirm as a second manager. */
const hasManagerBesides = async (store: WorkStore, actor: string) =>
  (await listOperators(store)).some((o) => o.role === 'manager' && operatorKey(o.name) !== operatorKey(actor));

/** A second manager's name and PIN for `what` (which `why`), checked and, when refused, audited. */
const askSecondManager = (
  store: WorkStore,
  actor: string,
  secondManager: SecondManagerInput | undefined,
  what: string,
  why: string,
  subject: string | undefined,
): Promise<string> =>
  confirmColleague(store, {
    actor,
    subject,
    colleague: secondManager,
    role: 'manager',
    what,
    missing: `${what} ${why}, so a second manager must confirm it with their PIN. Nothing was changed.`,
    refusal: { action: 'settings:second-manager-refused', details: { change: what } },
  });

/** A desk with managers keeps at least one: removing or demoting the last would turn sign-in and four-eyes off. */
export async function assertNotLastManager(store: WorkStore, name: string): Promise<OperatorView> {
  const all = await listOperators(store);
  const target = all.find((o) => operatorKey(o.name) === operatorKey(name));
  if (!target) throw new DeskError('NOT_FOUND', `No operator named "${name.trim()}" is registered on this desk.`);
  const managers = all.filter((o) => o.role === 'manager');
  if (target.role === 'manager' && managers.length === 1) {
    throw new DeskError(
      'CONFLICT',
      `${target.name} is the only manager. Add another manager first: a desk with operators always keeps one, so sign-in and four-eyes stay on.`,
    );
  }
  return target;
}
