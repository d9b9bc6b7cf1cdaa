import { describe, expect, it } from 'vitest';
import { idsFromCsv, idsFromText } from './lookup-ids';

describe('lookup ids', () => {
  it('splits pasted ids on lines and commas only, trimming each and dropping duplicates and blanks', () => {
    expect(idsFromText('1001\r\n1002, 1003,1001\t\n  order 7 \n\n')).toEqual(['1001', '1002', '1003', 'order 7']);
    expect(idsFromText('ord;a ord b')).toEqual(['ord;a ord b']);
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
