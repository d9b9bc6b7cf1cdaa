import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYOUT_SETTINGS } from '../payouts/payout-settings';
import { createMemoryLogger } from '../log';
import { dispatch, type CommandHandlers } from './dispatch';

// Validation answers before any handler runs, so none is needed.
const handlers = {} as CommandHandlers;
const answer = (channel: string, input: unknown) =>
  dispatch(handlers, channel, input, { transport: 'test', connection: 'test' }, createMemoryLogger());

describe('dispatch: a VALIDATION answer says, per field, what to type', () => {
  const settings = (patch: object) => ({ ...DEFAULT_PAYOUT_SETTINGS, ...patch });
  it.each([
    ['payout-settings:save', 'bulkConcurrency', 'must be at most 32', settings({ bulkConcurrency: 100 })],
    [
      'payout-settings:save',
      'slaLateMinutes',
      'must be more than the SLA warning (30 minutes)',
      settings({ slaWarnMinutes: 30, slaLateMinutes: 10 }),
    ],
    [
      'payout-settings:save',
      'withdrawalRatioPercent',
      'must be at most 100000',
      settings({ withdrawalRatioPercent: 99_999_999_999 }),
    ],
    ['operators:add', 'pin', 'must be 4 to 8 digits', { name: 'Ana', pin: '12', role: 'manager' }],
    ['operators:add', 'name', 'must be at most 32 characters', { name: 'A'.repeat(200), pin: '1234', role: 'manager' }],
    ['views:save', 'name', 'must be at most 60 characters', { name: 'v'.repeat(300), state: {} }],
  ])('%s, %s: "%s"', async (channel, path, message, input) => {
    const r = await answer(channel, input);
    expect(r).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: `${path}: ${message}`, issues: [{ path, message }] },
    });
  });

  it('names no channel and no zod wording; a problem with the whole input reads as a sentence', async () => {
    const r = await answer('operators:add', 'Ana');
    expect(r).toMatchObject({ ok: false, error: { message: 'the input must be a set of fields' } });
    const extra = await answer('operators:add', { name: 'Ana', pin: '1234', role: 'manager', admin: true });
    expect(extra).toMatchObject({ ok: false, error: { issues: [{ path: '', message: 'unknown field: admin' }] } });
    const missing = await answer('views:save', { state: {} });
    expect(missing).toMatchObject({ ok: false, error: { message: 'name: is required' } });
  });
});
