/**
 * BioLogic .mpt / .mpr runs that are not impedance (GCPL, MB, CA, CP, OCV, CV, CVA, LSV, BCD…)
 * as CyclerRecords; the byte-level parsing is H1's generic `parseMpt`/`parseMpr`. Impedance runs
 * are claimed by the impedance readers (higher score for PEIS/GEIS/ZIR).
 */
import type { FileFormat, FileHead } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { hasMprMagic, mprHeadInfo, parseMpr } from '../biologic/mpr.js';
import { hasMptMagic, mptHeadTechnique, parseMpt } from '../biologic/mpt.js';
import { IMPEDANCE_TECHNIQUES, TECHNIQUE_IDS } from '../biologic/columns.js';
import { biologicKind, recordFromBiologic } from './biologic-record.js';
import { summarizeRecord } from '../csv-cycling/summary.js';

function summarize(r: CyclerRecord) {
  return { ...summarizeRecord(r), kind: biologicKind(r.meta.technique) };
}

export const biologicMptCyclingFormat: FileFormat<CyclerRecord> = {
  id: 'biologic-mpt',
  name: 'BioLogic EC-Lab/BT-Lab text export (.mpt): cycling, chronoamperometry, voltammetry',
  kind: 'cycling',
  sniff(head: FileHead): number {
    if (head.binary) return 0;
    const t = head.text;
    if (hasMptMagic(t)) {
      const tech = mptHeadTechnique(t);
      return tech && IMPEDANCE_TECHNIQUES.has(tech) ? 0 : 80;
    }
    const first = t.slice(0, t.search(/\r|\n/) >>> 0);
    return first.includes('\t') && /(^|\t)time\/s\t/.test(first) && /(Ewe|Ecell)\/V/.test(first) && !first.includes('freq/Hz') ? 60 : 0;
  },
  read(bytes: Uint8Array, file: string): CyclerRecord {
    return recordFromBiologic(parseMpt(bytes, file), file, 'biologic-mpt');
  },
  summarize,
};

export const biologicMprCyclingFormat: FileFormat<CyclerRecord> = {
  id: 'biologic-mpr',
  name: 'BioLogic EC-Lab binary file (.mpr): cycling, chronoamperometry, voltammetry',
  kind: 'cycling',
  sniff(head: FileHead): number {
    if (!hasMprMagic(head.bytes)) return 0;
    const id = mprHeadInfo(head.bytes).techniqueId;
    const tech = id === undefined ? undefined : TECHNIQUE_IDS[id];
    return tech && IMPEDANCE_TECHNIQUES.has(tech) ? 0 : 80;
  },
  read(bytes: Uint8Array, file: string): CyclerRecord {
    return recordFromBiologic(parseMpr(bytes, file), file, 'biologic-mpr');
  },
  summarize,
};
