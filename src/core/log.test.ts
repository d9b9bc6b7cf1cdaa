import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from './log';

describe('the logger', () => {
  it.each([
    ['a quote', 'Secret"Key42'],
    ['a backslash', 'Secret\\Key42'],
    ['a newline', 'Secret\nKey42'],
    ['a control character', 'Secret\u0007Key42'],
    ['non-ASCII', 'Sécret–Kéy42'],
  ])('never writes a registered secret containing %s, in a message or in nested fields', (_what, secret) => {
    const logger = createMemoryLogger();
    logger.registerSecret(secret);
    logger.error(`login failed for ${secret}`, { detail: { reason: `bad ${secret}` }, list: [secret] });
    const line = logger.lines[0]!;
    expect(line).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({
      msg: 'login failed for [redacted]',
      detail: { reason: 'bad [redacted]' },
    });
  });
});
