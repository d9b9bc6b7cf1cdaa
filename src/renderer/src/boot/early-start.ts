import { mayOpen } from '../access/screen-roles';
import { desk } from '../api/desk';
import { instantText } from '../components/instant-text';
import { payoutsAvailable } from '../api/payouts';
import { accessActions } from '../stores/access';
import { useNavigation } from '../stores/navigation';
import { payoutsActions } from '../stores/payouts';

/** How long the desk's first render waits for the first queue page before it shows the screen without it. */
const FIRST_PAGE_WAIT_MS = 250;

/**
 * The first number or date a fresh page formats loads the browser's locale data (~20–30 ms). Done while the first
 * page is on its way, that wait no longer adds to the first render's.
 */
function loadLocaleData(): void {
  (0).toLocaleString('en');
  // The format the rows' times are written in (their titles), built here once.
  instantText(0);
}

/*
 * Imported first by main.tsx, so it runs before React and the screens are evaluated: the sign-in state is asked for at
 * once and, when it allows the payout queue (the start screen), its first page. The desk is first rendered once that
 * page has landed (or after a short wait), so the screen is rendered and laid out once, with its rows, rather than
 * empty and then again. The core checks the role of every call; the screen still shows rows only when the access
 * store says the person may open it.
 */
const status = desk().session.status({});
const statusWithFirstPage = status.then(async (res) => {
  const startsOnPayouts = useNavigation.getState().screen === 'payouts';
  if (res.ok && startsOnPayouts && payoutsAvailable() && mayOpen('payouts', res.data)) {
    const firstPage = payoutsActions.startEarly();
    // A task of its own, so the page's request is sent first.
    setTimeout(loadLocaleData, 0);
    await Promise.race([firstPage, new Promise((wait) => setTimeout(wait, FIRST_PAGE_WAIT_MS))]);
  }
  return res;
});
void accessActions.loadAtStart(statusWithFirstPage);
