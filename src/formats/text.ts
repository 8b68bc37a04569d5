/**
 * Text helpers shared by the text-based readers: decoding (UTF-8, else Windows-1252, BOMs),
 * line splitting (LF, CRLF, CR) and strict number parsing with the line number for errors.
 */
import { InputError } from '../core/errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le');
const cp1252 = new TextDecoder('windows-1252');

/** Decodes a text file: UTF-8 (BOM stripped), UTF-16 LE with BOM, else Windows-1252 (EC-Lab's units). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(bytes.subarray(2));
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return utf8.decode(bytes.subarray(start));
  } catch {
    return cp1252.decode(bytes);
  }
}

/** Splits on LF, CRLF or lone CR. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** True if the bytes look binary (NUL bytes or >10 % control characters in the sample). */
export function looksBinary(bytes: Uint8Array, sample = 4096): boolean {
  const n = Math.min(bytes.length, sample);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) ctrl++;
  }
  return n > 0 && ctrl / n > 0.1;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eEdD][+-]?\d+)?$/;

/**
 * Parses one numeric token strictly. Accepts a decimal comma when `decimalComma` is set
 * (EC-Lab exports in some locales) and Fortran `D` exponents. Anything else is an InputError
 * naming the file, line and field.
 */
export function parseNumber(
  token: string,
  file: string,
  line: number,
  field: string,
  decimalComma = false,
): number {
  let t = token.trim();
  if (decimalComma) t = t.replace(',', '.');
  if (!NUMBER.test(t)) {
    const lower = t.toLowerCase();
    if (lower === 'nan' || lower === 'inf' || lower === '-inf' || lower === '+inf' || lower === 'infinity') {
      throw new InputError(file, line, `${field} is ${t}; expected a finite number`);
    }
    throw new InputError(file, line, `${field} is "${token.trim()}"; expected a number`);
  }
  return Number(t.replace(/[dD]/, 'e'));
}
