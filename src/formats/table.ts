/**
 * A delimited text table with one header line: comma, semicolon, tab or runs of spaces,
 * recognised from the header. Comment lines (#) and blank lines are skipped. Every data cell
 * must be a finite number; the error names the file, line and column.
 */
import { InputError } from '../core/errors.js';
import { decodeText, guessDelimiter, parseNumber, splitLines, type Delimiter } from './text.js';

export interface NumericTable {
  header: string[];
  /** 1-based line number of the header, for messages about missing columns. */
  headerLine: number;
  columns: Float64Array[];
  /** 1-based line number of each row, for messages. */
  lines: number[];
}

/** Splits a trimmed line; unlike text.ts splitFields it keeps empty cells, so a short row is an error. */
function cells(line: string, delimiter: Delimiter): string[] {
  return line.split(delimiter === 'whitespace' ? /\s+/ : delimiter);
}

export function parseNumericTable(bytes: Uint8Array, file: string): NumericTable {
  const lines = splitLines(decodeText(bytes));
  let i = 0;
  while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.trim().startsWith('#'))) i++;
  if (i >= lines.length) throw new InputError(file, undefined, 'the file has no header line');
  const delimiter = guessDelimiter(lines[i]!);
  const header = cells(lines[i]!.trim(), delimiter).map((h) => h.trim().replace(/^"|"$/g, ''));
  const cols: number[][] = header.map(() => []);
  const lineNos: number[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const raw = lines[j]!.trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const row = cells(raw, delimiter);
    if (row.length !== header.length) {
      throw new InputError(file, j + 1, `expected ${header.length} columns (${header.join(', ')}), found ${row.length}`);
    }
    row.forEach((c, k) => cols[k]!.push(parseNumber(c.replace(/^"|"$/g, ''), file, j + 1, header[k]!)));
    lineNos.push(j + 1);
  }
  return { header, headerLine: i + 1, columns: cols.map((c) => Float64Array.from(c)), lines: lineNos };
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
