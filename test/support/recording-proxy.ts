/**
 * A loopback HTTP proxy that records every request and answer (headers and bodies) it passes on, for searching, and
 * counts them: how many it passed on, and the most it held open at once.
 */
import { createServer, request } from 'node:http';

export interface RecordingProxyOptions {
  /** Requests (and their answers) recorded in `apart` instead of `traffic`: another caller through the same address. */
  apart?: (path: string) => boolean;
  /** Holds each request this long before passing it on, so callers' requests overlap and `maxInFlight` shows it. */
  holdMs?: number;
}

export async function startRecordingProxy(target: string, options: RecordingProxyOptions = {}) {
  const traffic: string[] = [];
  const apart: string[] = [];
  const upstream = new URL(target);
  let open = 0;
  let maxOpen = 0;
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    maxOpen = Math.max(maxOpen, ++open);
    const record = options.apart?.(req.url ?? '') ? apart : traffic;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (options.holdMs) setTimeout(() => pass(Buffer.concat(chunks)), options.holdMs);
      else pass(Buffer.concat(chunks));
    });
    const pass = (body: Buffer) => {
      record.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)} ${body.toString('utf8')}`);
      const out = request(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          const back: Buffer[] = [];
          answer.on('data', (c: Buffer) => back.push(c));
          answer.on('end', () => {
            open--;
            const text = Buffer.concat(back);
            record.push(`${answer.statusCode} ${JSON.stringify(answer.headers)} ${text.toString('utf8')}`);
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(text);
          });
        },
      );
      out.on('error', () => {
        open--;
        res.destroy();
      });
      out.end(body);
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    traffic,
    apart,
    requests: () => requests,
    maxInFlight: () => maxOpen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
