/**
 * Sends signed notifications from a process of its own, as Praxis does, so the sending is not counted against the
 * desk's thread: forked with the intake URL, the first tid, the count and the concurrency; it sends on "go" and
 * answers "done" with its own CPU per notification. With SENDER_CPU_PROFILE set it writes a CPU profile of the sending there.
 * Every request is built and signed before "ready" (SENDER=node-http: node:http, each built while sending, as before).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { notificationSender, pool } from './notification-sender';
import { prebuiltNotificationRequests, sendPrebuilt } from './prebuilt-http-sender';

const [url, first, count, concurrency] = process.argv.slice(2);
const profileTo = process.env.SENDER_CPU_PROFILE;
const tids = Array.from({ length: Number(count) }, (_, i) => Number(first) + i);
const nodeHttp = process.env.SENDER === 'node-http';
const requests = nodeHttp ? [] : prebuiltNotificationRequests(url!, tids);
const sendThemAll = () =>
  nodeHttp
    ? pool(tids, Number(concurrency), notificationSender(url!, Number(concurrency)))
    : sendPrebuilt(url!, requests, Number(concurrency));

/** Sends them all; answers the sender's own CPU per notification, in ms. */
async function sendAll(): Promise<number> {
  const session = profileTo ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  await sendThemAll();
  const cpu = process.cpuUsage(cpu0);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileTo!, JSON.stringify(profile));
  }
  return (cpu.user + cpu.system) / 1000 / tids.length;
}

process.on('message', (msg) => {
  if (msg !== 'go') return;
  sendAll().then(
    (cpuMs) => process.send!({ done: true, cpuMs }, () => process.exit(0)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});
process.send!('ready');
