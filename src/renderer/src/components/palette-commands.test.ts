import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/domain';
import { filterCommands, paletteCommands } from './palette-commands';

const profile = (id: string, name: string, environment: Profile['environment']): Profile => ({
  id,
  name,
  environment,
  merchantId: 'M',
  applicationKey: 'K',
});

describe('command palette', () => {
  const profiles = [profile('a', 'Embedded sandbox', 'embedded-sandbox'), profile('b', 'Live EUR', 'praxis-live')];

  it('offers every screen, a connection test, and a switch to each profile that is not already active', () => {
    const labels = paletteCommands(profiles, 'a').map((c) => c.label);
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

  it('matches every typed word anywhere, so "sw live" finds the live profile and the LIVE hint', () => {
    const found = filterCommands(paletteCommands(profiles, 'a'), 'sw live');
    expect(found.map((c) => c.label)).toEqual(['Switch profile: Live EUR']);
    expect(filterCommands(paletteCommands(profiles, 'a'), 'nothing like this')).toEqual([]);
  });
});
