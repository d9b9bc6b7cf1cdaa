import { describe, expect, it } from 'vitest';
import { comboOf, createShortcutMatcher } from './shortcut-matcher';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcut matcher', () => {
  it('treats Ctrl+K and Cmd+K as the same palette key', () => {
    expect(comboOf(press('k', { ctrlKey: true }))).toBe('mod+k');
    expect(comboOf(press('K', { metaKey: true }))).toBe('mod+k');
    expect(comboOf(press('A', { shiftKey: true }))).toBe('shift+a');
    expect(comboOf(press('?', { shiftKey: true }))).toBe('?');
  });

  it('runs a two-key sequence G then L, but not when too slow', () => {
    let t = 0;
    const hits: string[] = [];
    const m = createShortcutMatcher(
      () => ({ 'g l': () => hits.push('lookup'), 'g p': () => hits.push('payouts') }),
      () => t,
    );
    expect(m.handle(press('g'), false)).toBe(true);
    expect(m.handle(press('l'), false)).toBe(true);
    expect(hits).toEqual(['lookup']);
    m.handle(press('g'), false);
    t += 5000;
    expect(m.handle(press('p'), false)).toBe(false);
    expect(hits).toEqual(['lookup']);
  });

  it('ignores plain letters typed into a field but still honours Esc and Ctrl+K there', () => {
    const hits: string[] = [];
    const m = createShortcutMatcher(() => ({
      'g l': () => hits.push('g l'),
      j: () => hits.push('j'),
      escape: () => hits.push('esc'),
      'mod+k': () => hits.push('palette'),
    }));
    m.handle(press('g'), true);
    m.handle(press('l'), true);
    m.handle(press('j'), true);
    m.handle(press('Escape'), true);
    m.handle(press('k', { ctrlKey: true }), true);
    expect(hits).toEqual(['esc', 'palette']);
  });

  it('on a button runs G then L and Esc, but no single letter', () => {
    const hits: string[] = [];
    const m = createShortcutMatcher(() => ({
      'g l': () => hits.push('g l'),
      j: () => hits.push('j'),
      escape: () => hits.push('esc'),
    }));
    expect(m.handle(press('j'), false, true)).toBe(false);
    m.handle(press('g'), false, true);
    m.handle(press('l'), false, true);
    m.handle(press('Escape'), false, true);
    expect(hits).toEqual(['g l', 'esc']);
  });

  it('does not break a sequence on a bare modifier press', () => {
    const hits: string[] = [];
    const m = createShortcutMatcher(() => ({ 'g u': () => hits.push('audit') }));
    m.handle(press('g'), false);
    m.handle(press('Shift', { shiftKey: true }), false);
    m.handle(press('u'), false);
    expect(hits).toEqual(['audit']);
  });
});
