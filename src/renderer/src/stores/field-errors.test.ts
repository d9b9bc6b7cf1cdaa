import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom } from './field-errors';

const FIELDS = ['name', 'customBaseUrl', 'merchantId'];

describe('fieldErrorsFrom', () => {
  it('places each field message of a dispatch VALIDATION answer next to its field', () => {
    const e = fieldErrorsFrom(
      {
        code: 'VALIDATION',
        message:
          'Invalid input for profiles:save: customBaseUrl: A custom environment needs its base URL; merchantId: merchant_id is required',
      },
      FIELDS,
    );
    expect(e.fields).toEqual({
      customBaseUrl: 'A custom environment needs its base URL',
      merchantId: 'merchant_id is required',
    });
    expect(e.general).toBeNull();
  });

  it('keeps messages about unknown paths, and non-validation errors, as a general message', () => {
    expect(fieldErrorsFrom({ code: 'VALIDATION', message: 'Unrecognized key: "secret"' }, FIELDS)).toEqual({
      fields: {},
      general: 'Unrecognized key: "secret"',
    });
    expect(fieldErrorsFrom({ code: 'STORE', message: 'Disk full' }, FIELDS)).toEqual({
      fields: {},
      general: 'Disk full',
    });
  });

  it('accepts a core-raised validation message without the dispatch prefix', () => {
    expect(fieldErrorsFrom({ code: 'VALIDATION', message: 'customBaseUrl: must use https' }, FIELDS).fields).toEqual({
      customBaseUrl: 'must use https',
    });
  });

  it('uses details.field when the core names the field there', () => {
    const e = fieldErrorsFrom(
      { code: 'VALIDATION', message: 'The Praxis address must use https.', details: { field: 'customBaseUrl' } },
      FIELDS,
    );
    expect(e).toEqual({ fields: { customBaseUrl: 'The Praxis address must use https.' }, general: null });
  });
});
