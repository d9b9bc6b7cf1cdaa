import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract } from './contract';

type Schema = Record<string, unknown> & { type?: string | string[] };

/** Paths inside one channel's input whose strings, arrays or maps have no upper bound. */
function unbounded(schema: Schema, path: string, out: string[]): string[] {
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (types.includes('string') && !('maxLength' in schema) && !schema.enum && !schema.const && !schema.pattern)
    out.push(`${path}: string without maxLength`);
  if (types.includes('array')) {
    if (!('maxItems' in schema)) out.push(`${path}: array without maxItems`);
    if (schema.items) unbounded(schema.items as Schema, `${path}[]`, out);
  }
  if (types.includes('object')) {
    const extra = schema.additionalProperties;
    if (extra && typeof extra === 'object') {
      if (!('maxProperties' in schema)) out.push(`${path}: map without maxProperties`);
      unbounded(extra as Schema, `${path}{}`, out);
    }
    for (const [k, v] of Object.entries((schema.properties ?? {}) as Record<string, Schema>))
      unbounded(v, `${path}.${k}`, out);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    for (const s of (schema[key] ?? []) as Schema[]) unbounded(s, path, out);
  return out;
}

describe('the IPC contract', () => {
  it('bounds every string, list and map of every channel input', () => {
    const problems = CHANNELS.flatMap((ch) =>
      unbounded(z.toJSONSchema(contract[ch].input, { io: 'input', unrepresentable: 'any' }) as Schema, ch, []),
    );
    expect(problems).toEqual([]);
  });

  it('refuses a 6 MB saved view and 50,000 reject reasons, saying what the limit is', () => {
    const view = contract['views:save'].input.safeParse({ name: 'huge', state: { filter: { text: 'x'.repeat(6e6) } } });
    expect(view.success).toBe(false);
    expect(view.error?.issues[0]?.message).toMatch(/Larger than 8 KB/);
    const reasons = Array.from({ length: 50_000 }, (_, i) => ({ code: `r${i}`, label: `Reason ${i}` }));
    const settings = contract['payout-settings:save'].input.safeParse({
      slaWarnMinutes: 60,
      slaLateMinutes: 120,
      withdrawalRatioPercent: 200,
      velocityCount: 3,
      velocityWindowHours: 24,
      fourEyesThresholds: {},
      rejectReasons: reasons,
      bulkConcurrency: 8,
    });
    expect(settings.success).toBe(false);
    expect(settings.error?.issues[0]?.message).toMatch(/At most 50 reject reasons/);
  });

  it('refuses a saved view nested too deep to serialise instead of failing later', () => {
    let deep: unknown = {};
    for (let i = 0; i < 20_000; i++) deep = { d: deep };
    expect(contract['views:save'].input.safeParse({ name: 'deep', state: { filter: deep } }).success).toBe(false);
  });
});
