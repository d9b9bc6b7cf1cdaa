import { describe, expect, it } from 'vitest';
import { SANDBOX_SAMPLE } from '../../shared/domain';
import { AGENT_SIGNATURES, CASHIER_SIGNATURES, WEBHOOK_SIGNATURES, assumedSignatureLists } from './signature-fields';
import { legacyBodySignature, signBody, signatureBase, verifyBody } from './signing';

const SECRET = SANDBOX_SAMPLE.secret;
const creds = { merchant_id: SANDBOX_SAMPLE.merchantId, application_key: SANDBOX_SAMPLE.applicationKey };

describe('API 1.3 worked examples (api-reference §2.2)', () => {
  it('(a) manage-transaction capture request', () => {
    const body = { ...creds, intent: 'capture-authorization', tid: 123456, version: '1.3', timestamp: 1645668000 };
    const fields = AGENT_SIGNATURES['manage-transaction'].request.fields;
    expect(signatureBase(body, fields) + SECRET).toBe(
      'Test-Integration-MerchantSandbox1645668000capture-authorization123456MerchantSecretKey',
    );
    expect(signBody(body, fields, SECRET)).toBe(
      '118e3b41bac3d52495d2e0bb0baf27ec849970d00cb011e9c751075eae3fd858a541984c9db49e830c25c6b83e0dcb95',
    );
  });

  it('(b) verifies the response to (a) and rejects a tampered amount', () => {
    const body = {
      status: 0,
      description: '...',
      transaction: { tid: 123456, transaction_status: 'approved', processed_currency: 'EUR', processed_amount: 1000 },
      version: '1.3',
      timestamp: 1645668001,
    };
    const fields = AGENT_SIGNATURES['manage-transaction'].response.fields;
    const header = 'c3ba1d15cc936272255afb2693b7d046e0827e6b336e9978a9eb64dfecd2f5e17aab600e02ab2fb495264f1e3cd44de8';
    expect(signBody(body, fields, SECRET)).toBe(header);
    expect(verifyBody(body, fields, SECRET, header)).toBe(true);
    expect(verifyBody(body, fields, SECRET, header.toUpperCase())).toBe(true);
    expect(
      verifyBody({ ...body, transaction: { ...body.transaction, processed_amount: 100000 } }, fields, SECRET, header),
    ).toBe(false);
    expect(verifyBody(body, fields, 'another-secret', header)).toBe(false);
    expect(verifyBody(body, fields, SECRET, undefined)).toBe(false);
  });

  it('(c) remove-customer-card with the documentation example body', () => {
    const body = {
      ...creds,
      cid: '1',
      card_token: 'c64f61f9c529d0d20941de0c90cace86',
      version: '1.3',
      timestamp: 1645668000,
    };
    expect(signBody(body, AGENT_SIGNATURES['remove-customer-card'].request.fields, SECRET)).toBe(
      'aeeb06b5eeda49e6b499653038e3afa918d2168c088f9643b3671207bcb7ad44828f6df38941e1386589a0d562c8d27c',
    );
  });

  it('(d) notification, and the same notification with conversion_rate null skipped', () => {
    const body = {
      ...creds,
      timestamp: 1645668100,
      customer: { customer_token: '87cfb23a8f1e68e162c276b754d9c061' },
      session: { order_id: 'order_1001' },
      transaction: {
        tid: 123456,
        currency: 'EUR',
        amount: 1000,
        conversion_rate: '1.000000' as string | null,
        processed_currency: 'EUR',
        processed_amount: 1000,
      },
    };
    const fields = WEBHOOK_SIGNATURES.notification.request.fields;
    expect(signBody(body, fields, SECRET)).toBe(
      'f7cbec82d82bc0ff7b4c8b09662178d9b0b674e2e6cf6acf67a802ae4f08f8b34a4553a425d8980f5995662207196558',
    );
    body.transaction.conversion_rate = null;
    expect(signatureBase(body, fields)).toContain('123456EUR1000EUR1000');
    expect(signBody(body, fields, SECRET)).toBe(
      'e4a578314be748f6e6f005cc5b1a61056af6381ccf34c66ccff7b56313875d74cb483d0fbb61efa9f0f460d866cdc5ad',
    );
  });

  it('(e) cashier request order: merchant_id, application_key, timestamp, intent, cid, order_id', () => {
    const body = {
      ...creds,
      intent: 'payment',
      cid: '1',
      order_id: 'order_1001',
      timestamp: 1645668000,
      version: '1.3',
      currency: 'EUR',
      amount: 1000,
    };
    expect(signBody(body, CASHIER_SIGNATURES['virtual-terminal'].request.fields, SECRET)).toBe(
      '7e451654bd6be724e873adf10950b3e2200ae615e4f61f6f43d4e825b49a881653d29e6be1fae0471e097d88cafdbf49',
    );
  });

  it('refuses to sign an object value instead of guessing its rendering', () => {
    expect(() => signatureBase({ tid: { nested: 1 } }, ['tid'])).toThrow(/Cannot sign a value of type object/);
  });
});

describe('legacy API 1.1 body signature vectors (api-reference §2.3)', () => {
  it('[3.1-hbs] vector', () => {
    const params = {
      frontend: 'Integration TEST USD',
      merchant_id: 'Test-Integration-Merchant',
      timestamp: 1559825373,
      trace_id: 752856,
      version: '1.1',
    };
    expect(legacyBodySignature(params, SECRET)).toBe(
      'c1eb4464bce78dd099501fbdbc6c9b9979070b4d82ef47fbbfbf9535104934d4abd77bfd9480685b317d60db5339097b',
    );
  });

  it('[3.3-hbs] vector (a parameter sorting after "version" holds ABCDEF)', () => {
    const params = {
      version: '1.1',
      merchant_id: 'Test-Integration-Merchant',
      frontend: 'Integration TEST USD',
      timestamp: 1568855392,
      withdrawal_id: 'ABCDEF',
    };
    expect(legacyBodySignature(params, SECRET)).toBe(
      'c8d9b1824601bb6e11342afc36cb7281892daead2fbae257ea2d2ff8aa4908d66d5863a429e247d47155c01a0592e482',
    );
  });

  it('[3.3-pcan] payout-cancel example body, keys given out of order', () => {
    const params = {
      trace_id: 752856,
      version: '1.1',
      timestamp: 1568763244,
      merchant_id: 'Test-Integration-Merchant',
      frontend: 'Integration TEST USD',
    };
    expect(legacyBodySignature(params, SECRET)).toBe(
      'd055969f7069799fd0efec97a731b230396ce16f9a40a3dbe2f2b814948ba3d871d4ca021b986c18bf23a05377b24f2f',
    );
  });
});

describe('the signature table', () => {
  it('lists every assumed list with its reason, and documented ones are not among them', () => {
    const assumed = assumedSignatureLists();
    const names = assumed.map((a) => `${a.name}:${a.side}`);
    expect(names).toContain('manage-withdrawal-request:response');
    expect(names).toContain('virtual-terminal:request');
    expect(names).not.toContain('manage-transaction:response');
    expect(assumed.every((a) => /ASSUMED/.test(a.source))).toBe(true);
  });
});
