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
    // After the tab or return, a tab- or line-splitting reader sees a new cell: neutralized too.
    expect(csvCell('\t=1')).toBe("'\t'=1");
    expect(csvCell('\r=1')).toBe(`"'\r'=1"`);
  });

  it('neutralizes a formula after a ; or a line break inside a cell, where a ;-separated spreadsheet starts a new cell', () => {
    // Excel in many European locales splits on ; before it reads quotes, so the text after a ; is a cell of its own.
    const line = csvLine([1000097, "Greta x;=cmd|' /C calc'!A0;", 'EUR']);
    const cellsBySemicolon = line.trimEnd().split(/[;\r\n]/);
    expect(cellsBySemicolon.filter((c) => /^\s*[=+\-@]/.test(c))).toEqual([]);
    expect(csvCell('note;@SUM(A1)')).toBe("note;'@SUM(A1)");
    expect(csvCell('first\n+1')).toBe(`"first\n'+1"`);
    // Text that only looks near a formula stays as typed.
    expect(csvCell('pay 50; - see ticket')).toBe('pay 50; - see ticket');
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
