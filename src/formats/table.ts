/**
 * A delimited text table with one header line: comma, semicolon, tab or runs of spaces,
 * recognised from the header. Comment lines (#) and blank lines are skipped. Every data cell
 * must be a finite number; the error names the file, line and column.
 */
import { InputError } from '../core/errors.js';
import { decodeText, parseNumber, splitLines } from './text.js';

export interface NumericTable {
  header: string[];
  columns: Float64Array[];
  /** 1-based line number of each row, for messages. */
  lines: number[];
}

export function detectDelimiter(headerLine: string): RegExp {
  if (headerLine.includes('\t')) return /\t/;
  if (headerLine.includes(';')) return /;/;
  if (headerLine.includes(',')) return /,/;
  return /\s+/;
}

export function parseNumericTable(bytes: Uint8Array, file: string): NumericTable {
  const lines = splitLines(decodeText(bytes));
  let i = 0;
  while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.trim().startsWith('#'))) i++;
  if (i >= lines.length) throw new InputError(file, undefined, 'the file has no header line');
  const delimiter = detectDelimiter(lines[i]!);
  const header = lines[i]!.trim().split(delimiter).map((h) => h.trim().replace(/^"|"$/g, ''));
  const cols: number[][] = header.map(() => []);
  const lineNos: number[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const raw = lines[j]!.trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const cells = raw.split(delimiter);
    if (cells.length !== header.length) {
      throw new InputError(file, j + 1, `expected ${header.length} columns (${header.join(', ')}), found ${cells.length}`);
    }
    cells.forEach((c, k) => cols[k]!.push(parseNumber(c.replace(/^"|"$/g, ''), file, j + 1, header[k]!)));
    lineNos.push(j + 1);
  }
  return { header, columns: cols.map((c) => Float64Array.from(c)), lines: lineNos };
}

/** Index of the first header matching one of the names (case-insensitive), or -1. */
export function columnIndex(table: NumericTable, ...names: string[]): number {
  const lower = table.header.map((h) => h.toLowerCase());
  for (const n of names) {
    const k = lower.indexOf(n.toLowerCase());
    if (k >= 0) return k;
  }
  return -1;
}
