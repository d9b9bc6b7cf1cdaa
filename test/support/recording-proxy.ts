/** A loopback HTTP proxy that records every request and answer (headers and bodies) it passes on, for searching. */
import { createServer, request } from 'node:http';

export interface RecordingProxyOptions {
  /** Requests (and their answers) recorded in `apart` instead of `traffic`: another caller through the same address. */
  apart?: (path: string) => boolean;
}

export async function startRecordingProxy(target: string, options: RecordingProxyOptions = {}) {
  const traffic: string[] = [];
  const apart: string[] = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const record = options.apart?.(req.url ?? '') ? apart : traffic;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      record.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)} ${body.toString('utf8')}`);
      const out = request(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          const back: Buffer[] = [];
          answer.on('data', (c: Buffer) => back.push(c));
          answer.on('end', () => {
            const text = Buffer.concat(back);
            record.push(`${answer.statusCode} ${JSON.stringify(answer.headers)} ${text.toString('utf8')}`);
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(text);
          });
        },
      );
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    traffic,
    apart,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
