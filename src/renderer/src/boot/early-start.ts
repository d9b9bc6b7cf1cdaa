import { mayOpen } from '../access/screen-roles';
import { payoutsAvailable } from '../api/payouts';
import { accessActions, useAccess } from '../stores/access';
import { useNavigation } from '../stores/navigation';
import { payoutsActions } from '../stores/payouts';

/*
 * Imported first by main.tsx, so it runs before React and the screens are evaluated: the sign-in state is asked for at
 * once and, when it allows the payout queue (the start screen), its first page, both on their way while the rest of
 * the page's script runs and renders. The core checks the role of every call; the screen still shows rows only when
 * the access store says the person may open it.
 */
void accessActions.loadAtStart().then(() => {
  const startsOnPayouts = useNavigation.getState().screen === 'payouts';
  if (startsOnPayouts && payoutsAvailable() && mayOpen('payouts', useAccess.getState().access))
    payoutsActions.startEarly();
});
