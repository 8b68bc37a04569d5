/**
 * Maccor text exports: title line(s) (`Today's Date …`), then a header starting with `Rec`
 * (tab-separated, or comma-separated in newer exports). `Amp-hr` is one capacity column that
 * restarts at each state change; the `State` letter (C charge, D discharge, R rest, O/S other)
 * gives the direction, and `Amps` — unsigned in some exports — gets the state's sign. Time is
 * `Test (Sec)`, `Test (Min)`, `Test Time (sec)` or a `TestTime` duration like `2d 02:52:51.57`.
 */
import type { FileFormat, FileHead } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { InputError } from '../../core/errors.js';
import { readTable } from '../csv-cycling/table.js';
import { summarizeRecord } from '../csv-cycling/summary.js';

function findRecHeader(text: string): { line: number; delimiter: number } | undefined {
  const lines = text.split(/\r?\n/, 12);
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (/^Rec#?\t/.test(l)) return { line: k, delimiter: 9 };
    if (/^Rec#?,/.test(l)) return { line: k, delimiter: 44 };
  }
  return undefined;
}

export const maccorTextFormat: FileFormat<CyclerRecord> = {
  id: 'maccor-text',
  name: 'Maccor text export',
  kind: 'cycling',
  sniff(head: FileHead): number {
    if (head.binary) return 0;
    if (!/^Today'?s Date/.test(head.text)) return 0;
    return findRecHeader(head.text) ? 90 : 0;
  },
  read(bytes: Uint8Array, file: string): CyclerRecord {
    const h = findRecHeader(new TextDecoder('latin1').decode(bytes.subarray(0, 65536)));
    if (!h) throw new InputError(file, 1, 'no "Rec#" header row in the first 12 lines; expected a Maccor text export');
    return readTable(bytes, file, { headerLine: h.line, delimiter: h.delimiter, stateSigned: true, format: 'maccor-text' });
  },
  summarize: summarizeRecord,
};
