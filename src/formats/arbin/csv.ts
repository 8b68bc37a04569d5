/**
 * Arbin MITS Pro CSV exports: `Data_Point,Test_Time,…,Current,Voltage,Charge_Capacity,…` (MITS
 * Pro 7: s, A, V, Ah implied) or `Data Point,…,Test Time (s),…,Current (A),Voltage (V),…` (MITS
 * Pro 8, units in the names, UTF-8 BOM). Current is signed, positive for charge.
 */
import type { FileFormat, FileHead } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { readTable } from '../csv-cycling/table.js';
import { summarizeRecord } from '../csv-cycling/summary.js';

function isArbinHeader(first: string): boolean {
  return /Data[_ ]Point/.test(first) && /Test[_ ]Time/.test(first) && /Cycle[_ ]Index/.test(first);
}

export const arbinCsvFormat: FileFormat<CyclerRecord> = {
  id: 'arbin-csv',
  name: 'Arbin MITS Pro CSV export',
  kind: 'cycling',
  sniff(head: FileHead): number {
    if (head.binary) return 0;
    const first = head.text.split(/\r?\n/, 1)[0] ?? '';
    return isArbinHeader(first) ? 60 : 0;
  },
  read(bytes: Uint8Array, file: string): CyclerRecord {
    return readTable(bytes, file, { headerLine: 0, delimiter: 44, format: 'arbin-csv' });
  },
  summarize: summarizeRecord,
};
