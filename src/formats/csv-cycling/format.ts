/**
 * Generic delimited cycler data (CSV, TSV, semicolon) with one header row that names a time, a
 * voltage and a current column (units in the names, e.g. `time/s`, `Current (mA)`; none means
 * s, V, A). Recognised by content with a low score so vendor readers win.
 */
import type { FileFormat, FileHead } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { InputError } from '../../core/errors.js';
import { withoutBom } from '../text.js';
import { looksLikeCyclerHeader } from './columns.js';
import { readTable, splitFields } from './table.js';
import { summarizeRecord } from './summary.js';

const DELIMS = ['\t', ',', ';'] as const;

/** Finds the header row and delimiter in the first lines of a text file. */
export function findHeader(text: string, maxLines = 200): { line: number; delimiter: string } | undefined {
  const lines = text.split(/\r?\n/, maxLines);
  for (let k = 0; k < lines.length; k++) {
    const line = withoutBom(lines[k]!);
    for (const d of DELIMS) {
      if (!line.includes(d)) continue;
      const fields = splitFields(line, d);
      if (!looksLikeCyclerHeader(fields)) continue;
      // the next line must be a data row of about the same width (a log file's prose is not)
      const next = lines[k + 1];
      if (next !== undefined && next !== '' && splitFields(next, d).length < 0.8 * fields.length) continue;
      return { line: k, delimiter: d };
    }
  }
  return undefined;
}

export const genericCsvFormat: FileFormat<CyclerRecord> = {
  id: 'csv-cycling',
  name: 'Delimited text with a header (time, voltage, current columns)',
  kind: 'cycling',
  sniff(head: FileHead): number {
    if (head.binary) return 0;
    // A header naming time, voltage and current is stronger evidence than a bare rising-x
    // numeric table (the XY pattern reader scores 25), but weaker than any vendor's own layout.
    return findHeader(head.text) ? 30 : 0;
  },
  read(bytes: Uint8Array, file: string): CyclerRecord {
    const text = new TextDecoder('latin1').decode(bytes.subarray(0, 65536));
    const h = findHeader(text);
    if (!h) throw new InputError(file, 1, 'no header row naming time, voltage and current columns in the first 200 lines');
    const decimalComma = h.delimiter !== ',' && /\d,\d/.test(text.split(/\r?\n/)[h.line + 1] ?? '');
    return readTable(bytes, file, { headerLine: h.line, delimiter: h.delimiter.charCodeAt(0), decimalComma, format: 'csv-cycling' });
  },
  summarize: summarizeRecord,
};
