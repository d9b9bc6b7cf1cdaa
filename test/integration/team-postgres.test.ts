import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  });
});
