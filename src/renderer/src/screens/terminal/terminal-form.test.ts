import { describe, expect, it } from 'vitest';
import { TerminalCustomerInput } from '../../../../shared/ipc/terminal-contract';
import {
  draftErrors,
  EMPTY_DRAFT,
  errorOnLeaving,
  fieldPath,
  nextToFill,
  TERMINAL_FIELDS,
  type TerminalDraft,
} from './terminal-form';

const customerOf = (d: TerminalDraft) => ({
  cid: d.cid,
  firstName: d.firstName,
  lastName: d.lastName,
  email: d.email,
  country: d.country,
});

const GOOD: TerminalDraft = {
  ...EMPTY_DRAFT,
  cid: 'c-1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  country: 'GB',
  currency: 'EUR',
  amount: '25.50',
};

describe('terminal form errors', () => {
  it('has none for a draft the core would take', () => {
    expect(draftErrors(GOOD)).toEqual({ fields: {}, general: null });
  });

  it('takes a phone as a caller reads it out: +, spaces, dashes and brackets are dropped, the digits sent', () => {
    expect(draftErrors({ ...GOOD, phone: '+44 (20) 7946-0000' })).toEqual({ fields: {}, general: null });
    expect(TerminalCustomerInput.parse({ ...customerOf(GOOD), phone: '+44 20 7946 0000' }).phone).toBe('442079460000');
    expect(draftErrors({ ...GOOD, phone: '+44 20 79x6' }).fields).toEqual({
      'customer.phone': expect.stringContaining('6 to 15 digits') as unknown as string,
    });
  });

  it("keys each message by the contract's path, the field the form draws it beside, once per field", () => {
    const e = draftErrors({ ...GOOD, email: 'ada-at-example', country: 'GBR', currency: 'JPY', amount: '12.50' });
    expect(e.general).toBeNull();
    expect(e.fields).toEqual({
      'customer.email': 'Enter an email such as name@example.com',
      'customer.country': 'Enter a two-letter ISO 3166 country code in capitals, such as GB, DE or JP',
      amount: expect.stringContaining('JPY') as unknown as string,
    });
    expect(fieldPath('email')).toBe('customer.email');
    expect(fieldPath('amount')).toBe('amount');
    for (const key of ['cid', 'zip', 'intent', 'currency', 'amount', 'gateway'] as const)
      expect(TERMINAL_FIELDS).toContain(fieldPath(key));
  });

  it('tells a field left with a wrong value its message, and leaves an empty or good one alone', () => {
    expect(errorOnLeaving({ ...GOOD, amount: '12,5' }, 'amount')).toMatch(/"12,5" has a separator/);
    expect(errorOnLeaving({ ...GOOD, email: 'ada-at-example' }, 'email')).toBe(
      'Enter an email such as name@example.com',
    );
    expect(errorOnLeaving({ ...GOOD, email: '' }, 'email')).toBeUndefined();
    expect(errorOnLeaving({ ...GOOD, email: 'ada-at-example' }, 'country')).toBeUndefined();
  });

  it('names the first field still to fill or fix, in the order the form shows them, or none when ready', () => {
    expect(nextToFill({ ...GOOD, amount: '' })).toBe('amount');
    expect(nextToFill({ ...GOOD, email: '', amount: '' })).toBe('email');
    expect(nextToFill({ ...GOOD, amount: '', openAmount: true })).toBeNull();
    expect(nextToFill(GOOD)).toBeNull();
  });
});
