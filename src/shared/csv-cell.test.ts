import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv-cell';

describe('CSV cells', () => {
  it('neutralizes every cell a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    expect(csvCell('+1+cmd|calc')).toBe("'+1+cmd|calc");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('leaves ordinary text, numbers and empty cells as they are, quoting only what CSV needs quoted', () => {
    expect(csvCell('alice')).toBe('alice');
    expect(csvCell(1234)).toBe('1234');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('EUR 1,234.56')).toBe('"EUR 1,234.56"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('ends each line with CRLF', () => {
    expect(csvLine(['seq', '=1', null])).toBe("seq,'=1,\r\n");
  });
});
