import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { payoutsAvailable } from './api/payouts';
import { firstRequests, payoutsChangedSinceStart } from './boot/first-requests';
import { accessActions } from './stores/access';
import { useNavigation } from './stores/navigation';
import { payoutsActions } from './stores/payouts';

// The answers to the entry script's first requests are usually here by now: the first render is the desk with rows.
void accessActions.loadAtStart(firstRequests.status);
const asked = await firstRequests.firstPayouts;
if (asked && payoutsAvailable() && useNavigation.getState().screen === 'payouts')
  payoutsActions.startEarly({ page: asked.page, changedSince: payoutsChangedSinceStart });
else payoutsChangedSinceStart();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
