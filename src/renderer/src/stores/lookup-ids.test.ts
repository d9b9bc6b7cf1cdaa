import { describe, expect, it } from 'vitest';
import { idsFromCsv, idsFromText } from './lookup-ids';

describe('lookup ids', () => {
  it('splits pasted ids on lines and commas only, trimming each and dropping duplicates and blanks', () => {
    expect(idsFromText('1001\r\n1002, 1003,1001\t\n  order 7 \n\n')).toEqual(['1001', '1002', '1003', 'order 7']);
    expect(idsFromText('ord;a ord b')).toEqual(['ord;a ord b']);
  });

  it('splits tids given on one line with spaces, or cells copied from a spreadsheet row; an order id keeps its spaces', () => {
    expect(idsFromText('1000095 1000098')).toEqual(['1000095', '1000098']);
    expect(idsFromText('1000095\t1000098\tord 7')).toEqual(['1000095', '1000098', 'ord 7']);
    expect(idsFromText('  42   43 ,44')).toEqual(['42', '43', '44']);
    expect(idsFromText('order 12')).toEqual(['order 12']);
    expect(idsFromText('12 order')).toEqual(['12 order']);
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
