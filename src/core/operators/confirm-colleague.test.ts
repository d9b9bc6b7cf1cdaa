import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type WorkStore } from '../store/work-store';
import { confirmColleague, type ColleagueRequest } from './confirm-colleague';
import { addOperator } from './operator-registry';

// A second person's confirmation on a real (in-memory PGlite) store: what a refusal tells the person at the screen.
let store: WorkStore;

beforeEach(async () => {
  store = await openStore({ kind: 'memory' });
  await addOperator(store, { name: 'Mia', pin: '91827', role: 'manager' }, 'setup');
  await addOperator(store, { name: 'Ned', pin: '66123', role: 'manager' }, 'setup');
});
afterEach(() => store.close());

const request = (operator: string, pin: string): ColleagueRequest => ({
  actor: 'Mia',
  colleague: { operator, pin },
  role: 'manager',
  what: 'request 7 (EUR 6,000.00)',
  missing: 'A second manager must confirm.',
  refusal: { action: 'payouts:four-eyes-refused' },
});

const refusals = async (operator: string, pins: string[]) => {
  const said: string[] = [];
  for (const pin of pins)
    said.push(
      await confirmColleague(store, request(operator, pin)).then(
        () => 'confirmed',
        (e: Error) => e.message,
      ),
    );
  return said;
};

describe('confirming as a colleague', () => {
  it('a name nobody has and a registered name with a wrong PIN get the same answers, lockout included, never the typed name', async () => {
    const pins = ['00000', '11111', '22222', '33333', '44444', '55555'];
    const known = await refusals('Ned', pins);
    const unknown = await refusals(' <i>Zed</i> ', pins);
    expect(unknown).toEqual(known);
    for (const message of known) {
      expect(message).not.toMatch(/Ned|Zed|<i>/);
      expect(message).toContain('Nothing was done; ');
    }
    expect(known[0]).toBe(
      'The operator name or PIN is not right. Nothing was done; ask your colleague to check their name and enter their PIN again.',
    );
    expect(known[4]).toBe(
      'The operator name or PIN is not right, and that was too many wrong tries: this operator name is locked for 30 s. Nothing was done; try again then, or ask another colleague.',
    );
    expect(known[5]).toBe(
      'Too many wrong tries: this operator name is locked for 30 s more. Nothing was done; try again then, or ask another colleague.',
    );
    // The audit keeps which part was wrong, for whoever reads it later.
    const reasons = await store.db.query<{ details: { reason: string; secondApprover: string } }>(
      `SELECT details FROM audit_log WHERE action = 'payouts:four-eyes-refused' ORDER BY seq`,
    );
    expect(reasons.rows.map((r) => r.details.reason).slice(0, 1)).toEqual(['wrong_pin']);
    expect(reasons.rows.map((r) => r.details.reason).slice(6, 7)).toEqual(['unknown_operator']);
  });
});
