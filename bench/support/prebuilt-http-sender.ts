/**
 * A sender that costs little CPU, so a bench on a 2-core machine measures the intake and not its own client (Praxis
 * sends from other machines): every request is built and signed before the clock starts, then written whole on
 * raw keep-alive sockets, one message in flight per socket, each counted only once its answer has arrived and says
 * status 0. Still plain HTTP/1.1 that any server reads: Host, Content-Length, keep-alive, a new socket when the
 * server closes one (the intake closes a socket after maxRequestsPerSocket requests).
 */
import { connect, type Socket } from 'node:net';
import { requestedNotificationBody } from './notification-sender';
import { signNotification } from '../../test/support/notifications';

const HEADER_END = Buffer.from('\r\n\r\n');

/** One complete POST per tid, signed: the bytes a sender writes for it. */
export function prebuiltNotificationRequests(url: string, tids: number[]): Buffer[] {
  const target = new URL(url);
  return tids.map((tid) => {
    const body = requestedNotificationBody(tid);
    const text = JSON.stringify(body);
    const head =
      `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: keep-alive\r\n` +
      `Content-Type: application/json\r\nGT-Authentication: ${signNotification(body)}\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n`;
    return Buffer.from(head + text);
  });
}

interface Answer {
  status: number;
  body: string;
  /** The server will close the socket after this answer. */
  closes: boolean;
}

/** Reads answers off one socket; `next()` settles with the next whole answer. */
function answerReader(socket: Socket): { next(): Promise<Answer> } {
  let buffered: Buffer = Buffer.alloc(0);
  let waiting: { resolve(a: Answer): void; reject(e: unknown): void } | null = null;
  let failure: Error | null = null;
  const tryAnswer = () => {
    if (!waiting) return;
    if (failure) return waiting.reject(failure);
    const headEnd = buffered.indexOf(HEADER_END);
    if (headEnd < 0) return;
    const head = buffered.subarray(0, headEnd).toString('latin1');
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) return waiting.reject(new Error(`an answer without Content-Length: ${head.slice(0, 200)}`));
    const end = headEnd + HEADER_END.length + Number(length[1]);
    if (buffered.length < end) return;
    const answer: Answer = {
      status: Number(head.slice(9, 12)),
      body: buffered.subarray(headEnd + HEADER_END.length, end).toString('utf8'),
      closes: /\r\nconnection:\s*close/i.test(head),
    };
    buffered = buffered.subarray(end);
    const w = waiting;
    waiting = null;
    w.resolve(answer);
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    tryAnswer();
  });
  const fail = (err: Error) => {
    failure = err;
    tryAnswer();
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the intake closed the socket before answering')));
  return {
    next: () =>
      new Promise<Answer>((resolve, reject) => {
        waiting = { resolve, reject };
        tryAnswer();
      }),
  };
}

function open(url: URL): Promise<{ socket: Socket; reader: ReturnType<typeof answerReader> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    const reader = answerReader(socket);
    socket.once('connect', () => resolve({ socket, reader }));
    socket.once('error', reject);
  });
}

/** Sends every request, `concurrency` sockets each with one in flight; throws on the first answer not status 0. */
export async function sendPrebuilt(url: string, requests: Buffer[], concurrency: number): Promise<void> {
  const target = new URL(url);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      let conn: Awaited<ReturnType<typeof open>> | null = null;
      while (next < requests.length) {
        const i = next++;
        conn ??= await open(target);
        conn.socket.write(requests[i]!);
        const answer = await conn.reader.next();
        const ack = JSON.parse(answer.body) as { status: number; description: string };
        if (answer.status !== 200 || ack.status !== 0) {
          throw new Error(`request ${i} refused (HTTP ${answer.status}): ${ack.description}`);
        }
        if (answer.closes) {
          conn.socket.destroy();
          conn = null;
        }
      }
      conn?.socket.destroy();
    }),
  );
}
