import type { Profile } from '../../shared/domain';
import { currentActor } from '../access/actor';
import { carryManagerInto, managerRecord, type CarriedManager } from '../operators/operator-registry';
import type { WorkStore } from '../store/work-store';
import type { WorkspaceSwitcher } from './profile-workspace';

/**
 * A manager who switches the desk to a profile whose store has no manager yet is carried into it (same name, same
 * PIN): a store without a manager runs every window as the sandbox operator with every role, so a switch would
 * otherwise hand that to whoever sits at any window of the desk.
 */
export function createManagerCarrier(workspaces: () => WorkspaceSwitcher | null) {
  let pending: Promise<{ manager: CarriedManager; fromProfileId: string } | null> = Promise.resolve(null);
  return {
    /** As a switch begins, in the switching command's context: who is switching, read on the store being left. */
    leaving(): void {
      const { name } = currentActor();
      pending = (
        workspaces()?.use(async ({ store, profile }) => {
          const manager = await managerRecord(store, name);
          return manager && { manager, fromProfileId: profile.id };
        }) ?? Promise.resolve(null)
      ).catch(() => null);
    },
    /** On the new store, before any command can use it. */
    async opening(store: WorkStore, profile: Profile): Promise<void> {
      const carry = await pending;
      pending = Promise.resolve(null);
      if (carry && carry.fromProfileId !== profile.id)
        await carryManagerInto(store, carry.manager, carry.fromProfileId);
    },
  };
}
