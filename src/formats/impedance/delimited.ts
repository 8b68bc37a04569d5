/**
 * Plain delimited impedance tables (CSV, TSV, semicolon, whitespace), the catch-all format:
 *  - with a header row whose names say which columns are frequency, Z' and Z'' (or |Z| and
 *    phase); a header naming −Z'' (`-Im(Z)`, `-Z''`) is negated so Z'' < 0 when capacitive;
 *  - without a header: the first three numeric columns are f (Hz), Z' (Ω), Z'' (Ω) as stored
 *    (impedance.py `readCSV`, pyDRTtools text/CSV files: Z'' already negative when capacitive).
 * Lines before the table (title, metadata) are skipped; after the first data row every
 * non-blank line must be a data row. `#`, `%` and `!` start comment lines.
 * It answers sniffing with a low score so instrument-specific formats win.
 */
import { InputError } from '../../core/errors.js';
import type { ImpedanceSpectrum } from '../../impedance/spectrum.js';
import { decodeText, guessDelimiter, isNumberToken, parseNumber, splitFields, splitLines, withoutBom, type Delimiter } from '../text.js';
import type { FileFormat, FileHead } from '../types.js';
import { SpectrumBuilder, summarizeSpectrum } from './build.js';
import { findImpedanceColumns, missingImpedanceColumns, type ImpedanceColumns } from './columns.js';

/** Where the table is in the lines of a file. */
export interface TableLayout {
  delimiter: Delimiter;
  decimalComma: boolean;
  /** Index (0-based) of the header line, or -1 without a header. */
  headerIndex: number;
  header?: string[];
  /** Index (0-based) of the first data line. */
  dataIndex: number;
  /** Found only by its header (no valid numeric row yet): a weak sign that this is an impedance table. */
  headerOnly?: boolean;
}

const COMMENT = /^\s*[#%!]/;

function numericFields(fields: string[], decimalComma: boolean): boolean {
  if (fields.length === 0) return false;
  for (const f of fields) if (!isNumberToken(decimalComma ? f.replace(',', '.') : f)) return false;
  return true;
}

/** A delimiter and locale under which this line is a row of ≥ `minFields` numbers, if any. */
function numericRow(line: string, minFields: number): { delimiter: Delimiter; decimalComma: boolean } | undefined {
  const d = guessDelimiter(line);
  const candidates: [Delimiter, boolean][] =
    d === ',' ? [[',', false]] : d === 'whitespace' ? [['whitespace', false]] : [[d, false], [d, true]];
  for (const [delimiter, decimalComma] of candidates) {
    const fields = splitFields(line, delimiter);
    if (fields.length >= minFields && numericFields(fields, decimalComma)) return { delimiter, decimalComma };
  }
  // "1,5 2,5 3,5" — whitespace-separated decimal-comma numbers.
  if (d === ',') {
    const fields = splitFields(line, 'whitespace');
    if (fields.length >= minFields && numericFields(fields, true)) return { delimiter: 'whitespace', decimalComma: true };
  }
  return undefined;
}

/**
 * Finds the first numeric row with ≥ `minFields` fields and the header just above it (the
 * nearest non-blank, non-comment line, if it is not numeric and splits into as many fields).
 */
export function locateTable(lines: readonly string[], minFields = 3, maxScan = lines.length): TableLayout | undefined {
  const n = Math.min(lines.length, maxScan);
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || COMMENT.test(line)) continue;
    const row = numericRow(line, minFields);
    if (!row) continue;
    const layout: TableLayout = { ...row, headerIndex: -1, dataIndex: i };
    for (let j = i - 1; j >= 0; j--) {
      const h = lines[j]!;
      if (h.trim() === '') continue;
      if (COMMENT.test(h)) break;
      const header = splitFields(h, row.delimiter === 'whitespace' && h.includes('\t') ? '\t' : row.delimiter);
      if (header.length >= 2 && !numericFields(header, row.decimalComma)) {
        layout.headerIndex = j;
        layout.header = header;
      }
      break;
    }
    return layout;
  }
  // No valid numeric row (e.g. the only row is damaged): a recognisable impedance header on
  // the first line still identifies the table, so reading can say what is wrong with the row.
  const firstIndex = lines.findIndex((l) => l.trim() !== '' && !COMMENT.test(l));
  if (firstIndex >= 0 && firstIndex < n) {
    const delimiter = guessDelimiter(lines[firstIndex]!);
    const header = splitFields(lines[firstIndex]!, delimiter);
    if (findImpedanceColumns(header)) {
      return { delimiter, decimalComma: false, headerIndex: firstIndex, header, dataIndex: firstIndex + 1, headerOnly: true };
    }
  }
  return undefined;
}

/**
 * True if the first column of the table's rows in `lines` looks like a frequency sweep: at
 * least 8 rows with the same number of fields, first column > 0, strictly monotonic and
 * spanning at least a factor 10.
 */
function looksLikeSweep(lines: readonly string[], layout: TableLayout): boolean {
  let prev = NaN;
  let direction = 0;
  let rows = 0;
  let width = -1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = layout.dataIndex; i < lines.length && rows < 200; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const fields = splitFields(line, layout.delimiter);
    if (width < 0) width = fields.length;
    if (fields.length !== width || !numericFields(fields, layout.decimalComma)) return false;
    const f = Number(layout.decimalComma ? fields[0]!.replace(',', '.') : fields[0]);
    if (!(f > 0)) return false;
    if (rows > 0) {
      const d = Math.sign(f - prev);
      if (d === 0 || (direction !== 0 && d !== direction)) return false;
      direction = d;
    }
    lo = Math.min(lo, f);
    hi = Math.max(hi, f);
    prev = f;
    rows++;
  }
  return rows >= 8 && hi >= 10 * lo;
}

/**
 * The head's complete lines, decoded like the whole file (UTF-8, else Windows-1252) so that
 * units such as "Ω" read the same in sniffing and reading; the last line is dropped when the
 * file goes on past the head (it may be cut).
 */
export function headLines(head: FileHead, max = 200): string[] {
  const lines = splitLines(withoutBom(decodeText(head.bytes)));
  if (head.truncated) lines.pop();
  return lines.slice(0, max);
}

/**
 * Reads an impedance table from `lines` given its layout and column positions. A column whose
 * header names −Z'' or −phase (ColumnInfo.negated) is negated; units in the header scale to
 * Hz, Ω and rad. Rows stop at the end or at `stop(line)`.
 */
export function readImpedanceRows(
  lines: readonly string[],
  file: string,
  layout: TableLayout,
  cols: ImpedanceColumns,
  options: { skipZeroFrequency?: boolean; stop?: (line: string) => boolean } = {},
): SpectrumBuilder {
  const b = new SpectrumBuilder(file);
  const fInfo = cols.info[cols.frequency];
  const fScale = fInfo?.scale ?? 1;
  const polar = cols.real === undefined;
  const aIdx = polar ? cols.modulus! : cols.real!;
  const bIdx = polar ? cols.phase! : cols.imag!;
  const aInfo = cols.info[aIdx];
  const bInfo = cols.info[bIdx];
  const aScale = aInfo?.scale ?? 1;
  const bScale = (bInfo?.scale ?? (polar ? Math.PI / 180 : 1)) * (bInfo?.negated ? -1 : 1);
  const need = Math.max(cols.frequency, aIdx, bIdx) + 1;
  // Field names for error messages, built once rather than per row.
  const name = (i: number, fallback: string) => (layout.header?.[i] ? `column "${layout.header[i]}"` : fallback);
  const fName = name(cols.frequency, 'frequency');
  const aName = name(aIdx, polar ? '|Z|' : "Z'");
  const bName = name(bIdx, polar ? 'phase' : "Z''");
  for (let i = layout.dataIndex; i < lines.length; i++) {
    const line = lines[i]!;
    if (options.stop?.(line)) break;
    if (line.trim() === '' || COMMENT.test(line)) continue;
    const fields = splitFields(line, layout.delimiter);
    const lineNo = i + 1;
    if (fields.length < need) {
      throw new InputError(file, lineNo, `row has ${fields.length} field${fields.length === 1 ? '' : 's'}; expected at least ${need}`);
    }
    const f = parseNumber(fields[cols.frequency]!, file, lineNo, fName, layout.decimalComma) * fScale;
    if (options.skipZeroFrequency && f === 0) continue;
    const a = parseNumber(fields[aIdx]!, file, lineNo, aName, layout.decimalComma) * aScale;
    const c = parseNumber(fields[bIdx]!, file, lineNo, bName, layout.decimalComma) * bScale;
    if (polar) b.addPolar(f, a, c, lineNo);
    else b.add(f, a, c, lineNo);
  }
  return b;
}

/** Column positions for a table: from the header if it has one, else f, Z', Z'' in columns 0–2. */
function columnsFor(layout: TableLayout, file: string): ImpedanceColumns {
  if (!layout.header) return { frequency: 0, real: 1, imag: 2, info: [] };
  const cols = findImpedanceColumns(layout.header);
  if (!cols) {
    throw new InputError(
      file,
      layout.headerIndex + 1,
      `header has no ${missingImpedanceColumns(layout.header).join(', ')} column; expected frequency and Z', Z'' (or |Z| and phase)`,
    );
  }
  return cols;
}

export function readDelimitedImpedance(bytes: Uint8Array, file: string): ImpedanceSpectrum {
  const lines = splitLines(decodeText(bytes));
  const layout = locateTable(lines);
  if (!layout) {
    throw new InputError(file, undefined, 'no table of numbers with at least 3 columns (frequency, Z\', Z\'\') found');
  }
  const cols = columnsFor(layout, file);
  const b = readImpedanceRows(lines, file, layout, cols);
  const meta: ImpedanceSpectrum['meta'] = {};
  if (layout.header) {
    meta.columns = layout.header;
    if (cols.imag !== undefined && cols.info[cols.imag]?.negated) meta.negatedImaginary = true;
  }
  return b.finish(meta);
}

export const delimitedImpedanceFormat: FileFormat<ImpedanceSpectrum> = {
  id: 'csv',
  name: 'Delimited text table (CSV/TSV/whitespace) of frequency, Z\', Z\'\'',
  kind: 'impedance',
  sniff(head) {
    if (head.binary) return 0;
    const lines = headLines(head);
    const layout = locateTable(lines);
    if (!layout) return 0;
    if (layout.headerOnly) return 1;
    const sweep = looksLikeSweep(lines, layout);
    // A headerless numeric table is only claimed firmly when its first column is a frequency
    // sweep (positive, monotonic, over a decade or more): 3-column numbers are otherwise
    // ambiguous (a VASP-4 POSCAR header is also rows of three numbers).
    if (!layout.header) return sweep ? 85 : 5;
    if (findImpedanceColumns(layout.header)) return sweep ? 60 : 20;
    // A header we cannot map still answers 1, so that `readImpedance` on it says which
    // column is missing instead of "not a recognised format"; any specific format wins.
    return 1;
  },
  read: readDelimitedImpedance,
  summarize: summarizeSpectrum,
};

/**
 * Reads rows that follow a known header line (instrument formats whose preamble contains
 * numeric lines, so `locateTable` cannot be used). Columns are found by name; `fallback`
 * gives positions when the names are not recognised (instrument layouts fixed by the vendor).
 */
export function readAfterHeader(
  lines: readonly string[],
  file: string,
  at: { headerIndex: number; header: string[]; dataIndex: number; delimiter: Delimiter; decimalComma?: boolean },
  options: { fallback?: ImpedanceColumns; skipZeroFrequency?: boolean; stop?: (line: string) => boolean } = {},
): SpectrumBuilder {
  const layout: TableLayout = {
    delimiter: at.delimiter,
    decimalComma: at.decimalComma ?? false,
    headerIndex: at.headerIndex,
    header: at.header,
    dataIndex: at.dataIndex,
  };
  const cols = findImpedanceColumns(at.header) ?? options.fallback;
  if (!cols) {
    throw new InputError(
      file,
      at.headerIndex + 1,
      `header has no ${missingImpedanceColumns(at.header).join(', ')} column; expected frequency and Z', Z''`,
    );
  }
  return readImpedanceRows(lines, file, layout, cols, options);
}
