import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { WS_ADMISSION_PATH, WS_PATH } from '../../src/shared/ipc/ws-protocol';
import { browserHostForThisFile } from '../support/browser-host-rig';

// What anyone who can reach the browser host's loopback port can make it write: a page on any site the operator opens
// can knock on it (another Origin) or reach it by DNS rebinding (another Host), as often as it likes.
const world = browserHostForThisFile('browser-host-refusals');

/** One raw HTTP request to the host (headers as given, Host included), answered with its status. */
function knock(headers: Record<string, string>, path = '/', method = 'GET'): Promise<number> {
  const { port } = new URL(world.host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const upgrade = {
  connection: 'Upgrade',
  upgrade: 'websocket',
  'sec-websocket-version': '13',
  'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
};

describe('refusals anyone can cause at the browser host', () => {
  it('a flood of foreign Origins and Hosts, with headers kilobytes long, writes a bounded number of short log lines', async () => {
    const linesBefore = world.rig.log.lines.length;
    const ownHost = new URL(world.host.origin).host;
    const long = 'a'.repeat(8_000);
    for (let i = 0; i < 150; i++) {
      expect(
        await knock({ ...upgrade, host: ownHost, origin: `http://${long}${i}.example` }, `${WS_PATH}?token=x`),
      ).toBe(403);
      expect(await knock({ host: `${long}${i}.example` })).toBe(421);
      // Asking why a socket would be refused is refused the same way, out of the same budget of lines.
      expect(
        await knock(
          { host: ownHost, origin: `http://${long}${i}.example`, authorization: `Bearer ${long}` },
          WS_ADMISSION_PATH,
          'POST',
        ),
      ).toBe(403);
    }
    const written = world.rig.log.lines.slice(linesBefore).filter((l) => l.includes('browser host'));
    expect(written.length, written.map((l) => l.slice(0, 120)).join('\n')).toBeLessThanOrEqual(12);
    expect(Math.max(...written.map((l) => l.length))).toBeLessThan(1_000);
    // The page itself is still served on its own Host.
    expect(await knock({ host: ownHost })).toBe(200);
  });
});
