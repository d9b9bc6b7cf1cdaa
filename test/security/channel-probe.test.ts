import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHANNEL_ROLES } from '../../src/core/access/channel-roles';
import type { Result } from '../../src/shared/errors';
import { CHANNELS, type Channel } from '../../src/shared/ipc/contract';
import { channelSamples } from '../support/channel-samples';
import { startDeskCoreForTest, windowOf, type DeskWindow } from '../support/desk-core-rig';

// Every channel of the contract, fired at a whole desk by someone who signed in at no window, by an agent, and by a
// manager, with each field of a valid input replaced by something hostile: each answer is a refusal the UI can act on,
// small, with no stack, file path or internal name in it, and nothing reaches Object.prototype.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
const at = (c: string): DeskWindow => windowOf(() => rig, c);
const mia = at('probe-mia');
const al = at('probe-al');
const nobody = at('probe-nobody');

beforeAll(async () => {
  rig = await startDeskCoreForTest('channel-probe', { holdWatchIntervalMs: null });
});
afterAll(() => rig?.close());

const HOSTILE: Array<[string, () => unknown]> = [
  ['a 1 MB text', () => 'x'.repeat(1_000_000)],
  ['100,000 items', () => Array.from({ length: 100_000 }, () => 'a')],
  [
    '__proto__ and constructor keys',
    () => JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}'),
  ],
  ['a path out of the folder', () => '../../../../etc/passwd'],
  ['a file URL', () => 'file:///etc/passwd'],
  ['5,000 nested lists', () => JSON.parse('['.repeat(5_000) + ']'.repeat(5_000))],
  ['-1', () => -1],
  ['1e308', () => 1e308],
  ['null', () => null],
];

/** Every field of a sample by its path, nested objects and a list's first item included. */
function fieldPaths(v: unknown, prefix: string[] = []): string[][] {
  if (Array.isArray(v)) return v.length ? [[...prefix, '0'], ...fieldPaths(v[0], [...prefix, '0'])] : [];
  if (!v || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, c]) => [[...prefix, k], ...fieldPaths(c, [...prefix, k])]);
}
function withField(sample: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(sample) as Record<string, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  cur[path[path.length - 1]!] = value;
  return copy;
}

/** What is wrong with an answer, or null: a code the UI cannot act on, a leak, a size that echoes the input. */
function problemWith(r: Result<unknown>, codes: readonly string[]): string | null {
  const code = r.ok ? 'ok' : r.error.code;
  if (!codes.includes(code)) return `answered ${code}${r.ok ? '' : `: ${r.error.message.slice(0, 200)}`}`;
  const text = JSON.stringify(r);
  if (text.length > 16_000) return `answered ${text.length} characters`;
  if (!r.ok && /\n\s+at |node_modules|\.ts:\d|\/tmp\/|channel-probe-/.test(r.error.message))
    return `leaks where it failed: ${r.error.message.slice(0, 200)}`;
  if (({} as Record<string, unknown>).polluted !== undefined) return 'reached Object.prototype';
  return null;
}

it(
  'every channel answers a hostile caller with a small refusal it can act on, signed in or not',
  { timeout: 600_000 },
  async () => {
    await mia.call('operators:add', { name: 'Al', pin: '55123', role: 'agent' });
    await mia.call('operators:add', { name: 'Mia', pin: '91827', role: 'manager' });
    const signIn = async () => {
      await mia.call('session:sign-in', { operator: 'Mia', pin: '91827' });
      await al.call('session:sign-in', { operator: 'Al', pin: '55123' });
    };
    await signIn();
    const samples = channelSamples({
      payoutSettings: await mia.call('payout-settings:get'),
      captureSettings: await mia.call('capture-settings:get'),
      terminalSettings: await mia.call('terminal-settings:get'),
    });
    // A valid value there changes who may sign in or which secret the desk holds: fired at nobody only.
    const lasting: Channel[] = [
      'session:sign-out',
      'session:lock',
      'session:sign-in',
      'operators:add',
      'operators:remove',
      'operators:change',
      'credentials:set',
      'credentials:clear',
      'profiles:activate',
      'profiles:remove',
    ];
    const refusals = ['VALIDATION', 'SIGN_IN', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'];
    const problems: string[] = [];
    let fired = 0;
    for (const channel of CHANNELS) {
      if (CHANNEL_ROLES[channel] !== 'open') {
        const r = await nobody.raw(channel, samples[channel]);
        const problem = problemWith(r, ['SIGN_IN']);
        if (problem) problems.push(`nobody → ${channel}: ${problem}`);
        fired++;
      }
      for (const path of fieldPaths(samples[channel])) {
        for (const [what, make] of HOSTILE) {
          const input = withField(samples[channel], path, make());
          for (const [who, w] of [
            ['nobody', nobody],
            ['agent', al],
            ['manager', mia],
          ] as const) {
            if (who !== 'nobody' && lasting.includes(channel)) continue;
            const problem = problemWith(await w.raw(channel, input), [...refusals, 'ok']);
            if (problem) problems.push(`${who} → ${channel}.${path.join('.')} = ${what}: ${problem}`);
            fired++;
          }
        }
      }
      await signIn();
    }
    expect(fired).toBeGreaterThan(2_000);
    expect(problems).toEqual([]);
  },
);
