/**
 * Byte-level number and time parsers for the delimited cycler exports. They work on the raw
 * bytes between two offsets so a million-row file is never split into strings (the CSV reader's
 * speed target is ≥ 100 MB/s). Fast path: Clinger's — an integer mantissa below 2^53 and a power
 * of ten ≤ 22 give the correctly rounded double with one multiply or divide, identical to
 * `Number(text)`; anything longer falls back to `Number`. A field that is not a number returns
 * NaN and the caller decides whether that is an error.
 */

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const latin1 = new TextDecoder('latin1');

const ZERO = 48;
const DOT = 46;
const COMMA = 44;
const MINUS = 45;
const PLUS = 43;
const SPACE = 32;
const TAB = 9;

/** Parses bytes[s, e) as a decimal number; NaN if it is not one. `decimalComma` accepts ',' as the point. */
export function parseFloatBytes(b: Uint8Array, s: number, e: number, decimalComma = false): number {
  while (s < e && (b[s] === SPACE || b[s] === TAB)) s++;
  while (e > s && (b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
  if (s >= e) return NaN;
  let i = s;
  let neg = false;
  if (b[i] === MINUS) {
    neg = true;
    i++;
  } else if (b[i] === PLUS) i++;
  let mant = 0;
  let frac = 0;
  let sawDigit = false;
  let sawPoint = false;
  for (; i < e; i++) {
    const c = b[i]!;
    const d = c - ZERO;
    if (d >= 0 && d <= 9) {
      sawDigit = true;
      mant = mant * 10 + d;
      if (sawPoint) frac++;
    } else if ((c === DOT || (decimalComma && c === COMMA)) && !sawPoint) sawPoint = true;
    else break;
  }
  if (!sawDigit) return NaN;
  let exp = 0;
  if (i < e) {
    const c = b[i]!;
    if (c !== 101 && c !== 69 && c !== 100 && c !== 68) return NaN; // e E d D
    i++;
    let eneg = false;
    if (b[i] === MINUS) {
      eneg = true;
      i++;
    } else if (b[i] === PLUS) i++;
    let sawExp = false;
    for (; i < e; i++) {
      const d = b[i]! - ZERO;
      if (d < 0 || d > 9) return NaN;
      exp = exp * 10 + d;
      sawExp = true;
    }
    if (!sawExp) return NaN;
    if (eneg) exp = -exp;
  }
  const p = exp - frac;
  // exact while the integer mantissa stayed below 2^53 (then one correctly rounded × or ÷)
  if (mant <= 9007199254740991 && p >= -22 && p <= 22) {
    const v = p >= 0 ? mant * POW10[p]! : mant / POW10[-p]!;
    return neg ? -v : v;
  }
  let text = latin1.decode(b.subarray(s, e));
  if (decimalComma) text = text.replace(',', '.');
  return Number(text.replace(/[dD]/, 'e'));
}

/**
 * A duration such as `02:52:51.57`, `  2d 02:52:51.57`, `1 days 00:01:00` or `00:01:00` → s;
 * a plain number is taken as is (the caller scales it). NaN if neither.
 */
export function parseDurationBytes(b: Uint8Array, s: number, e: number): number {
  const text = latin1.decode(b.subarray(s, e)).trim();
  const m = /^(?:(\d+)\s*d(?:ays?)?\s+)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d*)?)$/.exec(text);
  if (m) return Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  const m2 = /^(\d+):(\d{1,2}(?:\.\d*)?)$/.exec(text); // mm:ss
  if (m2) return Number(m2[1]) * 60 + Number(m2[2]);
  return parseFloatBytes(b, s, e);
}

/** `parseDateTime` of bytes[s, e), decoded with the module's one latin1 decoder (called per row). */
export function parseDateTimeBytes(b: Uint8Array, s: number, e: number): number {
  return parseDateTime(latin1.decode(b.subarray(s, e)));
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * A date-time as cyclers write it → s since 1970 (read as UTC: only differences are used).
 * Accepts `2022-05-18 16:27:52`, `05/05/2021 15:36:22.757` (month first), `19.06.2023 17:56:53`
 * (day first), `23-Nov-23 3:56:11 PM` and a trailing AM/PM. NaN if none matches.
 */
export function parseDateTime(text: string): number {
  const t = text.trim();
  let y: number, mo: number, d: number;
  let rest: string;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](.*)$/.exec(t);
  if (m) {
    y = +m[1]!;
    mo = +m[2]!;
    d = +m[3]!;
    rest = m[4]!;
  } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})\s+(.*)$/.exec(t))) {
    mo = +m[1]!;
    d = +m[2]!;
    y = +m[3]!;
    rest = m[4]!;
  } else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{2,4})\s+(.*)$/.exec(t))) {
    d = +m[1]!;
    mo = +m[2]!;
    y = +m[3]!;
    rest = m[4]!;
  } else if ((m = /^(\d{1,2})-([A-Za-z]{3})-(\d{2,4})\s+(.*)$/.exec(t))) {
    d = +m[1]!;
    mo = MONTHS[m[2]!.toLowerCase()] ?? NaN;
    y = +m[3]!;
    rest = m[4]!;
  } else return NaN;
  if (y < 100) y += 2000;
  const tm = /^(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d*)?))?\s*([AaPp][Mm])?$/.exec(rest.trim());
  if (!tm) return NaN;
  let h = +tm[1]!;
  const ampm = tm[4]?.toLowerCase();
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  return Date.UTC(y, mo - 1, d, h, +tm[2]!, 0) / 1000 + Number(tm[3] ?? 0);
}

/** Where the last `scanNumber` stopped: the index of the delimiter or line end after the field. */
export let scanEnd = 0;

/**
 * Parses the field that starts at `s` and ends at the next `delim` byte or at `e`, in one pass
 * (the number is read while looking for the delimiter). Sets `scanEnd`. NaN if the field is not a
 * plain decimal number (the caller may retry it as a time); quoted fields are not handled here.
 */
export function scanNumber(b: Uint8Array, s: number, e: number, delim: number, decimalComma: boolean): number {
  let i = s;
  while (i < e && b[i] === SPACE) i++;
  let neg = false;
  if (b[i] === MINUS) {
    neg = true;
    i++;
  } else if (b[i] === PLUS) i++;
  let mant = 0;
  let frac = 0;
  let sawDigit = false;
  let sawPoint = false;
  let c = 0;
  for (; i < e; i++) {
    c = b[i]!;
    const d = c - ZERO;
    if (d >= 0 && d <= 9) {
      sawDigit = true;
      mant = mant * 10 + d;
      if (sawPoint) frac++;
    } else if ((c === DOT || (decimalComma && c === COMMA && delim !== COMMA)) && !sawPoint) sawPoint = true;
    else break;
  }
  let exp = 0;
  if (i < e && (c === 101 || c === 69)) {
    i++;
    let eneg = false;
    if (b[i] === MINUS) {
      eneg = true;
      i++;
    } else if (b[i] === PLUS) i++;
    let sawExp = false;
    for (; i < e; i++) {
      const d = b[i]! - ZERO;
      if (d < 0 || d > 9) break;
      exp = exp * 10 + d;
      sawExp = true;
    }
    if (!sawExp) sawDigit = false;
    if (eneg) exp = -exp;
  }
  let j = i;
  while (j < e && b[j] === SPACE) j++;
  if (j < e && b[j] !== delim) {
    // not a plain number: find the field end and let the general parser decide
    while (j < e && b[j] !== delim) j++;
    scanEnd = j;
    return parseFloatBytes(b, s, j, decimalComma);
  }
  scanEnd = j;
  if (!sawDigit) return NaN;
  const p = exp - frac;
  if (mant <= 9007199254740991 && p >= -22 && p <= 22) {
    const v = p >= 0 ? mant * POW10[p]! : mant / POW10[-p]!;
    return neg ? -v : v;
  }
  return parseFloatBytes(b, s, i, decimalComma);
}
