import { viewChannels } from '../api/views';
import { createSavedViews } from '../queue/saved-views-store';
import { CaptureViewState } from './captures-filter';

/** The Captures screen's saved views (each stored with `queue: 'captures'`). */
export const captureViews = createSavedViews('captures', CaptureViewState, viewChannels);
