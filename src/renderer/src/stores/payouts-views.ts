import { viewChannels } from '../api/views';
import { createSavedViews } from '../queue/saved-views-store';
import { ViewState } from './payouts-filter';

/** The Payouts screen's saved views; views saved before views named their queue are the payout queue's. */
export const payoutViews = createSavedViews('payouts', ViewState, viewChannels, true);
