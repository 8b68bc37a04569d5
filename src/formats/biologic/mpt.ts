/**
 * BioLogic EC-Lab / BT-Lab text exports (.mpt, also saved as .txt), any technique.
 *
 * Layout: "EC-Lab ASCII FILE" (or "BT-Lab ASCII FILE"), "Nb header lines : N", N − 3 lines of
 * settings, the tab-separated column names on line N, then one row per point. Exports
 * without that header (the "no header" export option) start directly with the column names.
 * Handled: LF, CRLF or CR; decimal commas (European locales); Windows-1252 units ("µF", "°C");
 * a trailing tab on every line; repeated column names (PEIS has "<I>/mA" twice; both kept);
 * date-time strings in "time/s" (BT-Lab option), turned into seconds since the first row;
 * "INF"/"NAN" that EC-Lab writes in columns it computes at export (e.g. "Efficiency/%" of a
 * first half cycle) are kept as ±Infinity/NaN and listed in `meta.nonFinite` (column → count),
 * so a consumer of that column can refuse them, while files whose other columns are fine
 * still read. Units mangled to U+FFFD by an earlier re-encoding ("�C", "�F") are restored.
 */
import { InputError } from '../../core/errors.js';
import { decodeText, splitLines } from '../text.js';
import { techniqueCode, unitOfName, type BiologicTable } from './columns.js';

const MAGIC = /^(EC|BT)-Lab ASCII FILE\s*$/;
const HEADER_COUNT = /^Nb header lines\s*:\s*(\d+)\s*$/;
/** "11/20/2024 11:38:41.707" — EC-Lab writes month/day/year. */
const NON_FINITE = new Map<string, number>([
  ['inf', Infinity],
  ['+inf', Infinity],
  ['-inf', -Infinity],
  ['nan', NaN],
]);
const DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2}(?:[.,]\d+)?)$/;

/** True if the text starts like an EC-Lab/BT-Lab export with its header. */
export function hasMptMagic(text: string): boolean {
  return /^(EC|BT)-Lab ASCII FILE\r?\n?/.test(text);
}

/**
 * The technique code named in the first lines of an EC-Lab text header (the long name is on
 * line 4 as a rule), if any: lets sniffers tell an impedance run from a cycling one.
 */
export function mptHeadTechnique(text: string): string | undefined {
  const lines = text.split(/\r\n|\n|\r/, 6);
  for (let i = 2; i < lines.length; i++) {
    const code = techniqueCode(lines[i]!);
    if (code) return code;
  }
  return undefined;
}

/** Milliseconds since 1970 for an EC-Lab date-time, treating it as UTC (no zone is stored). */
export function parseEcLabDateTime(s: string): number | undefined {
  const m = DATE_TIME.exec(s.trim());
  if (!m) return undefined;
  const [, mo, d, y, h, mi, sec] = m;
  const seconds = Number(sec!.replace(',', '.'));
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), 0) + seconds * 1000;
}

/** Tab-split without the trailing empty field EC-Lab leaves after the last tab. */
function tabFields(line: string): string[] {
  const f = line.split('\t');
  if (f.length > 1 && f[f.length - 1]!.trim() === '') f.pop();
  return f;
}

/** "Temperature/\uFFFDC" → "Temperature/°C", "Cs/\uFFFDF" → "Cs/µF" (units lost to a bad re-encoding). */
function repairUnit(name: string): string {
  return name.replace(/\uFFFDC\b/g, '\u00b0C').replace(/\uFFFDF\b/g, '\u00b5F');
}

function looksLikeNames(fields: string[]): boolean {
  return fields.length >= 2 && fields.some((f) => /[A-Za-z]/.test(f) && Number.isNaN(Number(f)));
}

export interface MptOptions {
  /**
   * Called with the column names and their 1-based line before any row is read, so a
   * technique-specific reader can refuse a file missing its columns with a clear message
   * (throw an InputError) instead of failing later on a row.
   */
  checkColumns?: (names: readonly string[], line: number) => void;
}

export function parseMpt(bytes: Uint8Array, file: string, options: MptOptions = {}): BiologicTable {
  const lines = splitLines(decodeText(bytes));
  const meta: Record<string, unknown> = {};
  let headerRow: number; // 0-based index of the column-name line
  let technique: string | undefined;
  const magic = MAGIC.exec(lines[0] ?? '');
  if (magic) {
    meta.software = `${magic[1]}-Lab`;
    const count = HEADER_COUNT.exec(lines[1] ?? '');
    if (!count) throw new InputError(file, 2, 'expected "Nb header lines : N" after the EC-Lab ASCII FILE line');
    const n = Number(count[1]);
    if (n < 3 || n > lines.length) {
      throw new InputError(file, 2, `"Nb header lines" is ${n} but the file has ${lines.length} lines`);
    }
    meta.headerLines = n;
    headerRow = n - 1;
    const header: Record<string, string> = {};
    for (let i = 2; i < headerRow; i++) {
      const line = lines[i]!;
      const kv = /^([^\t:][^:]*?)\s+:\s+(.*?)\s*$/.exec(line);
      if (kv) {
        if (!(kv[1]! in header)) header[kv[1]!] = kv[2]!;
      } else if (i <= 4 && line.trim() !== '' && meta.techniqueName === undefined && !line.includes(':')) {
        meta.techniqueName = line.trim();
        technique = techniqueCode(line);
      }
    }
    meta.header = header;
    const started = header['Acquisition started on'];
    if (started) {
      const ms = parseEcLabDateTime(started);
      if (ms !== undefined) meta.startTime = new Date(ms).toISOString().replace('Z', '');
    }
  } else {
    // Export without header: the first line must be the tab-separated column names.
    const first = tabFields(lines[0] ?? '');
    if (!(lines[0] ?? '').includes('\t') || !looksLikeNames(first)) {
      throw new InputError(file, 1, 'not a BioLogic text export: expected "EC-Lab ASCII FILE" or a tab-separated line of column names');
    }
    headerRow = 0;
  }

  const names = tabFields(lines[headerRow] ?? '').map((s) => repairUnit(s.trim()));
  if (names.length === 0 || names.every((s) => s === '')) {
    throw new InputError(file, headerRow + 1, 'expected the tab-separated column names on this line');
  }
  const ncol = names.length;
  options.checkColumns?.(names, headerRow + 1);

  // Data lines: everything after the names, ignoring trailing blank lines.
  let end = lines.length;
  while (end > headerRow + 1 && lines[end - 1]!.trim() === '') end--;
  const first = headerRow + 1;
  const nrow = end - first;
  const values = names.map(() => new Float64Array(nrow));
  const decimalComma = nrow > 0 && tabFields(lines[first]!).some((f) => /^\s*[+-]?\d+,\d+/.test(f));
  const dateColumn = new Array<boolean>(ncol).fill(false);
  const nonFinite: Record<string, number> = {};

  for (let r = 0; r < nrow; r++) {
    const lineNo = first + r + 1;
    const line = lines[first + r]!;
    const fields = tabFields(line);
    if (fields.length !== ncol) {
      if (line.trim() === '') throw new InputError(file, lineNo, 'blank line inside the data; expected a row of numbers');
      throw new InputError(file, lineNo, `row has ${fields.length} fields; expected ${ncol} (one per column name)`);
    }
    for (let c = 0; c < ncol; c++) {
      const raw = fields[c]!;
      const t = decimalComma ? raw.replace(',', '.') : raw;
      const x = Number(t);
      // Number('') and Number('  ') are 0: only then is the (rare) blank check needed.
      if (Number.isFinite(x) && (x !== 0 || t.trim() !== '')) {
        values[c]![r] = x;
        continue;
      }
      const special = NON_FINITE.get(t.trim().toLowerCase());
      if (special !== undefined) {
        values[c]![r] = special;
        nonFinite[names[c]!] = (nonFinite[names[c]!] ?? 0) + 1;
        continue;
      }
      const ms = parseEcLabDateTime(raw);
      if (ms !== undefined && (r === 0 || dateColumn[c])) {
        dateColumn[c] = true;
        values[c]![r] = ms / 1000;
        continue;
      }
      throw new InputError(file, lineNo, `column "${names[c]}" is "${raw.trim()}"; expected a number`);
    }
  }

  // Date-time columns become seconds since the first row; the first instant goes to meta.
  for (let c = 0; c < ncol; c++) {
    if (!dateColumn[c] || nrow === 0) continue;
    const v = values[c]!;
    const t0 = v[0]!;
    meta.startTime ??= new Date(t0 * 1000).toISOString().replace('Z', '');
    meta.timeFromDates = true;
    for (let r = 0; r < nrow; r++) v[r] = v[r]! - t0;
  }

  return {
    columns: names.map((name, c) => ({ name, unit: unitOfName(name), values: values[c]! })),
    ...(technique ? { technique } : {}),
    meta: {
      ...meta,
      ...(decimalComma ? { decimalComma: true } : {}),
      ...(Object.keys(nonFinite).length ? { nonFinite } : {}),
    },
  };
}
