import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addOperator, removeOperator } from '../operators/operator-registry';
import { openStore, type WorkStore } from '../store/work-store';
import { saveAccessSettings } from './access-settings';
import { createSignInSessions } from './sign-in-sessions';

// The core's own idle clock, on a real (in-memory PGlite) store: a window that stops calling locks even if its page
// never asks to (a closed laptop lid, a hung renderer).
let store: WorkStore;
let now = Date.parse('2026-12-05T09:00:00Z');
const clock = () => now;

beforeEach(async () => {
  store = await openStore({ kind: 'memory' });
  await addOperator(store, { name: 'Mia', pin: '91827', role: 'manager' }, 'setup');
  await saveAccessSettings(store, { idleLockMinutes: 10 }, 'setup');
});
afterEach(() => store.close());

describe('sign-in sessions', () => {
  it('lock after the idle time without a touch, and say so in the audit; a touch keeps the window open', async () => {
    const sessions = createSignInSessions(clock);
    await sessions.signIn(store, 'p1', 'w1', 'Mia', '91827');

    now += 9 * 60_000;
    sessions.touch('w1');
    now += 9 * 60_000;
    expect((await sessions.resolve(store, 'p1', 'w1')).state.mode).toBe('signed-in');

    now += 60_001 + 60_000;
    const resolved = await sessions.resolve(store, 'p1', 'w1');
    expect(resolved).toMatchObject({ actor: null, state: { mode: 'locked', operator: 'Mia' } });
    // Once locked, a touch does not open it again: only the PIN does.
    sessions.touch('w1');
    expect((await sessions.resolve(store, 'p1', 'w1')).state.mode).toBe('locked');
    const locks = await store.db.query<{ details: { why: string } }>(
      `SELECT details FROM audit_log WHERE action = 'session:lock'`,
    );
    expect(locks.rows.map((r) => r.details.why)).toEqual(['idle']);

    expect((await sessions.signIn(store, 'p1', 'w1', 'Mia', '91827')).mode).toBe('signed-in');
  });

  it('a sign-in belongs to its window and its profile’s store', async () => {
    const sessions = createSignInSessions(clock);
    await sessions.signIn(store, 'p1', 'w1', 'Mia', '91827');
    expect((await sessions.resolve(store, 'p1', 'w2')).state.mode).toBe('signed-out');
    expect((await sessions.resolve(store, 'p2', 'w1')).state.mode).toBe('signed-out');
    sessions.forget('w1');
    expect((await sessions.resolve(store, 'p1', 'w1')).state.mode).toBe('signed-out');
  });

  it('another profile made active signs the window out and says so; going back asks for the PIN again', async () => {
    const names: Record<string, string> = { p1: 'EU payouts', p2: 'UK payouts' };
    const sessions = createSignInSessions(clock, undefined, (from, to) => `from ${names[from]} to ${names[to]}`);
    await sessions.signIn(store, 'p1', 'w1', 'Mia', '91827');

    expect((await sessions.resolve(store, 'p2', 'w1')).state).toMatchObject({
      mode: 'signed-out',
      why: 'from EU payouts to UK payouts',
    });
    // Back on the first profile the old sign-in does not come back by itself.
    expect((await sessions.resolve(store, 'p1', 'w1')).state).toMatchObject({ mode: 'signed-out' });
    await sessions.signIn(store, 'p1', 'w1', 'Mia', '91827');
    await sessions.signOut(store, 'w1');
    expect((await sessions.resolve(store, 'p1', 'w1')).state).toEqual({ mode: 'signed-out', idleLockMinutes: 10 });
  });

  it('an operator removed while signed in is told so on the sign-in, and the reason goes once someone signs in', async () => {
    const sessions = createSignInSessions(clock);
    await addOperator(store, { name: 'Al', pin: '55123', role: 'agent' }, 'setup');
    await sessions.signIn(store, 'p1', 'w1', 'Al', '55123');
    await removeOperator(store, 'Al', 'Mia');

    const state = (await sessions.resolve(store, 'p1', 'w1')).state;
    expect(state).toMatchObject({ mode: 'signed-out', why: expect.stringContaining('“Al” was removed by a manager') });
    await sessions.signIn(store, 'p1', 'w1', 'Mia', '91827');
    await sessions.signOut(store, 'w1');
    expect((await sessions.resolve(store, 'p1', 'w1')).state).not.toHaveProperty('why');
  });

  it('a new PIN given to someone ends every window signed in or locked as them, saying why; others stay', async () => {
    const sessions = createSignInSessions(clock);
    await addOperator(store, { name: 'Al', pin: '55123', role: 'agent' }, 'setup');
    await sessions.signIn(store, 'p1', 'w1', 'Al', '55123');
    await sessions.signIn(store, 'p1', 'w2', 'Al', '55123');
    await sessions.lock(store, 'p1', 'w2', 'asked');
    await sessions.signIn(store, 'p1', 'w3', 'Mia', '91827');

    sessions.endFor('al', 'new PIN for Al');
    for (const w of ['w1', 'w2'])
      expect((await sessions.resolve(store, 'p1', w)).state).toMatchObject({
        mode: 'signed-out',
        why: 'new PIN for Al',
      });
    expect((await sessions.resolve(store, 'p1', 'w3')).state.mode).toBe('signed-in');
  });

  it('a locked window’s wrong PIN says the PIN is not right and how many tries remain, never a name', async () => {
    const sessions = createSignInSessions(clock);
    await sessions.signIn(store, 'p1', 'w1', 'Mia', '91827');
    await sessions.lock(store, 'p1', 'w1', 'asked');
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const refused = await sessions.signIn(store, 'p1', 'w1', 'Mia', '00000').catch((e: Error) => e);
      answers.push(refused instanceof Error ? refused.message : 'unlocked');
    }
    for (const message of answers) {
      expect(message).not.toContain('Mia');
      // Only the PIN was asked for: the answer speaks of it alone.
      expect(message).not.toMatch(/operator name/i);
    }
    expect(answers.slice(0, 4)).toEqual([
      'The PIN is not right. Check it and try again: 4 tries left before unlocking is paused.',
      'The PIN is not right. Check it and try again: 3 tries left before unlocking is paused.',
      'The PIN is not right. Check it and try again: 2 tries left before unlocking is paused.',
      'The PIN is not right. Check it and try again: 1 try left before unlocking is paused.',
    ]);
    expect(answers[4]).toBe(
      'The PIN is not right, and that was too many wrong tries: unlocking is paused for 30 s. Try again then, or sign in as someone else.',
    );
    expect(answers[5]).toBe(
      'Too many wrong tries: unlocking is paused for 30 s more. Try again then, or sign in as someone else.',
    );
    // Still locked for the same person: the sign-in screen's wording is not used for an unlock.
    expect((await sessions.resolve(store, 'p1', 'w1')).state.mode).toBe('locked');
  });

  it('the sign-in screen’s refusals never repeat the typed name: they say what went wrong and what to do', async () => {
    const sessions = createSignInSessions(clock);
    const answers = async (name: string, pins: string[]) => {
      const said: string[] = [];
      for (const pin of pins) {
        const refused = await sessions.signIn(store, 'p1', 'w-' + name, name, pin).catch((e: Error) => e);
        said.push(refused instanceof Error ? refused.message : 'signed in');
      }
      return said;
    };
    // A registered name with wrong PINs up to the lockout and past it, then a name nobody has (typed oddly).
    const known = await answers('Mia', ['00000', '11111', '22222', '33333', '44444', '91827']);
    const odd = await answers('  <b>Zed</b> ', ['00000', '11111', '22222', '33333', '44444', '55555']);
    for (const message of [...known, ...odd]) {
      expect(message).not.toMatch(/Mia|Zed|<b>/);
      expect(message).toMatch(/try again/i);
    }
    // Whichever part was wrong, the answers read alike, the lockout included.
    expect(odd).toEqual(known);
    expect(known[4]).toBe(
      'The operator name or PIN is not right, and that was too many wrong tries: this operator name is locked for 30 s. Try again then.',
    );
    expect(known[5]).toBe('Too many wrong tries: this operator name is locked for 30 s more. Try again then.');
  });
});
