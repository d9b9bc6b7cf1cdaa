import { describe, expect, it } from 'vitest';
import type { CaptureRow } from '../../../shared/captures';
import {
  CaptureViewState,
  DEFAULT_CAPTURE_SORT,
  EMPTY_CAPTURE_FILTER,
  filterCaptureRows,
  sortCaptureRows,
} from './captures-filter';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const inHours = (h: number) => new Date(NOW + h * 3_600_000).toISOString();

function hold(tid: number, lapsesInHours: number, over: Partial<CaptureRow> = {}): CaptureRow {
  return {
    tid,
    cid: `c${tid}`,
    customerName: `Customer ${tid}`,
    amountMinor: 1_000,
    currency: 'EUR',
    paymentMethod: 'Credit Card',
    cardType: 'VISA',
    destination: '411111******1111',
    gateway: 'gw',
    gatewayName: 'Acquirer',
    orderId: `order-${tid}`,
    authorizedAt: inHours(lapsesInHours - 114),
    holdWindow: { key: 'visa', label: 'Visa (4 d 18 h)', minutes: 114 * 60 },
    lapsesAt: inHours(lapsesInHours),
    status: 'authorized',
    journalState: null,
    claimedBy: null,
    ...over,
  };
}

describe('capture queue filter and sort', () => {
  const rows = [
    hold(1, 100),
    hold(2, 30, { currency: 'JPY', amountMinor: 1_200 }),
    hold(3, 5, { currency: 'KWD', amountMinor: 1_250, cardType: null, paymentMethod: 'Skrill' }),
    hold(4, -1),
  ];

  it('sorts closest to lapsing first by default, the lapsed hold on top', () => {
    expect(sortCaptureRows(rows, DEFAULT_CAPTURE_SORT).map((r) => r.tid)).toEqual([4, 3, 2, 1]);
  });

  it('filters by the countdown band the colours show: amber under 48 h, red under 24 h, lapsed', () => {
    const band = (timeLeft: 'ok' | 'amber' | 'red' | 'lapsed') =>
      filterCaptureRows(rows, { ...EMPTY_CAPTURE_FILTER, timeLeft }, NOW).rows.map((r) => r.tid);
    expect([band('ok'), band('amber'), band('red'), band('lapsed')]).toEqual([[1], [2], [3], [4]]);
  });

  it('bounds amounts per currency exponent and says what a bound cannot mean, never guessing', () => {
    const f = { ...EMPTY_CAPTURE_FILTER, minAmount: '1.2' };
    // EUR 10.00 and JPY 1,200 pass; KWD 1.250 passes (≥ 1.200); "1.2" means nothing in JPY (no decimals).
    const out = filterCaptureRows(rows, f, NOW);
    expect(out.rows.map((r) => r.tid)).toEqual([1, 2, 3, 4]);
    expect(out.problems.minAmount).toMatch(/JPY/);
  });

  it('searches the order id, and picks the wallet by its method where there is no card brand', () => {
    expect(filterCaptureRows(rows, { ...EMPTY_CAPTURE_FILTER, text: 'ORDER-2' }, NOW).rows.map((r) => r.tid)).toEqual([
      2,
    ]);
    expect(filterCaptureRows(rows, { ...EMPTY_CAPTURE_FILTER, method: 'Skrill' }, NOW).rows.map((r) => r.tid)).toEqual([
      3,
    ]);
  });

  it('a saved view from the payout queue is not read as a capture view', () => {
    expect(CaptureViewState.safeParse({ filter: {}, sort: { column: 'age', desc: true } }).success).toBe(true);
    expect(CaptureViewState.safeParse({ filter: {}, sort: { column: 'status', desc: true } }).success).toBe(false);
  });
});
