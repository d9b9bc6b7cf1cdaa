import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom } from './field-errors';

const FIELDS = ['name', 'customBaseUrl', 'merchantId'];

describe('fieldErrorsFrom', () => {
  it('places each issue of a dispatch VALIDATION answer next to its field, as a sentence', () => {
    const e = fieldErrorsFrom(
      {
        code: 'VALIDATION',
        message: 'customBaseUrl: A custom environment needs its base URL; merchantId: must not be empty',
        issues: [
          { path: 'customBaseUrl', message: 'A custom environment needs its base URL' },
          { path: 'merchantId', message: 'must not be empty' },
        ],
      },
      FIELDS,
    );
    expect(e).toEqual({
      fields: { customBaseUrl: 'A custom environment needs its base URL', merchantId: 'Must not be empty' },
      general: null,
    });
  });

  it('places by the issues, not by splitting the message (a message may hold "; ")', () => {
    const e = fieldErrorsFrom(
      { code: 'VALIDATION', message: 'name: a; b', issues: [{ path: 'name', message: 'a; b' }] },
      FIELDS,
    );
    expect(e).toEqual({ fields: { name: 'a; b' }, general: null });
  });

  it('keeps issues about the whole input, or about no field of the form, as the form message without any channel', () => {
    const e = fieldErrorsFrom(
      {
        code: 'VALIDATION',
        message: 'unknown field: secret; secondManager.pin: must not be empty',
        issues: [
          { path: '', message: 'unknown field: secret' },
          { path: 'secondManager.pin', message: 'must not be empty' },
        ],
      },
      FIELDS,
    );
    expect(e).toEqual({ fields: {}, general: 'Unknown field: secret; secondManager.pin: must not be empty' });
    expect(fieldErrorsFrom({ code: 'STORE', message: 'Disk full' }, FIELDS)).toEqual({
      fields: {},
      general: 'Disk full',
    });
  });

  it('leaves a message that starts with a name as written, and says "Required" for a missing field', () => {
    const e = fieldErrorsFrom(
      {
        code: 'VALIDATION',
        message: 'merchantId: merchant_id is required; name: is required',
        issues: [
          { path: 'merchantId', message: 'merchant_id is required' },
          { path: 'name', message: 'is required' },
        ],
      },
      FIELDS,
    );
    expect(e.fields).toEqual({ merchantId: 'merchant_id is required', name: 'Required' });
  });

  it('accepts a core-raised validation message that names its field in words', () => {
    expect(fieldErrorsFrom({ code: 'VALIDATION', message: 'customBaseUrl: must use https' }, FIELDS).fields).toEqual({
      customBaseUrl: 'Must use https',
    });
  });

  it('uses details.field when the core names the field there', () => {
    const e = fieldErrorsFrom(
      { code: 'VALIDATION', message: 'The Praxis address must use https.', details: { field: 'customBaseUrl' } },
      FIELDS,
    );
    expect(e).toEqual({ fields: { customBaseUrl: 'The Praxis address must use https.' }, general: null });
  });

  it('places a nested path at the longest known field it starts with, in whole segments', () => {
    const e = fieldErrorsFrom(
      {
        code: 'VALIDATION',
        message: 'see issues',
        issues: [
          { path: 'holdWindows.2.minutes', message: 'A hold window is at most 60 days' },
          { path: 'holdWindows.3.key', message: 'must not be empty' },
          { path: 'holdWindows', message: 'Keep one default hold window' },
          { path: 'holdWindows.12.label', message: 'Give the hold window a label' },
        ],
      },
      ['holdWindows', 'holdWindows.1', 'holdWindows.2.minutes', 'holdWindows.3'],
    );
    expect(e).toEqual({
      fields: {
        'holdWindows.2.minutes': 'A hold window is at most 60 days',
        'holdWindows.3': 'Must not be empty',
        holdWindows: 'Keep one default hold window; Give the hold window a label',
      },
      general: null,
    });
  });

  it('says a message once per field, however many checks of the field gave it', () => {
    const country = 'Enter a two-letter ISO 3166 country code in capitals, such as GB, DE or JP';
    const e = fieldErrorsFrom(
      {
        code: 'VALIDATION',
        message: `customer.country: ${country}; customer.country: ${country}`,
        issues: [
          { path: 'customer.country', message: country },
          { path: 'customer.country', message: country },
        ],
      },
      ['customer.country'],
    );
    expect(e).toEqual({ fields: { 'customer.country': country }, general: null });
  });
});
