/**
 * BaSyTec result files: `~`-prefixed header block (`~Resultfile from Basytec …`), the last `~`
 * line holds the tab-separated column names with units in brackets (`Time[s]`, `U[V]`, `I[A]`,
 * `Ah-Cyc-Charge`, …). Current is signed (positive = charge). The numeric `State` column is not
 * a charge/discharge flag and is not mapped.
 */
import type { FileFormat, FileHead } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { InputError } from '../../core/errors.js';
import { readTable } from '../csv-cycling/table.js';
import { summarizeRecord } from '../csv-cycling/summary.js';

function headerLine(text: string): number {
  const lines = text.split(/\r?\n/, 200);
  let last = -1;
  for (let k = 0; k < lines.length && lines[k]!.startsWith('~'); k++) if (lines[k]!.includes('\t')) last = k;
  return last;
}

export const basytecFormat: FileFormat<CyclerRecord> = {
  id: 'basytec',
  name: 'BaSyTec result file',
  kind: 'cycling',
  sniff(head: FileHead): number {
    if (head.binary) return 0;
    return /^~Resultfile from Basytec/i.test(head.text) ? 95 : 0;
  },
  read(bytes: Uint8Array, file: string): CyclerRecord {
    const k = headerLine(new TextDecoder('latin1').decode(bytes.subarray(0, 65536)));
    if (k < 0) throw new InputError(file, 1, 'no "~"-prefixed column header line; expected a BaSyTec result file');
    return readTable(bytes, file, { headerLine: k, delimiter: 9, headerPrefix: '~', exclude: ['state'], format: 'basytec' });
  },
  summarize: summarizeRecord,
};
