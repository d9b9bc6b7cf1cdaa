/**
 * Sends signed notifications from a process of its own, as Praxis does, so the sending is not counted against the
 * desk's thread: forked with the intake URL, the first tid, the count and the concurrency; it sends on "go" and
 * answers "done".
 */
import { notificationSender, pool } from './notification-sender';

const [url, first, count, concurrency] = process.argv.slice(2);
const send = notificationSender(url!);
const tids = Array.from({ length: Number(count) }, (_, i) => Number(first) + i);

process.on('message', (msg) => {
  if (msg !== 'go') return;
  pool(tids, Number(concurrency), send).then(
    () => process.send!('done', () => process.exit(0)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});
process.send!('ready');
