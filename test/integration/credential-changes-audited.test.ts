import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/shared/audit';
import { startDeskCoreForTest } from '../support/desk-core-rig';

// An auditor reading the log must see which credential a manager replaced or removed, never the credential itself.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const desk = () => rig.at('credential-changes');
const SECRET = 'Replacement-Secret-Value-1234';

beforeAll(async () => {
  rig = await startDeskCoreForTest('credential-changes-audited');
});
afterAll(() => rig?.close());

describe('credential changes in the audit log', () => {
  it('say which credential of which profile was replaced or removed, and hold no secret', async () => {
    await desk().call('credentials:set', { profileId: 'embedded-sandbox', secret: SECRET });
    await desk().call('credentials:clear', { profileId: 'embedded-sandbox' });
    const rows = (await desk().call<AuditPage>('audit:list', { filter: {} })).rows.filter((r) =>
      r.action.startsWith('credentials:'),
    );
    expect(rows.map((r) => [r.action, r.details])).toEqual([
      [
        'credentials:clear',
        expect.objectContaining({ profileId: 'embedded-sandbox', credential: 'merchant secret', change: 'removed' }),
      ],
      [
        'credentials:set',
        expect.objectContaining({ profileId: 'embedded-sandbox', credential: 'merchant secret', change: 'replaced' }),
      ],
    ]);
    expect(JSON.stringify(rows)).not.toContain(SECRET);
  });
});
