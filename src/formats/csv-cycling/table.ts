/**
 * The one delimited-table engine behind every text cycler export (Arbin CSV, Neware CSV, Maccor
 * text, BaSyTec, Novonix, generic CSV/TSV). A vendor reader says where the header is, which
 * delimiter separates fields and how to treat its quirks; this file scans the bytes once, line
 * by line, parses only the mapped columns straight from the bytes into preallocated typed
 * arrays (no per-line strings, no second copy of the data) and returns a CyclerRecord in
 * s, V, A, Ah.
 */
import { InputError } from '../../core/errors.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { decodeText } from '../text.js';
import { mapColumns, type MappedColumn, type Role } from './columns.js';
import { parseDateTimeBytes, parseDurationBytes, parseFloatBytes, scanEnd, scanNumber } from './numbers.js';

export interface TableLayout {
  /** 0-based line index of the header row. */
  headerLine: number;
  /** Field separator byte (',' '\t' ';'). */
  delimiter: number;
  /** Every data line is wrapped in one pair of double quotes (Novonix HPC). */
  lineQuoted?: boolean;
  /** Accept ',' as the decimal point (only with a non-comma delimiter). */
  decimalComma?: boolean;
  /** Strip a leading character from the header line (BaSyTec '~'). */
  headerPrefix?: string;
  /**
   * Maccor: one unsigned capacity column and a state letter (C/D/R…) per row. Capacity goes to
   * charge or discharge by state, and the current gets the state's sign if it is unsigned.
   */
  stateSigned?: boolean;
  /** Roles this format must not map (e.g. a misleading "State" number). */
  exclude?: Role[];
  format: string;
  /** Lines after the header to skip before data (e.g. a units row). */
  skipAfterHeader?: number;
}

const NL = 10;
const CR = 13;
const QUOTE = 34;

/** Byte offsets of the start of each of the first `count` lines. */
export function lineStarts(b: Uint8Array, count: number): number[] {
  const starts = [0];
  for (let i = 0; i < b.length && starts.length <= count; i++) if (b[i] === NL) starts.push(i + 1);
  return starts;
}

/** Decoded text of line `k` (0-based), without its line ending. */
export function lineText(b: Uint8Array, k: number): string {
  const s = lineStarts(b, k + 1);
  if (k >= s.length) return '';
  let e = s[k]!;
  while (e < b.length && b[e] !== NL) e++;
  if (e > s[k]! && b[e - 1] === CR) e--;
  return decodeText(b.subarray(s[k]!, e));
}

/** Splits a header line into fields, honouring double quotes. */
export function splitFields(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') q = !q;
    else if (c === delimiter && !q) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export function readTable(bytes: Uint8Array, file: string, layout: TableLayout): CyclerRecord {
  const d = layout.delimiter;
  const dChar = String.fromCharCode(d);
  let header = lineText(bytes, layout.headerLine);
  if (layout.headerPrefix && header.startsWith(layout.headerPrefix)) header = header.slice(layout.headerPrefix.length);
  if (layout.lineQuoted) header = header.replace(/^"|"$/g, '');
  const headers = splitFields(header, dChar);
  const headerLineNo = layout.headerLine + 1;
  const cols = mapColumns(headers, file, headerLineNo, layout.exclude);
  for (const need of ['time', 'voltage', 'current'] as const) {
    if (!cols[need]) {
      throw new InputError(file, headerLineNo, `no ${need} column among the headers (${headers.filter(Boolean).join(', ')})`);
    }
  }
  // Field index → slot in `mapped` (−1: not parsed; fields beyond the header's are never mapped)
  const nf = headers.length;
  const slot = new Int32Array(nf).fill(-1);
  const mapped: MappedColumn[] = Object.values(cols) as MappedColumn[];
  mapped.forEach((c, k) => (slot[c.index] = k));

  // Data region and a row-count upper bound (newlines) for preallocation.
  const starts = lineStarts(bytes, layout.headerLine + 1 + (layout.skipAfterHeader ?? 0));
  let pos = starts[layout.headerLine + 1 + (layout.skipAfterHeader ?? 0)] ?? bytes.length;
  let cap = 1;
  for (let i = bytes.indexOf(NL, pos); i >= 0; i = bytes.indexOf(NL, i + 1)) cap++;
  const values = mapped.map(() => new Float64Array(cap));
  const stateCodes = cols.state ? new Uint8Array(cap) : undefined;
  const stateSlot = cols.state ? mapped.indexOf(cols.state) : -1;
  const timeSlot = mapped.indexOf(cols.time!);
  const timeValues = values[timeSlot]!;
  const voltageValues = values[mapped.indexOf(cols.voltage!)]!;
  const currentValues = values[mapped.indexOf(cols.current!)]!;
  let timeMode: 'number' | 'duration' | 'datetime' | undefined;
  let rows = 0;
  let lineNo = layout.headerLine + 1 + (layout.skipAfterHeader ?? 0);
  const dc = layout.decimalComma ?? false;
  const n = bytes.length;
  while (pos < n) {
    lineNo++;
    let e = bytes.indexOf(NL, pos);
    if (e < 0) e = n;
    let le = e > pos && bytes[e - 1] === CR ? e - 1 : e;
    let ls = pos;
    pos = e + 1;
    if (layout.lineQuoted && le - ls >= 2 && bytes[ls] === QUOTE && bytes[le - 1] === QUOTE) {
      ls++;
      le--;
    }
    if (le <= ls) continue; // blank line
    const c0 = bytes[ls]!;
    if (c0 === 32 || c0 === 9 || c0 === d) {
      // whitespace-only lines are skipped
      let blank = true;
      for (let i = ls; i < le; i++) {
        const c = bytes[i]!;
        if (c !== 32 && c !== 9 && c !== d) {
          blank = false;
          break;
        }
      }
      if (blank) continue;
    }
    let field = 0;
    let found = 0;
    let i = ls;
    while (i <= le) {
      const k = field < nf ? slot[field]! : -1;
      if (k >= 0 && k !== stateSlot && !(k === timeSlot && timeMode !== 'number') && bytes[i] !== QUOTE) {
        // mapped numeric field: parse while scanning to the delimiter (one pass)
        found++;
        values[k]![rows] = scanNumber(bytes, i, le, d, dc);
        i = scanEnd + 1;
        field++;
        continue;
      }
      let a = i;
      let z: number;
      if (i < le && bytes[i] === QUOTE) {
        // quoted field: the delimiter may occur inside
        a = i + 1;
        i = a;
        while (i < le && bytes[i] !== QUOTE) i++;
        z = i;
        while (i < le && bytes[i] !== d) i++;
      } else {
        while (i < le && bytes[i] !== d) i++;
        z = i;
      }
      if (k >= 0) {
        found++;
        if (k === stateSlot) {
          while (a < z && bytes[a] === 32) a++;
          stateCodes![rows] = a < z ? bytes[a]! : 0;
        } else if (k === timeSlot) {
          values[k]![rows] = parseTime(bytes, a, z);
        } else {
          values[k]![rows] = parseFloatBytes(bytes, a, z, dc);
        }
      }
      field++;
      i++; // past the delimiter (or the line end)
    }
    // a final line without its line end and with fields missing is a cut-off file (a trailing
    // empty field, as EC-Lab writes, may be absent)
    if (e === n && field < nf - 1) {
      throw new InputError(file, lineNo, `the last line has ${field} of ${nf} fields and no line end; the file is truncated`);
    }
    if (found < mapped.length) {
      throw new InputError(file, lineNo, `expected ${nf} fields separated by ${JSON.stringify(dChar)}, found ${field}; the file may be truncated`);
    }
    const t = timeValues[rows]!;
    const v = voltageValues[rows]!;
    const c = currentValues[rows]!;
    // one test for the usual case (finite values): their sum is finite
    if (!Number.isFinite(t + v + c)) {
      const bad = !Number.isFinite(t) ? cols.time! : !Number.isFinite(v) ? cols.voltage! : cols.current!;
      throw new InputError(file, lineNo, `column "${bad.name}" is not a number; expected a number (or a time for the time column)`);
    }
    rows++;
  }

  function parseTime(b: Uint8Array, a: number, z: number): number {
    if (timeMode === 'number' || timeMode === undefined) {
      const x = parseFloatBytes(b, a, z, dc);
      if (!Number.isNaN(x) || timeMode === 'number') {
        if (timeMode === undefined && !Number.isNaN(x)) timeMode = 'number';
        return x;
      }
    }
    if (timeMode === 'duration' || timeMode === undefined) {
      const x = parseDurationBytes(b, a, z);
      if (!Number.isNaN(x)) {
        timeMode = 'duration';
        return x;
      }
      if (timeMode === 'duration') return NaN;
    }
    const x = parseDateTimeBytes(b, a, z);
    if (!Number.isNaN(x)) timeMode = 'datetime';
    return x;
  }

  const col = (role: Role): Float64Array | undefined => {
    const c = cols[role];
    if (!c) return undefined;
    const arr = values[mapped.indexOf(c)]!.subarray(0, rows);
    if (c.scale !== 1) for (let i = 0; i < rows; i++) arr[i] = arr[i]! * c.scale;
    return arr;
  };
  const time = col('time')!;
  if (timeMode === 'datetime' && rows) {
    const t0 = time[0]!;
    for (let i = 0; i < rows; i++) time[i] = time[i]! - t0;
  }
  const voltage = col('voltage')!;
  const current = col('current')!;
  const rec: CyclerRecord = { time, voltage, current, meta: { source: file, format: layout.format } };
  const step = counterColumn(col('step'));
  if (step) rec.step = step;
  const cycle = counterColumn(col('cycle'));
  if (cycle) rec.cycle = cycle;
  let ch = col('chargeCapacity');
  let dis = col('dischargeCapacity');
  if (layout.stateSigned && stateCodes) {
    // Maccor: state letter gives the direction; Amps may be unsigned.
    // the one unsigned Amp-hr column is split by state only when the file has no capacity
    // counters of its own (with one of them present, filling the other would mix sources)
    const capacity = !ch && !dis ? col('capacity') : undefined;
    const chSplit = capacity ? new Float64Array(rows) : undefined;
    const disSplit = capacity ? new Float64Array(rows) : undefined;
    for (let i = 0; i < rows; i++) {
      const s = stateCodes[i]!;
      if (s === 68 /* D */) {
        current[i] = -Math.abs(current[i]!);
        if (disSplit) disSplit[i] = capacity![i]!;
      } else if (s === 67 /* C */) {
        current[i] = Math.abs(current[i]!);
        if (chSplit) chSplit[i] = capacity![i]!;
      }
    }
    ch ??= chSplit;
    dis ??= disSplit;
  }
  if (ch) rec.chargeCapacity = ch;
  if (dis) rec.dischargeCapacity = dis;
  const temp = col('temperature');
  if (temp) rec.extra = { temperature: { unit: 'degC', values: temp } };
  rec.meta.columns = headers.filter((h) => h.trim() !== '').map((h) => h.trim());
  return rec;
}

/** A step or cycle counter read as numbers → integers; a cell that is not a number becomes −1. */
export function counterColumn(a: Float64Array | undefined): Int32Array | undefined {
  if (!a) return undefined;
  const o = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) o[i] = Number.isFinite(a[i]!) ? Math.round(a[i]!) : -1;
  return o;
}
