import { ScreenHeader } from '../components/ScreenHeader';
import { accessActions, useAccess } from '../stores/access';
import { SCREEN_TITLES, type Screen } from '../stores/navigation';
import { whyNot } from './screen-roles';

/** What a screen shows to someone whose role may not use it: why, and what to do (nothing of the screen itself). */
export function RoleRefusal({ screen }: { screen: Screen }) {
  const access = useAccess((s) => s.access);
  return (
    <>
      <ScreenHeader title={SCREEN_TITLES[screen]} />
      <section className="screen-notice" role="region" aria-label={`${SCREEN_TITLES[screen]} is not for your role`}>
        <p>{whyNot(screen, access)}</p>
        <p className="muted">
          Ask a manager to give you the role in Settings › Operators, or sign in as someone who has it.
        </p>
        <button type="button" onClick={() => void accessActions.signOut()}>
          Sign out
        </button>
      </section>
    </>
  );
}
