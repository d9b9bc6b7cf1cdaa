import { useEffect } from 'react';
import { Frame } from './components/Frame';
import { followActiveProfileForPayouts } from './stores/payouts-profile-follow';
import { sessionActions, useSession } from './stores/session';

export function App() {
  const error = useSession((s) => s.error);
  const loaded = useSession((s) => s.info !== null);

  useEffect(() => {
    const stop = sessionActions.follow();
    const stopPayouts = followActiveProfileForPayouts();
    void sessionActions.load();
    return () => {
      stop();
      stopPayouts();
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
