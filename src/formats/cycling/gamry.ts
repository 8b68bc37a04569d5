/**
 * Gamry .DTA time series (CV, CHRONOA, CORPOT/OCP, SQUARE_WAVE, VFP600…) as CyclerRecords, over
 * H1's generic `parseDta`. The data tables CURVE, CURVE1…CURVEn are concatenated in file order
 * (OCVCURVE, the open-circuit period before the experiment, only when there is nothing else).
 * Columns: T (s), Vf (V vs. reference) or Voltage or Vfwd, Im (A) or Current or Ifwd; a table
 * without current (CORPOT) gets zero current; without T, time = row × SAMPLETIME. Gamry's sign:
 * anodic current positive. EISPOT files belong to the impedance readers.
 */
import type { FileFormat, FileHead } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { InputError } from '../../core/errors.js';
import { looksLikeDta, parseDta, tableColumn, type GamryTable } from '../gamry/dta.js';
import { summarizeRecord } from '../csv-cycling/summary.js';

const IMPEDANCE_TAGS = /^(EISPOT|EISGALV|EIS)/i;
const VOLTAMMETRY_TAGS = /^(CV|LSV|RCV|CPIV|SQUARE_WAVE)$/i;

export function recordFromDta(bytes: Uint8Array, file: string): CyclerRecord {
  const dta = parseDta(bytes, file);
  let tables: GamryTable[] = dta.tables.filter((t) => /^(CURVE\d*|VFPCURVE)$/.test(t.name));
  if (!tables.length) tables = dta.tables.filter((t) => t.name === 'OCVCURVE');
  const t: number[] = [];
  const v: number[] = [];
  const i: number[] = [];
  const sample = dta.header.SAMPLETIME?.value;
  for (const tab of tables) {
    const T = tableColumn(tab, 'T');
    const V = tableColumn(tab, 'Vf', 'Voltage', 'Vfwd', 'V');
    const I = tableColumn(tab, 'Im', 'Current', 'Ifwd', 'I');
    if (!V) throw new InputError(file, tab.line, `table ${tab.name} has no potential column (Vf, Voltage); found ${tab.columns.map((c) => c.name).join(', ')}`);
    const n = V.values.length;
    const offset = t.length;
    for (let k = 0; k < n; k++) {
      t.push(T ? T.values[k]! : typeof sample === 'number' ? (offset + k) * sample : offset + k);
      v.push(V.values[k]!);
      i.push(I ? I.values[k]! : 0);
    }
  }
  const technique = dta.tag === 'CHRONOA' ? 'CA' : dta.tag === 'CORPOT' ? 'OCV' : dta.tag;
  return {
    time: Float64Array.from(t),
    voltage: Float64Array.from(v),
    current: Float64Array.from(i),
    meta: { source: file, format: 'gamry-dta', technique, tables: tables.map((x) => x.name), aborted: dta.aborted },
  };
}

export const gamryCyclingFormat: FileFormat<CyclerRecord> = {
  id: 'gamry-dta',
  name: 'Gamry Framework .DTA (CV, chronoamperometry, OCP, …)',
  kind: 'cycling',
  sniff(head: FileHead): number {
    if (head.binary || !looksLikeDta(head.text)) return 0;
    const tag = /(^|\n)TAG\t(\S+)/.exec(head.text)?.[2] ?? '';
    return IMPEDANCE_TAGS.test(tag) ? 0 : 80;
  },
  read: recordFromDta,
  summarize(r: CyclerRecord) {
    return { ...summarizeRecord(r), kind: VOLTAMMETRY_TAGS.test(String(r.meta.technique ?? '')) ? 'voltammetry' : 'cycling' };
  },
};
