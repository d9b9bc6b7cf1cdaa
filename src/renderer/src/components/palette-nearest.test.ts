import { describe, expect, it } from 'vitest';
import { backoffice, manager, profiles } from '../../../../test/support/palette-people';
import { paletteCommands } from './palette-commands';
import { editDistance, nearestCommands } from './palette-nearest';

const nearest = (query: string, access = manager) =>
  nearestCommands(paletteCommands(profiles, 'a', access), query).map((c) => c.label);

describe('nearest palette commands', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('audti', 'audit')).toBe(1);
    expect(editDistance('paymnts', 'payouts')).toBe(2);
    expect(editDistance('', 'go')).toBe(2);
  });

  it('offers the screen a slip of the keys names, or a word a new user guesses', () => {
    expect(nearest('paymnts')[0]).toBe('Go to Payouts');
    // Payments go both ways here: a payout, or a deposit a phone agent takes.
    expect(nearest('payments')).toEqual(expect.arrayContaining(['Go to Payouts', 'Go to Virtual terminal']));
    expect(nearest('withdrawls')).toEqual(['Go to Payouts']);
    expect(nearest('go to captres')).toEqual(['Go to Captures']);
    expect(nearest('audti')).toEqual(['Go to Audit']);
    expect(nearest('setings')).toEqual(['Go to Settings']);
    expect(nearest('swtich live')[0]).toBe('Switch profile: Live EUR');
  });

  it('offers nothing when no typed word comes near, and never what the person may not do', () => {
    expect(nearest('qqzx')).toEqual([]);
    // Two letters off the start of "withdrawals" is not a slip: a back-office operator has no profile to switch.
    expect(nearest('switch', backoffice)).toEqual([]);
    // "go" and "to" are in every screen's command: two letters say nothing about which one.
    expect(nearest('go to')).toEqual([]);
    expect(nearest('swtich live', backoffice)).toEqual([]);
    expect(nearest('setings', backoffice)).toEqual([]);
  });

  it('offers at most three, most typed words near first', () => {
    expect(nearest('test conection captres pay').length).toBeLessThanOrEqual(3);
    expect(nearest('tset conection')[0]).toBe('Test connection');
  });
});
