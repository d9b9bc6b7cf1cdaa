import { mayOpen } from '../access/screen-roles';
import { desk } from '../api/desk';
import { payoutsAvailable } from '../api/payouts';
import { accessActions } from '../stores/access';
import { useNavigation } from '../stores/navigation';
import { payoutsActions } from '../stores/payouts';

/*
 * Imported first by main.tsx, so it runs before React and the screens are evaluated: the sign-in state is asked for at
 * once and, when it allows the payout queue (the start screen), its first page, both on their way while the rest of
 * the page's script runs and renders. The core checks the role of every call; the screen still shows rows only when
 * the access store says the person may open it.
 */
const status = desk().session.status({});
// Registered before the access store applies the answer, so the page is asked for before React renders the desk.
void status.then((res) => {
  const startsOnPayouts = useNavigation.getState().screen === 'payouts';
  if (res.ok && startsOnPayouts && payoutsAvailable() && mayOpen('payouts', res.data)) payoutsActions.startEarly();
});
void accessActions.loadAtStart(status);
