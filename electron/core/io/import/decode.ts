// Turning a file's bytes into text. Nursery systems export CSV in whatever their platform likes:
// UTF-8 with or without a byte-order mark, UTF-16 (Excel's "Unicode text"), or Windows-1252
// (Excel's "CSV" on an English Windows). A byte-order mark decides; otherwise strict UTF-8 is
// tried, and anything that is not valid UTF-8 is read as Windows-1252, where every byte is a
// character (so "Zoë" saved by old Excel still arrives as Zoë).

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes.subarray(2), 'le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes.subarray(2), 'be'), encoding: 'utf-16be' };
  const guess = guessUtf16WithoutBom(bytes);
  if (guess) return { text: decodeUtf16(bytes, guess), encoding: guess === 'le' ? 'utf-16le' : 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// 0x80-0x9F in Windows-1252 (the rest of the code page is Latin-1). Decoded here rather than by
// TextDecoder('windows-1252'), which some Node builds treat as plain Latin-1, turning ’ and €
// into invisible control characters. The five unassigned bytes stay as C1 controls.
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    chunk.push(b >= 0x80 && b <= 0x9f ? (cp1252High[b - 0x80] ?? b) : b);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  // An odd trailing byte cannot be a character: it is dropped rather than failing the file.
  const even = bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1);
  if (order === 'le') return new TextDecoder('utf-16le').decode(even);
  const swapped = new Uint8Array(even.length);
  for (let i = 0; i < even.length; i += 2) {
    swapped[i] = even[i + 1] ?? 0;
    swapped[i + 1] = even[i] ?? 0;
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

/**
 * UTF-16 without a byte-order mark (rare, but some tools write it): text in Latin script then has
 * a zero in every other byte. Checked on the first 2,000 bytes.
 */
function guessUtf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 2000) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.05) return 'le';
  if (zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.05) return 'be';
  return null;
}

/** Control characters other than tab, CR and LF: a file full of them is not a spreadsheet export. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  if (sample.length === 0) return false;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f) controls++;
  }
  return controls > 0 && controls / sample.length > 0.01;
}
