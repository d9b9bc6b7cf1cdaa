import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupResult, PraxisObjects } from '../../src/shared/lookup';
import { startDeskCoreForTest, windowOf, type DeskWindow } from '../support/desk-core-rig';

// Lookup's Praxis objects are read from the store, with no call to Praxis: an agent walking tids through them must not
// read what the role may not open on its own screen (insider round 4).
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const at = (connection: string): DeskWindow => windowOf(() => rig, connection);
const mia = at('window-mia');
const al = at('window-al');

beforeAll(async () => {
  rig = await startDeskCoreForTest('praxis-objects-roles');
});
afterAll(() => rig?.close());

describe('who may read an item’s Praxis objects', () => {
  it('a withdrawal’s are for those who may open Payouts: an agent is refused, a manager reads them', async () => {
    const request = await rig.request(rig.at('window-mia'), 'objects-roles', 'EUR', 9_00);
    await mia.call('operators:add', { name: 'Mia', pin: '91827', role: 'manager' });
    await mia.call('session:sign-in', { operator: 'Mia', pin: '91827' });
    await mia.call('operators:add', { name: 'Al', pin: '43210', role: 'agent' });
    await al.call('session:sign-in', { operator: 'Al', pin: '43210' });

    expect(await al.raw('lookup:praxis-objects', { tid: request.tid })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('worked in Payouts') },
    });
    const read = await mia.call<PraxisObjects>('lookup:praxis-objects', { tid: request.tid });
    expect(read.transaction).toMatchObject({ tid: request.tid, transaction_type: 'payout' });
  });

  it('looking a withdrawal up by id tells an agent where it is worked, not whose it is or how much', async () => {
    const request = await rig.request(rig.at('window-mia'), 'objects-roles-run', 'EUR', 47_050);
    const [seen] = await al.call<LookupResult[]>('lookup:run', { ids: [String(request.tid)] });
    expect(seen).toEqual({
      id: String(request.tid),
      kind: 'tid',
      ok: false,
      code: 'FORBIDDEN',
      reason: expect.stringContaining(`tid ${request.tid} is worked in Payouts`),
    });
    expect(JSON.stringify(seen)).not.toMatch(/470\.50|47050|objects-roles-run/);
    // The look-up still stored it: the request is in the payout queue for those who may open it.
    const [managerSees] = await mia.call<LookupResult[]>('lookup:run', { ids: [String(request.tid)] });
    expect(managerSees).toMatchObject({ ok: true, amountMinor: 47_050, type: 'payout' });
  });
});
