import { useEffect } from 'react';
import { Frame } from './components/Frame';
import { capturesAvailable } from './api/captures';
import { capturesActions } from './stores/captures';
import { holdsExpiringActions } from './stores/holds-expiring';
import { followActiveProfile } from './stores/profile-follow';
import { QUEUE_FOLLOWERS } from './stores/queue-followers';
import { sessionActions, useSession } from './stores/session';

export function App() {
  const error = useSession((s) => s.error);
  const loaded = useSession((s) => s.info !== null);

  useEffect(() => {
    const stop = sessionActions.follow();
    const stopQueues = followActiveProfile(QUEUE_FOLLOWERS);
    const stopHolds = holdsExpiringActions.follow();
    // The capture queue loads at start, so the navigation's badge counts the holds in their last 24 hours at once.
    const stopCaptures = capturesAvailable() ? capturesActions.follow() : () => {};
    if (capturesAvailable()) void capturesActions.load();
    void sessionActions.load();
    return () => {
      stop();
      stopQueues();
      stopHolds();
      stopCaptures();
    };
  }, []);

  if (!loaded && error) {
    return (
      <div className="boot-error" role="alert">
        <h1>The desk could not start</h1>
        <p>
          {error.code}: {error.message}
        </p>
        <button type="button" onClick={() => void sessionActions.load()}>
          Try again
        </button>
      </div>
    );
  }
  return <Frame />;
}
