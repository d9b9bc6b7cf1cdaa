import { describe, expect, it } from 'vitest';
import { backoffice, manager, profiles } from '../../../../test/support/palette-people';
import { filterCommands, paletteCommands, paletteHelp } from './palette-commands';

describe('command palette', () => {
  it('offers every screen, a connection test, and a switch to each profile that is not already active', () => {
    const labels = paletteCommands(profiles, 'a', manager).map((c) => c.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Go to Payouts',
        'Go to Lookup',
        'Go to Settings',
        'Test connection',
        'Switch profile: Live EUR',
      ]),
    );
    expect(labels).not.toContain('Switch profile: Embedded sandbox');
  });

  it('locks the desk or signs out for whoever is signed in: "lock" finds Lock, not Lookup', () => {
    const first = (query: string) => filterCommands(paletteCommands(profiles, 'a', backoffice), query)[0]?.label;
    expect(first('lock')).toBe('Lock the desk');
    expect(first('sign out')).toBe('Sign out');
    expect(first('log out')).toBe('Sign out');
    // The sandbox operator is nobody to lock or sign out.
    const sandbox = paletteCommands(profiles, 'a', {
      mode: 'sandbox',
      operator: 'Sandbox operator',
      roles: ['agent', 'backoffice', 'manager'],
      idleLockMinutes: 10,
    }).map((c) => c.label);
    expect(sandbox).not.toContain('Lock the desk');
    expect(sandbox).not.toContain('Sign out');
  });

  it('matches every typed word anywhere, so "sw live" finds the live profile and the LIVE hint', () => {
    const found = filterCommands(paletteCommands(profiles, 'a', manager), 'sw live');
    expect(found.map((c) => c.label)).toEqual(['Switch profile: Live EUR']);
    expect(filterCommands(paletteCommands(profiles, 'a', manager), 'nothing like this')).toEqual([]);
  });

  it('knows the words people use for a screen: withdrawals, holds, MOTO, a tid, the log', () => {
    const first = (query: string) => filterCommands(paletteCommands(profiles, 'a', manager), query)[0]?.label;
    expect(first('withdrawals')).toBe('Go to Payouts');
    // A word is matched from its start: "holds" is not in Settings' "thresholds".
    expect(filterCommands(paletteCommands(profiles, 'a', manager), 'holds').map((c) => c.label)).toEqual([
      'Go to Captures',
    ]);
    expect(first('authorizations')).toBe('Go to Captures');
    expect(first('moto')).toBe('Go to Virtual terminal');
    expect(first('find tid')).toBe('Go to Lookup');
    expect(first('log')).toBe('Go to Audit');
    expect(first('operators')).toBe('Go to Settings');
  });

  it('offers a back-office operator only what they may do: their screens, and no profile switch or settings', () => {
    const labels = paletteCommands(profiles, 'a', backoffice).map((c) => c.label);
    expect(labels).toEqual(['Go to Payouts', 'Go to Lookup', 'Lock the desk', 'Sign out']);
  });
});

describe('palette help', () => {
  it('names every kind of command the person has, and what to type', () => {
    expect(paletteHelp(paletteCommands(profiles, 'a', manager))).toBe(
      'The palette can go to a screen (Payouts, Captures, Virtual terminal, Lookup, Audit, Settings), lock the desk, sign out, test the connection or switch profile. Type part of a name, e.g. “pay” for Go to Payouts.',
    );
  });

  it('names only the screens of a back-office operator', () => {
    expect(paletteHelp(paletteCommands(profiles, 'a', backoffice))).toBe(
      'The palette can go to a screen (Payouts, Lookup), lock the desk or sign out. Type part of a name, e.g. “pay” for Go to Payouts.',
    );
  });
});
