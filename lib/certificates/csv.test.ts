import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV export cells', () => {
  it('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('CN = a, O = b')).toBe('"CN = a, O = b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a header row and CRLF line ends', () => {
    const csv = toCsv(
      [
        { header: 'cn', value: (r: { cn: string }) => r.cn },
        { header: 'n', value: () => 1 },
      ],
      [{ cn: 'x' }, { cn: '-y' }],
    );
    expect(csv).toBe("cn,n\r\nx,1\r\n'-y,1\r\n");
  });
});
