import { describe, expect, it } from 'vitest';
import { idsFromCsv, idsFromText } from './lookup-ids';

describe('lookup ids', () => {
  it('splits pasted ids on any separator and drops duplicates and blanks', () => {
    expect(idsFromText('1001\n1002, 1003;1001\t\n  order_7 ')).toEqual(['1001', '1002', '1003', 'order_7']);
  });

  it('takes the tid column of a CRM export whatever its position', () => {
    const csv = 'customer,amount,tid\nann,10.00,555\nbob,"1,200.00",556\ncarl,1,555\n';
    expect(idsFromCsv(csv)).toEqual({ ids: ['555', '556'], column: 'tid' });
  });

  it('falls back to the first column, skipping a header that is not an id', () => {
    expect(idsFromCsv('Reference,Note\n9001,x\n9002,y').ids).toEqual(['9001', '9002']);
    expect(idsFromCsv('9001\n9002').ids).toEqual(['9001', '9002']);
  });
});
