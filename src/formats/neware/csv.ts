/**
 * Neware BTSDA CSV exports: `DataPoint,Cycle Index,Step Index,Step Type,Time,Cumulative Time,
 * Current(A),Voltage(V),…,Chg. Cap.(Ah),DChg. Cap.(Ah),…`; times as `hh:mm:ss`. The run time is
 * `Cumulative Time` (the plain `Time` restarts every step). Current is signed.
 */
import type { FileFormat, FileHead } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { readTable } from '../csv-cycling/table.js';
import { summarizeRecord } from '../csv-cycling/summary.js';

export const newareCsvFormat: FileFormat<CyclerRecord> = {
  id: 'neware-csv',
  name: 'Neware BTSDA CSV export',
  kind: 'cycling',
  sniff(head: FileHead): number {
    if (head.binary) return 0;
    const first = head.text.split(/\r?\n/, 1)[0] ?? '';
    return /Data ?Point/.test(first) && /Step Type/.test(first) && /Chg\. ?Cap/.test(first) ? 70 : 0;
  },
  read(bytes: Uint8Array, file: string): CyclerRecord {
    return readTable(bytes, file, { headerLine: 0, delimiter: 44, format: 'neware-csv' });
  },
  summarize: summarizeRecord,
};
