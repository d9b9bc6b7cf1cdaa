import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/shared/audit';
import { auditActionWords } from '../../src/shared/audit-action-words';
import type { SavedView } from '../../src/shared/payouts';
import { startDeskCoreForTest, windowOf, type DeskWindow } from '../support/desk-core-rig';

// A saved view is shared by the whole desk: saving one under a taken name replaces a colleague's view, so an auditor
// must be able to read who saved, replaced or removed which view.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const at = (connection: string): DeskWindow => windowOf(() => rig, connection);
const mia = at('window-mia');
const bob = at('window-bob');

beforeAll(async () => {
  rig = await startDeskCoreForTest('saved-views-audited');
  await mia.call('operators:add', { name: 'Mia', pin: '91827', role: 'manager' });
  await mia.call('session:sign-in', { operator: 'Mia', pin: '91827' });
  await mia.call('operators:add', { name: 'Bob', pin: '43210', role: 'backoffice' });
  await bob.call('session:sign-in', { operator: 'Bob', pin: '43210' });
});
afterAll(() => rig?.close());

describe('saved payout views in the audit log', () => {
  it("name who saved, overwrote and removed a view, what it was before and after, in the Audit screen's words", async () => {
    const saved = await bob.call<SavedView>('views:save', { name: 'Big EUR', state: { filter: { currency: 'EUR' } } });
    // Another case of the same name: the view saved above is replaced.
    const replaced = await bob.call<SavedView>('views:save', {
      name: 'big eur',
      state: { filter: { currency: 'EUR', minAmount: 'x'.repeat(4_000) } },
    });
    expect(replaced.id).toBe(saved.id);
    await bob.call('views:remove', { id: saved.id });

    const { rows } = await mia.call<AuditPage>('audit:list', { filter: {} });
    const viewRows = rows.filter((r) => r.action.startsWith('views:')).reverse();
    expect(viewRows.map((r) => [r.operator, auditActionWords(r.action)])).toEqual([
      ['Bob', 'Save payout view'],
      ['Bob', 'Overwrite payout view'],
      ['Bob', 'Remove payout view'],
    ]);
    expect(viewRows.map((r) => r.details)).toEqual([
      expect.objectContaining({ after: expect.objectContaining({ name: 'Big EUR' }) }),
      expect.objectContaining({
        before: expect.objectContaining({ name: 'Big EUR' }),
        after: expect.objectContaining({ name: 'big eur' }),
      }),
      expect.objectContaining({ before: expect.objectContaining({ name: 'big eur' }) }),
    ]);
    // The view's state is summed up, not copied: a row stays small whatever the view holds.
    for (const row of viewRows) expect(JSON.stringify(row.details).length).toBeLessThan(1_000);
  });
});
