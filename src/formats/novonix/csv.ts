/**
 * Novonix HPC/UHPC exports: `[Summary] … [End Summary]`, `[Protocol] … [End Protocol]`, then
 * `[Data]` and a comma-separated table (`Run Time (h)`, `Current (A)`, `Potential (V)`, …; some
 * exports wrap every line in double quotes). Current is signed (positive = charge).
 */
import type { FileFormat, FileHead } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { InputError } from '../../core/errors.js';
import { lineText, readTable } from '../csv-cycling/table.js';
import { summarizeRecord } from '../csv-cycling/summary.js';

export const novonixFormat: FileFormat<CyclerRecord> = {
  id: 'novonix',
  name: 'Novonix HPC/UHPC export',
  kind: 'cycling',
  sniff(head: FileHead): number {
    if (head.binary) return 0;
    return /^\[Summary\]/.test(head.text) && /Novonix/i.test(head.text.slice(0, 2000)) ? 95 : 0;
  },
  read(bytes: Uint8Array, file: string): CyclerRecord {
    // The [Data] marker may sit after a long protocol block: scan lines until it.
    let k = 0;
    let pos = 0;
    let found = -1;
    while (pos < bytes.length && k < 100000) {
      let e = pos;
      while (e < bytes.length && bytes[e] !== 10) e++;
      if (e - pos >= 6 && bytes[pos] === 91 && new TextDecoder('latin1').decode(bytes.subarray(pos, Math.min(e, pos + 6))) === '[Data]') {
        found = k;
        break;
      }
      pos = e + 1;
      k++;
    }
    if (found < 0) throw new InputError(file, undefined, 'no [Data] section; expected a Novonix export');
    const header = lineText(bytes, found + 1);
    return readTable(bytes, file, { headerLine: found + 1, delimiter: 44, lineQuoted: header.startsWith('"'), format: 'novonix' });
  },
  summarize: summarizeRecord,
};
