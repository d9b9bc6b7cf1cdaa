import type { ViewChannels } from '../queue/saved-views-store';
import { callChannel } from './call-channel';

/** The work store's saved-view channels, shared by every queue screen. */
export const viewChannels: ViewChannels = {
  list: () => callChannel('views:list', {}, 'saved views'),
  save: (input) => callChannel('views:save', input, 'saved views'),
  remove: (id) => callChannel('views:remove', { id }, 'saved views'),
};
