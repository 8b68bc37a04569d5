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

/** A field separator of a delimited text table. `whitespace` means runs of spaces/tabs. */
export type Delimiter = '\t' | ',' | ';' | 'whitespace';

/**
 * Guesses the separator of a delimited line: tab if there is one, else semicolon, else comma,
 * else runs of whitespace. (A comma inside a decimal-comma number cannot be told from a
 * separator on one line; callers that know the locale decide.)
 */
export function guessDelimiter(line: string): Delimiter {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  if (line.includes(',')) return ',';
  return 'whitespace';
}

/**
 * Splits one line into trimmed fields. Quotes around a whole field are removed (no embedded
 * separators inside quotes are supported); a trailing empty field (a line ending in a
 * separator, common in instrument exports) is dropped.
 */
export function splitFields(line: string, delimiter: Delimiter): string[] {
  const raw = delimiter === 'whitespace' ? line.trim().split(/\s+/) : line.split(delimiter);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!.trim();
    if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1).trim();
    out.push(t);
  }
  if (out.length > 1 && out[out.length - 1] === '') out.pop();
  if (out.length === 1 && out[0] === '') return [];
  return out;
}

/** True if the token is a plain number (the strict grammar of parseNumber, `.` decimals). */
export function isNumberToken(token: string): boolean {
  return NUMBER.test(token.trim());
}

/** Drops a leading byte-order mark, whether decoded (U+FEFF) or seen as latin1 bytes (FileHead.text). */
export function withoutBom(text: string): string {
  return text.replace(/^(\uFEFF|\u00ef\u00bb\u00bf|\u00ff\u00fe)/, '');
}
