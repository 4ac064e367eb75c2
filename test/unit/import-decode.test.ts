import { describe, expect, it } from 'vitest';
import { parseCsv, detectDelimiter } from '../../electron/core/io/import/csv.js';
import { decodeText, decodeWindows1252, looksBinary } from '../../electron/core/io/import/decode.js';
import { ImportFileError } from '../../electron/core/io/import/errors.js';
import { utf16be, utf16le, utf8Bom, windows1252 } from '../fixtures/import/build.js';

describe('decodeText', () => {
  const text = 'Zoë,Brontë,Siân O’Malley,€5,café';

  it.each([
    ['UTF-8 without a BOM', () => Buffer.from(text, 'utf8'), 'utf-8'],
    ['UTF-8 with a BOM (the BOM is dropped)', () => utf8Bom(text), 'utf-8-bom'],
    ['UTF-16 LE with a BOM', () => utf16le(text), 'utf-16le'],
    ['UTF-16 BE with a BOM', () => utf16be(text), 'utf-16be'],
    ['UTF-16 LE without a BOM', () => utf16le(text, false), 'utf-16le'],
    ['Windows-1252 (not valid UTF-8)', () => windows1252(text), 'windows-1252'],
  ])('reads %s', (_label, bytes, encoding) => {
    expect(decodeText(bytes())).toEqual({ text, encoding });
  });

  it('reads plain ASCII as UTF-8, and an empty file as empty text', () => {
    expect(decodeText(Buffer.from('a,b\r\n1,2'))).toEqual({ text: 'a,b\r\n1,2', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('drops an odd trailing byte of UTF-16 rather than failing', () => {
    const bytes = Buffer.concat([utf16le('ab'), Buffer.from([0x41])]);
    expect(decodeText(bytes).text).toBe('ab');
  });

  it('maps every Windows-1252 byte, the 0x80-0x9F block included', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0xe9, 0xff]))).toBe('€…‘’“”–—™éÿ');
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all).toHaveLength(256);
  });

  it('tells text from binary data', () => {
    expect(looksBinary('First name,Last name\r\nAda,Applecross\t\r\n')).toBe(false);
    expect(looksBinary('\u0000\u0001\u0002PK\u0003\u0004')).toBe(true);
    expect(looksBinary('')).toBe(false);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and counts records as spreadsheet rows', () => {
    const text = 'Name,Notes,Age\r\n"Brontë, Zoë","Said ""hello""\r\nthen left",3\r\nSiân,,4\r\n';
    expect(parseCsv(text).records).toEqual([
      ['Name', 'Notes', 'Age'],
      ['Brontë, Zoë', 'Said "hello"\r\nthen left', '3'],
      ['Siân', '', '4'],
    ]);
  });

  it('takes CRLF, LF and lone CR line ends, and keeps blank lines as blank rows', () => {
    expect(parseCsv('a,b\nc,d\re,f\r\n\r\ng,h').records).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], [''], ['g', 'h']]);
  });

  it('keeps a trailing empty cell, and no extra row after the last line end', () => {
    expect(parseCsv('a,b,\r\n1,2,\r\n').records).toEqual([
      ['a', 'b', ''],
      ['1', '2', ''],
    ]);
    expect(parseCsv('a,').records).toEqual([['a', '']]);
    expect(parseCsv('').records).toEqual([]);
  });

  it('keeps text after a closing quote, as hand-edited files have it', () => {
    expect(parseCsv('"ab"c,d').records).toEqual([['abc', 'd']]);
    expect(parseCsv('x"y,z').records).toEqual([['x"y', 'z']]);
  });

  it('finds the separator: comma, semicolon or tab, or an Excel sep= line', () => {
    expect(detectDelimiter('a;b;c\r\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
    expect(parseCsv('sep=;\r\na;b\r\n1,5;2').records).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });

  it('refuses a quoted field that never closes, naming its row', () => {
    try {
      parseCsv('a,b\r\n1,2\r\n3,"4\r\n5,6');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ImportFileError);
      expect((err as ImportFileError).row).toBe(3);
    }
  });

  it('reads 10,000 rows quickly', () => {
    const line = '"Pip, the 1st",Quillfeather,01/02/2023,F,WBRI,English,N,,N,N,Acorns,Kim Kettleby,01/09/2025,,"a ""note"""\r\n';
    const text = line.repeat(10_000);
    const start = performance.now();
    const { records } = parseCsv(text);
    expect(records).toHaveLength(10_000);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
