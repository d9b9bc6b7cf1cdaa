import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { browserHostForThisFile } from '../support/browser-host-rig';
import { hostSocketUrl, openHostPage } from '../support/host-page';

// A program holding the token sends commands as fast as it can and never reads the answers: they must not pile up in
// the desk's memory. A browser page always reads its socket, so this is never a real page.
const world = browserHostForThisFile('browser-host-unread');

describe('a socket that never reads its answers', () => {
  it('is closed once its unread answers pass a bound; the desk keeps answering other pages', async () => {
    const { url, origin } = hostSocketUrl(world.host);
    const ws = new WebSocket(url, { origin });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    // Reads nothing from here on: the kernel buffers fill, then the desk's own.
    ws.pause();
    const heapBefore = process.memoryUsage().heapUsed;
    const frame = JSON.stringify({ id: 1, channel: 'app:info', input: {} });
    let sent = 0;
    let isClosed = false;
    void closed.then(() => (isClosed = true));
    while (!isClosed && sent < 1_000_000) {
      for (let i = 0; i < 2_000; i++) ws.send(frame);
      sent += 2_000;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const grown = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    expect(isClosed, `${sent} frames sent, heap grew ${grown.toFixed(0)} MB, socket still open`).toBe(true);
    await closed;
    const other = await openHostPage(world.host);
    expect(await other.call('app:info', {})).toMatchObject({ ok: true });
    other.close();
    expect(world.rig.log.lines.some((l) => l.includes('not reading its answers'))).toBe(true);
  });
});
