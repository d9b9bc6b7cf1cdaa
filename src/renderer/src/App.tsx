import { useEffect } from 'react';
import { Frame } from './components/Frame';
import { capturesAvailable } from './api/captures';
import { SignIn } from './access/SignIn';
import { useIdleLock } from './access/use-idle-lock';
import { useFocusNeverOnBody } from './components/use-focus-never-on-body';
import { accessActions, useAccess } from './stores/access';
import { capturesActions } from './stores/captures';
import { holdsExpiringActions } from './stores/holds-expiring';
import { followActiveProfile } from './stores/profile-follow';
import { QUEUE_FOLLOWERS } from './stores/queue-followers';
import { sessionActions, useSession } from './stores/session';
import { mayOpen } from './access/screen-roles';
import { clearQueuesForTheNextPerson } from './stores/person-change';

/** Nobody signed in: the sign-in is the whole window. Once someone is, the desk; locked, the desk under the lock. */
export function App() {
  const access = useAccess((s) => s.access);
  const accessError = useAccess((s) => s.error);
  useEffect(() => {
    const stop = accessActions.follow();
    const stopHandOver = clearQueuesForTheNextPerson();
    void accessActions.loadAtStart();
    return () => {
      stop();
      stopHandOver();
    };
  }, []);

  if (!access) {
    return accessError ? (
      <BootError message={`${accessError.code}: ${accessError.message}`} retry={() => void accessActions.load()} />
    ) : null;
  }
  if (access.mode === 'signed-out') return <SignIn key="sign-in" why={access.why} />;
  return <Desk lockedFor={access.mode === 'locked' ? access.operator : undefined} />;
}

function Desk({ lockedFor }: { lockedFor: string | undefined }) {
  const error = useSession((s) => s.error);
  const loaded = useSession((s) => s.info !== null);
  const mayCapture = useAccess((s) => mayOpen('captures', s.access));
  useIdleLock();
  useFocusNeverOnBody();

  useEffect(() => {
    const stop = sessionActions.follow();
    const stopQueues = followActiveProfile(QUEUE_FOLLOWERS);
    void sessionActions.load();
    return () => {
      stop();
      stopQueues();
    };
  }, []);
  useEffect(() => {
    // The capture queue loads at start, so the navigation's badge counts the holds in their last 24 hours at once.
    if (!mayCapture || !capturesAvailable()) return;
    const stopHolds = holdsExpiringActions.follow();
    const stopCaptures = capturesActions.follow();
    void capturesActions.load();
    return () => {
      stopHolds();
      stopCaptures();
    };
  }, [mayCapture]);

  if (!loaded && error)
    return <BootError message={`${error.code}: ${error.message}`} retry={() => void sessionActions.load()} />;
  return (
    <>
      <Frame inert={lockedFor !== undefined} />
      {lockedFor !== undefined && <SignIn key={`lock-${lockedFor}`} lockedFor={lockedFor} />}
    </>
  );
}

function BootError({ message, retry }: { message: string; retry: () => void }) {
  return (
    <div className="boot-error" role="alert">
      <h1>The desk could not start</h1>
      <p>{message}</p>
      <button type="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
