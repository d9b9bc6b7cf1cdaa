import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/shared/audit';
import type { ProfilesState } from '../../src/shared/domain';
import { CHANNELS, type Channel } from '../../src/shared/ipc/contract';
import type { LookupResult } from '../../src/shared/lookup';
import type { GatewayOption } from '../../src/shared/payouts';
import type { TerminalSession } from '../../src/shared/terminal';
import { channelSamples } from '../support/channel-samples';
import { startDeskCoreForTest } from '../support/desk-core-rig';
import { LONG_TESTS, runSeed, summaryTable } from '../support/summary-table';
import { DEFAULT_TERMINAL_SETTINGS } from '../../src/core/terminal/terminal-settings';

// Issue 16: hostile field values on every channel through the real dispatch, hostile amounts, hostile ids for the
// lookup import, and formula injection into the audit CSV export.
let rig: Awaited<ReturnType<typeof startDeskCoreForTest>>;
let samples: Record<Channel, unknown>;
const desk = () => rig.at('hostile-values');
const summary = summaryTable('Hostile values (issue 16)');

/** What a call could have changed: every change the desk makes is audited; profiles and sessions beside it. */
const state = async () => ({
  audited: (await desk().call<AuditPage>('audit:list', { filter: {} })).total,
  profiles: (await desk().call<ProfilesState>('profiles:list')).profiles.length,
  sessions: (await desk().call<TerminalSession[]>('terminal:history')).length,
});

/** Wrong types, huge and empty strings, negative, fractional and huge numbers, deep and odd shapes. */
const hostileValue = fc.oneof(
  fc.constantFrom(-1, -0.5, 0, 1.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, -(2 ** 31)),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('', ' ', 'x'.repeat(100_000), '=1+1', '-5', '1e3', '0x10', '12.345', "'; DROP TABLE x; --", '\u0000'),
  fc.string({ maxLength: 300 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue(), { maxKeys: 5 }),
);

beforeAll(async () => {
  rig = await startDeskCoreForTest('hostile-values', { holdWatchIntervalMs: null });
  samples = channelSamples({
    payoutSettings: await desk().call('payout-settings:get'),
    captureSettings: await desk().call('capture-settings:get'),
    terminalSettings: await desk().call('terminal-settings:get'),
  });
});
afterAll(async () => {
  summary.print();
  await rig?.close();
});

describe('hostile values', () => {
  it('hostile amounts are refused with a message that says what to type; nothing is sent', async () => {
    const customer = { cid: 'amounts', firstName: 'Ann', lastName: 'Mount', email: 'a@example.com', country: 'GB' };
    const amounts: [string, string][] = [
      ['-5.00', 'EUR'],
      ['0', 'EUR'],
      ['12.345', 'EUR'],
      ['12.5', 'JPY'],
      ['1e3', 'EUR'],
      ['0x10', 'EUR'],
      ['1,000.00', 'EUR'],
      ['99999999999999999999.99', 'EUR'],
      ['Infinity', 'EUR'],
      ['NaN', 'EUR'],
      ['=1+1', 'EUR'],
      ['10.5.5', 'EUR'],
      [' ', 'EUR'],
    ];
    const before = await state();
    const messages: string[] = [];
    for (const [amount, currency] of amounts) {
      const r = await desk().raw('terminal:start', {
        intent: 'payment',
        customer,
        currency,
        amount,
        callerCheck: DEFAULT_TERMINAL_SETTINGS.callerCheck,
      });
      expect(r.ok, `${amount} ${currency}`).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, `${amount} ${currency}: ${r.error.message}`).toBe('VALIDATION');
      expect(r.error.message, amount).toMatch(/e\.g\.|at most|enter|decimal|amount/i);
      messages.push(`${amount} ${currency} → ${r.error.message}`);
    }
    // Split parts in minor units: negative, fractional and unsafe integers never reach Praxis.
    const request = await rig.request(desk(), 'split-amounts', 'EUR', 5_000);
    const gateway = (await desk().call<GatewayOption[]>('payouts:gateways', { tid: request.tid })).find(
      (g) => g.isDefault,
    )!.id;
    const parts = [-100, 0, 1.5, 1e21, Number.MAX_SAFE_INTEGER + 2, 5_001];
    for (const amountMinor of parts) {
      const r = await desk().raw('payouts:split', { tid: request.tid, parts: [{ amountMinor, gateway }] });
      const refused = !r.ok || (r.data as { state: string }[]).every((o) => o.state === 'failed');
      expect(refused, `split part ${amountMinor}`).toBe(true);
    }
    expect(await rig.payoutsMade(request.tid)).toBe(0);
    const after = await state();
    expect(after.sessions).toBe(before.sessions);
    expect(after.profiles).toBe(before.profiles);
    summary.add({
      scenario: 'hostile amounts (terminal entry, split parts)',
      runs: amounts.length + parts.length,
      passed: amounts.length + parts.length,
      figures: `e.g. ${messages[2]}`,
    });
  });

  it('hostile ids in a lookup import are answered one by one, never crash; formula cells in the audit CSV are neutralized', async () => {
    const ids = [
      '=1+1',
      '+SUM(A1)',
      '-5',
      '@cmd',
      '1e5',
      '99999999999999999999',
      "' OR 1=1 --",
      '',
      ' ',
      '0x1F',
      '12.5',
    ];
    const r = await desk().raw('lookup:run', { ids });
    expect(r.ok || (r.error.code === 'VALIDATION' && r.error.message.length > 10)).toBe(true);
    const looked = r.ok ? (r.data as LookupResult[]) : [];

    // Formulas typed where the desk keeps text: a reject note, a saved view's name, a profile's name.
    const formulas = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3'];
    const request = await rig.request(desk(), 'csv-formula', 'EUR', 1_200);
    await desk().call('payouts:reject', { tid: request.tid, reasonCode: 'other', note: formulas[0] });
    await desk().call('views:save', { name: formulas[1], state: {} });
    await desk().call('profiles:save', {
      name: formulas[2],
      environment: 'custom',
      customBaseUrl: 'https://gw.example.com',
      merchantId: formulas[3],
      applicationKey: 'k',
    });
    const { csv } = await desk().call<{ csv: string }>('audit:export', { filter: {} });
    const cells = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data.flat();
    const dangerous = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
    const neutralized = cells.filter((c) => formulas.some((f) => c.includes(f)));
    summary.add({
      scenario: 'lookup ids and audit CSV export',
      runs: ids.length + formulas.length,
      passed: dangerous.length === 0 ? ids.length + formulas.length : 0,
      figures: `${looked.length} ids answered one by one; ${cells.length} CSV cells, ${neutralized.length} holding a typed formula, ${dangerous.length} starting a formula`,
    });
    expect(neutralized.length).toBeGreaterThan(0);
    expect(neutralized.every((c) => !/^[=+\-@]/.test(c))).toBe(true);
    expect(dangerous).toEqual([]);
  });
  it(
    'a hostile value in any field of any channel is VALIDATION or a valid answer; never INTERNAL; refused ones change nothing',
    { timeout: 900_000 },
    async () => {
      const seed = runSeed();
      const codes = new Map<string, number>();
      const sideEffects: string[] = [];
      // A valid value there changes the desk for good: an operator makes every later call ask for a sign-in, another
      // sandbox secret stops its notifications verifying. Their malformed inputs are covered by hostile-channels.
      const lockOut: Channel[] = ['operators:add', 'session:sign-in', 'credentials:set'];
      const fuzzed = CHANNELS.filter(
        (c) => typeof samples[c] === 'object' && samples[c] !== null && !lockOut.includes(c),
      );
      const runs = LONG_TESTS ? 1_000 : 300;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...fuzzed), fc.nat(), hostileValue, async (channel, pick, value) => {
          const sample = samples[channel] as Record<string, unknown>;
          const keys = Object.keys(sample);
          if (!keys.length) return;
          const key = keys[pick % keys.length]!;
          const input = { ...sample, [key]: value };
          const before = await state();
          const r = await desk().raw(channel, input);
          const code = r.ok ? 'ok' : r.error.code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
          expect(code, `${channel}.${key} ← ${JSON.stringify(value)?.slice(0, 80)}`).not.toBe('INTERNAL');
          if (!r.ok && r.error.code === 'VALIDATION') {
            expect(r.error.message.length).toBeGreaterThan(10);
            const after = await state();
            if (JSON.stringify(after) !== JSON.stringify(before)) sideEffects.push(`${channel}.${key}`);
          }
        }),
        { numRuns: runs, seed },
      );
      summary.add({
        scenario: `hostile field values on ${fuzzed.length} channels (seed ${seed})`,
        runs,
        passed: runs - sideEffects.length - (codes.get('INTERNAL') ?? 0),
        figures: [...codes].map(([c, n]) => `${c} ${n}`).join(', '),
      });
      expect(sideEffects).toEqual([]);
    },
  );
});
