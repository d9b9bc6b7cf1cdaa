import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../log';
import { dispatch, type CommandContext, type CommandHandlers } from '../commands/dispatch';
import { currentActor } from './actor';
import { guardHandlers } from './access-guard';
import type { Resolved } from './sign-in-sessions';

const ctx: CommandContext = { transport: 'test', connection: 'w1' };
const signedOut: Resolved = { actor: null, state: { mode: 'signed-out', idleLockMinutes: 15 } };
const ann: Resolved = {
  actor: { name: 'Ann', roles: ['agent'] },
  state: { mode: 'signed-in', operator: 'Ann', role: 'agent', roles: ['agent'], idleLockMinutes: 15 },
};

/** The guarded table over one real channel whose handler answers who it ran as. */
function guarded(resolved: Resolved) {
  const refused: string[] = [];
  const handlers = { 'operators:add': async () => currentActor().name } as unknown as CommandHandlers;
  const table = guardHandlers(
    handlers,
    async () => resolved,
    async (r) => void refused.push(`${r.operator} ${r.channel}`),
  );
  return { table, refused };
}

describe('the access guard', () => {
  it('runs a handler only as the actor its own admit answered: a third argument from elsewhere names nobody', async () => {
    const { table } = guarded(signedOut);
    const direct = table['operators:add'] as unknown as (i: unknown, c: CommandContext, a: unknown) => Promise<string>;
    await expect(direct({}, ctx, { actor: { name: 'Mia', roles: ['manager'] } })).rejects.toMatchObject({
      code: 'SIGN_IN',
    });
  });

  it('refuses a call out of role before its input is read, and tells the refusal to the audit', async () => {
    const { table, refused } = guarded(ann);
    const r = await dispatch(table, 'operators:add', { junk: 'x'.repeat(10_000) }, ctx, createMemoryLogger());
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(refused).toEqual(['Ann operators:add']);
  });
});
