/**
 * Two-column measured patterns: `.xy`, `.xye`, `.dat`, `.csv` — x (2θ in degrees for powder
 * XRD) and y (counts), separated by whitespace, tab, comma or semicolon, optionally a third
 * column (σ in `.xye`; some exports put a background there — kept as `meta.column3`).
 * Leading lines that are not numbers (a header, `#`/`!`/`'` comments) are skipped; after the
 * first data row every non-blank line must be a data row. x must increase strictly.
 */
import { InputError } from '../../core/errors.js';
import { decodeText, guessDelimiter, isNumberToken, parseNumber, splitFields, splitLines } from '../text.js';
import type { FileFormat, FileHead } from '../types.js';
import type { XYPattern } from './index.js';

function isComment(line: string): boolean {
  const t = line.trimStart();
  return t.startsWith('#') || t.startsWith('!') || t.startsWith("'") || t.startsWith('//');
}

/** Numeric fields of a line, or undefined if the line is not 2–3 numbers. */
function numericRow(line: string): string[] | undefined {
  const fields = splitFields(line, guessDelimiter(line));
  if (fields.length < 2 || fields.length > 3) return undefined;
  return fields.every(isNumberToken) ? fields : undefined;
}

export function readXY(bytes: Uint8Array, file: string): XYPattern {
  const lines = splitLines(decodeText(bytes));
  const x: number[] = [];
  const y: number[] = [];
  const third: number[] = [];
  let header: string | undefined;
  let columns = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || isComment(line)) continue;
    const row = numericRow(line);
    if (!row) {
      if (x.length === 0) {
        header = line.trim();
        continue;
      }
      throw new InputError(file, i + 1, `"${line.trim().slice(0, 40)}" is not a data row; expected 2 or 3 numbers (x y [σ])`);
    }
    if (columns === 0) columns = row.length;
    else if (row.length !== columns) {
      throw new InputError(file, i + 1, `${row.length} columns where earlier rows have ${columns}`);
    }
    const xv = parseNumber(row[0]!, file, i + 1, 'x');
    const yv = parseNumber(row[1]!, file, i + 1, 'y');
    if (x.length > 0 && !(xv > x[x.length - 1]!)) {
      throw new InputError(file, i + 1, `x = ${xv} does not increase (previous ${x[x.length - 1]}); expected a sorted 2θ scan`);
    }
    x.push(xv);
    y.push(yv);
    if (columns === 3) third.push(parseNumber(row[2]!, file, i + 1, 'column 3'));
  }
  if (x.length < 2) throw new InputError(file, undefined, 'fewer than 2 data rows; expected columns x y');
  const meta: Record<string, unknown> = {};
  if (header) meta.header = header;
  if (columns === 3) meta.column3 = Float64Array.from(third);
  return { x: Float64Array.from(x), y: Float64Array.from(y), xLabel: 'two_theta', yLabel: 'intensity', meta };
}

/** Low score (generic format): most non-comment lines of the head are 2–3 numbers with rising x. */
function sniffXY(head: FileHead): number {
  if (head.binary) return 0;
  const lines = splitLines(head.text).slice(0, 200);
  if (lines.length > 1 && head.truncated) lines.pop(); // may be cut mid-line
  let data = 0;
  let other = 0;
  let last = -Infinity;
  let rising = true;
  for (const line of lines) {
    if (line.trim() === '' || isComment(line)) continue;
    const row = numericRow(line);
    if (!row) {
      if (data > 0) return 0;
      other++;
      continue;
    }
    const xv = Number(row[0]);
    if (!(xv > last)) rising = false;
    last = xv;
    data++;
  }
  if (data < 5 || other > 3 || !rising) return 0;
  return 25;
}

export const xyFormat: FileFormat<XYPattern> = {
  id: 'xy',
  name: 'two-column pattern (x y [σ]): .xy, .xye, .dat, .csv',
  kind: 'pattern',
  sniff: sniffXY,
  read: readXY,
  summarize(p) {
    return { points: p.x.length, columns: p.meta.column3 ? ['x', 'y', 'column3'] : ['x', 'y'], xMin: p.x[0], xMax: p.x[p.x.length - 1] };
  },
};
