import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOperator } from '../../src/core/operators/operator-registry';
import type { DeskError } from '../../src/shared/errors';
import { postgresUnavailableReason } from '../support/postgres';
import { startTeamRig, type TeamRig } from '../support/team-rig';

// Two desks, two people, two database logins, one shared queue: money moves exactly once however they race.
const skip = postgresUnavailableReason();
let team: TeamRig;

describe.skipIf(skip !== null)('two desks on one PostgreSQL store', () => {
  beforeAll(async () => {
    team = await startTeamRig({
      database: `team_race_${process.pid}`,
      desks: [
        { login: 'ana_desk', operator: 'Ana', role: 'desk_backoffice' },
        { login: 'bo_desk', operator: 'Bo', role: 'desk_backoffice' },
      ],
    });
  });
  afterAll(async () => team?.close());

  it('racing to bulk-approve the same 500 requests, each is paid out exactly once at the simulator', async () => {
    const tids = await team.requests(500);
    team.sim.setFaults({ latencyMs: 5 });
    const [ana, bo] = team.desks;
    const [a, b] = await Promise.all([
      ana!.engine.bulk({ action: 'approve', tids }),
      bo!.engine.bulk({ action: 'approve', tids: [...tids].reverse() }),
    ]);
    team.sim.clearFaults();

    const made = await team.payoutsMade(tids);
    expect([...made.perRequest.values()].filter((n) => n !== 1)).toEqual([]);
    expect(made.total).toBe(500);
    // Every request was decided by one desk; the other desk was told it was taken, not that it failed to pay.
    const doneBy = (o: typeof a) => o.results.filter((r) => r.state === 'done').map((r) => r.tid);
    expect(new Set([...doneBy(a), ...doneBy(b)]).size).toBe(500);
    expect(doneBy(a).length + doneBy(b).length).toBe(500);
    expect(doneBy(a).length).toBeGreaterThan(0);
    expect(doneBy(b).length).toBeGreaterThan(0);
    const journal = await team.owner.db.query<{ db_user: string; n: number }>(
      `SELECT db_user, count(*)::int AS n FROM action_journal WHERE state = 'done' GROUP BY db_user ORDER BY db_user`,
    );
    // The database, not the client, recorded whose login sent each one.
    expect(journal.rows).toEqual([
      { db_user: 'ana_desk', n: doneBy(a).length },
      { db_user: 'bo_desk', n: doneBy(b).length },
    ]);
    expect((await ana!.engine.list()).rows).toEqual([]);
    expect((await bo!.engine.list()).rows).toEqual([]);
    // 1,000 engine calls on two cores shared with the server and the simulator: a budget, not a speed check.
  }, 180_000);

  it('four-eyes through the desk on a team store: the core’s confirmation is what the database checks', async () => {
    await addOperator(team.owner, { name: 'Mia', pin: '2468', role: 'manager' }, 'database owner');
    await addOperator(team.owner, { name: 'Ana', pin: '1357', role: 'backoffice' }, 'Mia');
    const [big, bulkA, bulkB] = await team.requests(3, (i) => ({ cid: `big-${i}`, currency: 'EUR', amount: 900_000 }));
    const ana = team.desks[0]!.engine;
    const gateway = (await ana.gateways(big!))[0]!.id;
    expect(((await ana.approve({ tid: big!, gateway }).catch((e: unknown) => e)) as DeskError).code).toBe('FOUR_EYES');
    const outcome = await ana.approve({ tid: big!, gateway, secondApprover: { operator: 'Mia', pin: '2468' } });
    expect(outcome.state).toBe('done');
    const bulk = await ana.bulk({
      action: 'approve',
      tids: [bulkA!, bulkB!],
      secondApprover: { operator: 'Mia', pin: '2468' },
    });
    expect(bulk.results.map((r) => r.state)).toEqual(['done', 'done']);
    expect((await team.payoutsMade([big!, bulkA!, bulkB!])).total).toBe(3);
  });
});
