// A CLI whose close never settles (as a store stuck behind a flood would): what its stop signals do is under test.
import { closeOnSignal } from '../../src/server/cli-support';

closeOnSignal([{ name: 'the work store', close: () => new Promise<void>(() => undefined) }], { deadlineMs: 3_000 });
setInterval(() => undefined, 1000);
console.log('ready');
