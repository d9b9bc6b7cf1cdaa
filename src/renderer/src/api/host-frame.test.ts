import { describe, expect, it } from 'vitest';
import { readHostFrame } from './host-frame';

describe('a frame from the browser host', () => {
  it('reads a reply, a refusal and a pushed event', () => {
    expect(readHostFrame('{"id":3,"result":{"ok":true,"data":{"rows":[]}}}')).toEqual({
      id: 3,
      result: { ok: true, data: { rows: [] } },
    });
    expect(
      readHostFrame('{"id":4,"result":{"ok":false,"error":{"code":"SIGN_IN","message":"Sign in first"}}}'),
    ).toEqual({
      id: 4,
      result: { ok: false, error: { code: 'SIGN_IN', message: 'Sign in first' } },
    });
    expect(readHostFrame('{"event":"event:queue-changed","payload":{"queue":"payouts","ids":["1"]}}')).toEqual({
      event: 'event:queue-changed',
      payload: { queue: 'payouts', ids: ['1'] },
    });
  });

  it('drops what is not one: no page call is settled by a malformed frame', () => {
    for (const frame of [
      'not json',
      'null',
      '[1,2]',
      '{"id":null,"result":{"ok":false,"error":{"code":"VALIDATION","message":"bad frame"}}}',
      '{"id":-1,"result":{"ok":true,"data":1}}',
      '{"id":1.5,"result":{"ok":true,"data":1}}',
      '{"id":"1","result":{"ok":true,"data":1}}',
      '{"id":1,"result":{"ok":true}}',
      '{"id":1,"result":{"ok":false}}',
      '{"id":1,"result":{"ok":false,"error":{"code":"X"}}}',
      '{"id":1,"result":"ok"}',
      '{"event":"queue-changed","payload":{}}',
    ])
      expect(readHostFrame(frame), frame).toBeNull();
  });
});
