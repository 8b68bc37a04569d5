/**
 * Gamry Framework data files (.DTA), any experiment (EISPOT, CV, CHRONOA, CORPOT,
 * SQUARE_WAVE, VFP600 …).
 *
 * Layout: an optional "EXPLAIN" line, "TAG\t<experiment>", then one header entry per line
 * "KEY\tTYPE\tVALUE…\tLabel" (QUANT, POTEN, IQUANT, LABEL, TOGGLE, SELECTOR, TWOPARAM, NOTES
 * with its continuation lines …) and tables: "NAME\tTABLE[\tmax rows]", a tab-separated line
 * of column names, a line of units, then rows that start with white space. A table ends at
 * the first line that does not start with white space (e.g. "EXPERIMENTABORTED\tTOGGLE\tT",
 * written when a run was stopped, or the next table). Handled: decimal commas (European
 * Framework settings: "4,99669E-001"), CRLF, Windows-1252 or UTF-8 units ("°"), rows whose
 * first fields are space-separated, files cut short inside the header, and text columns
 * such as "Over" ("...........") which are kept as strings.
 */
import { InputError } from '../../core/errors.js';
import { decodeText, splitLines } from '../text.js';

export interface GamryColumn {
  name: string;
  unit: string;
  /** Numbers (NaN in a text column). */
  values: Float64Array;
  /** Present for text columns (e.g. "Over" bit strings). */
  text?: string[];
}

export interface GamryTable {
  /** Table name: ZCURVE, CURVE, CURVE1 …, OCVCURVE, FRACURVE, VFPCURVE. */
  name: string;
  columns: GamryColumn[];
  /** 1-based line of the "NAME\tTABLE" line. */
  line: number;
}

export interface GamryHeaderEntry {
  type: string;
  /** The fields after the type, as written (label last). */
  fields: string[];
  /**
   * The first field: a number for QUANT, POTEN, IQUANT, SELECTOR when it is one; true/false for
   * TOGGLE and TWOPARAM (whose two numbers stay in `fields`); else the text as written.
   */
  value?: number | string | boolean;
}

export interface GamryDta {
  /** Experiment tag: EISPOT, CV, CHRONOA, CORPOT, … ('' if the file has none). */
  tag: string;
  header: Record<string, GamryHeaderEntry>;
  tables: GamryTable[];
  /** The run was stopped by the user (EXPERIMENTABORTED T). */
  aborted: boolean;
  notes?: string;
}

function num(token: string): number {
  const t = token.trim();
  if (t === '') return NaN;
  return Number(t.replace(',', '.'));
}

function headerValue(type: string, fields: string[]): number | string | boolean | undefined {
  const v = fields[0];
  if (v === undefined) return undefined;
  switch (type) {
    case 'QUANT':
    case 'IQUANT':
    case 'SELECTOR':
    case 'POTEN': {
      const x = num(v);
      return Number.isFinite(x) ? x : v;
    }
    case 'TOGGLE':
    case 'TWOPARAM':
      return v === 'T';
    default:
      return v;
  }
}

/** Splits a data row: tabs, or any white space if the tabs do not give `n` fields. */
function rowFields(line: string, n: number): string[] {
  const tabs = line.split('\t');
  if (tabs[0]!.trim() === '') tabs.shift(); // the leading tab
  while (tabs.length > n && tabs[tabs.length - 1]!.trim() === '') tabs.pop();
  if (tabs.length === n) return tabs;
  return line.trim().split(/\s+/);
}

export function parseDta(bytes: Uint8Array, file: string): GamryDta {
  const lines = splitLines(decodeText(bytes));
  const result: GamryDta = { tag: '', header: {}, tables: [], aborted: false };
  let i = 0;
  if (lines[0]?.trim() === 'EXPLAIN') i = 1;
  let sawTag = false;
  while (i < lines.length) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (line.trim() === '' || /^[\t ]/.test(line)) {
      i++; // blank, or a continuation line (notes) outside a table
      continue;
    }
    const parts = line.split('\t');
    const key = parts[0]!.trim();
    const type = (parts[1] ?? '').trim();
    if (key === 'TAG') {
      result.tag = type;
      sawTag = true;
      i++;
      continue;
    }
    if (type === 'TABLE') {
      const table = readTable(lines, i, file, key);
      result.tables.push(table.table);
      i = table.next;
      continue;
    }
    if (type === 'NOTES') {
      const n = Math.max(0, Math.floor(num(parts[2] ?? '0')) || 0);
      const notes = lines.slice(i + 1, i + 1 + n).map((s) => s.replace(/^\t/, ''));
      result.notes = notes.join('\n').trim();
      result.header[key] = { type, fields: parts.slice(2) };
      i += 1 + n;
      continue;
    }
    if (parts.length < 2) {
      // A lone word such as "VFP600" before TAG, or a damaged line: keep it, do not fail.
      if (!sawTag && i <= 1) {
        i++;
        continue;
      }
      throw new InputError(file, lineNo, `expected "KEY<tab>TYPE<tab>value" or a table, found "${line.slice(0, 40)}"`);
    }
    const fields = parts.slice(2).map((s) => s.trim());
    result.header[key] = { type, fields, value: headerValue(type, fields) };
    if (key === 'EXPERIMENTABORTED' && fields[0] === 'T') result.aborted = true;
    i++;
  }
  if (!sawTag) throw new InputError(file, 1, 'not a Gamry .DTA file: no "TAG" line');
  return result;
}

function readTable(lines: readonly string[], start: number, file: string, name: string): { table: GamryTable; next: number } {
  const namesLine = lines[start + 1];
  const unitsLine = lines[start + 2];
  if (namesLine === undefined || !/^[\t ]/.test(namesLine)) {
    return { table: { name, columns: [], line: start + 1 }, next: start + 1 };
  }
  const names = namesLine.split('\t').slice(1).map((s) => s.trim());
  while (names.length && names[names.length - 1] === '') names.pop();
  const units = unitsLine !== undefined && /^[\t ]/.test(unitsLine) ? unitsLine.split('\t').slice(1).map((s) => s.trim()) : [];
  const n = names.length;
  let end = start + 3;
  while (end < lines.length && /^[\t ]/.test(lines[end]!) && lines[end]!.trim() !== '') end++;
  const nrow = Math.max(0, end - (start + 3));
  const values = names.map(() => new Float64Array(nrow));
  const text: (string[] | undefined)[] = names.map(() => undefined);
  for (let r = 0; r < nrow; r++) {
    const lineNo = start + 3 + r + 1;
    const fields = rowFields(lines[start + 3 + r]!, n);
    if (fields.length < n) {
      throw new InputError(file, lineNo, `row of table ${name} has ${fields.length} fields; expected ${n}`);
    }
    for (let c = 0; c < n; c++) {
      const f = fields[c]!.trim();
      if (r === 0 && !Number.isFinite(num(f))) text[c] = [];
      const t = text[c];
      if (t) {
        t.push(f);
        values[c]![r] = NaN;
        continue;
      }
      const x = num(f);
      if (!Number.isFinite(x)) {
        throw new InputError(file, lineNo, `column "${names[c]}" of table ${name} is "${f}"; expected a number`);
      }
      values[c]![r] = x;
    }
  }
  return {
    table: {
      name,
      line: start + 1,
      columns: names.map((nm, c) => ({
        name: nm,
        unit: units[c] ?? '',
        values: values[c]!,
        ...(text[c] ? { text: text[c] } : {}),
      })),
    },
    next: end,
  };
}

/** The last table with this name, e.g. "ZCURVE". */
export function findTable(dta: GamryDta, name: string): GamryTable | undefined {
  for (let k = dta.tables.length - 1; k >= 0; k--) if (dta.tables[k]!.name === name) return dta.tables[k];
  return undefined;
}

/** A column of a table by name (first match). */
export function tableColumn(table: GamryTable, ...names: string[]): GamryColumn | undefined {
  for (const n of names) {
    const c = table.columns.find((col) => col.name === n);
    if (c) return c;
  }
  return undefined;
}

/** True if the text starts like a Gamry .DTA (EXPLAIN then TAG, or TAG within the first lines). */
export function looksLikeDta(text: string): boolean {
  return /^(EXPLAIN\r?\n)?TAG\t\S+/.test(text) || /^[^\n]{0,40}\r?\nTAG\t\S+/.test(text);
}
