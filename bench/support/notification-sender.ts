/** Signed notifications posted to an intake the way Praxis sends them, for the benches. */
import { Agent, request } from 'node:http';
import { createIntake, NOTIFICATION_PATH } from '../../src/core/intake/intake-server';
import { createLogger } from '../../src/core/log';
import type { GroupCommitOptions } from '../../src/core/store/group-commit';
import type { WorkStore } from '../../src/core/store/work-store';
import { SANDBOX_SAMPLE } from '../../src/shared/domain';
import { notificationBody, nowSeconds, signNotification } from '../../test/support/notifications';

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function pool<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** The answer to one POST: status code and body text. */
function post(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
      res.on('error', reject);
    });
    req.end(body);
  });
}

/** The bench's notification for a tid: a new withdrawal request, one of 500 customers. */
export const requestedNotificationBody = (tid: number) =>
  notificationBody({
    tid,
    status: 'requested',
    amountMinor: 1000 + (tid % 5000),
    customerToken: `tok${tid % 500}`,
    timestamp: nowSeconds(),
  });

/**
 * Posts one signed "requested" notification for a tid to `url`; throws unless the intake acknowledges it. Like a
 * server-side sender (Praxis's), it keeps its connections open between messages: node:http with a keep-alive agent,
 * one socket per message in flight. (Node's fetch costs the sender some 3 ms CPU per message in web streams, so it
 * was the sender, not the intake, that capped the bench.)
 */
export function notificationSender(url: string, inFlight = 16): (tid: number) => Promise<void> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  return async (tid) => {
    const body = requestedNotificationBody(tid);
    const text = await post(
      agent,
      target,
      { 'content-type': 'application/json', 'gt-authentication': signNotification(body) },
      JSON.stringify(body),
    );
    const ack = JSON.parse(text) as { status: number; description: string };
    if (ack.status !== 0) throw new Error(`notification ${tid} refused: ${ack.description}`);
  };
}

/** An intake on a free loopback port for the sandbox merchant, storing into `store`; its notification URL. */
export async function startSandboxIntake(
  store: WorkStore,
  groupCommit?: GroupCommitOptions | false,
): Promise<{ url: string; close(): Promise<void> }> {
  const merchant = {
    merchantId: SANDBOX_SAMPLE.merchantId,
    applicationKey: SANDBOX_SAMPLE.applicationKey,
    secret: async () => SANDBOX_SAMPLE.secret,
  };
  const intake = createIntake({
    store,
    merchant,
    logger: createLogger(() => undefined),
    ...(groupCommit !== undefined ? { groupCommit } : {}),
  });
  const url = `${await intake.listen({ port: 0 })}${NOTIFICATION_PATH}`;
  return { url, close: () => intake.close() };
}

/**
 * Readies a separate process that sends `count` notifications from tid `first` to `url`, `concurrency` in flight;
 * `send()` starts it and settles when all are acknowledged, with the sender's CPU per notification.
 */
export async function notificationSenderProcess(
  url: string,
  first: number,
  count: number,
  concurrency: number,
  /** Where the sender writes a CPU profile of its sending (none: not profiled). */
  cpuProfile?: string,
): Promise<{ send(): Promise<{ senderCpuMs: number }> }> {
  const { fork } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const script = fileURLToPath(new URL('./notification-sender-cli.ts', import.meta.url));
  const child = fork(script, [url, String(first), String(count), String(concurrency)], {
    execArgv: process.execArgv,
    env: { ...process.env, ...(cpuProfile ? { SENDER_CPU_PROFILE: cpuProfile } : {}) },
  });
  const exited = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the sender exited with code ${code}`)))),
  );
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    exited.catch(reject);
  });
  return {
    send: async () => {
      const done = new Promise<{ senderCpuMs: number }>((resolve) =>
        child.on('message', (m: { done?: boolean; cpuMs?: number }) => {
          if (m.done) resolve({ senderCpuMs: m.cpuMs ?? NaN });
        }),
      );
      child.send('go');
      return Promise.race([done, exited.then(() => ({ senderCpuMs: NaN }))]);
    },
  };
}
