import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PraxisObjects } from '../../src/shared/lookup';
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
});
