import { describe, expect, it } from '@jest/globals';
import { csvCell, csvRow } from '../csv.js';

describe('csvCell', () => {
  it("prefixes every cell a spreadsheet would run as a formula with '", () => {
    expect(['=1+2', '+34 600 000 000', '-5', '@SUM(A1)', '\tcmd', '\rcmd'].map(csvCell)).toEqual([
      "'=1+2",
      "'+34 600 000 000",
      "'-5",
      "'@SUM(A1)",
      "'\tcmd",
      `"'\rcmd"`,
    ]);
    expect(csvCell(-5)).toBe("'-5");
  });

  it('quotes cells with commas, quotes or line breaks as RFC 4180 does, and leaves others alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell('José Núñez')).toBe('José Núñez');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(40.5)).toBe('40.5');
    expect(csvCell(new Date('2026-03-01T10:00:00Z'))).toBe('2026-03-01T10:00:00.000Z');
    expect(csvRow(['a', 1, null, 'b c'])).toBe('a,1,,b c\r\n');
  });
});
