/**
 * BioLogic impedance runs (PEIS, GEIS, their staircase variants, ZIR), text (.mpt) or binary
 * (.mpr), read through the generic BioLogic parsers. EC-Lab stores −Im(Z): it is negated here
 * so Z'' < 0 for capacitive points.
 *
 * Several cycles/loops in one file (`nc cycles`, staircase steps, linked loops): every point
 * is kept, in acquisition order, and `meta.cycleNumber` holds EC-Lab's "cycle number" of each
 * point (when the file has that column) so callers can split the spectra; `meta.cycles` is
 * the number of distinct cycle numbers. Rows with frequency 0 (non-impedance rows of a mixed
 * technique) are not expected in these techniques and are reported as errors.
 */
import { InputError } from '../../core/errors.js';
import type { ImpedanceSpectrum } from '../../impedance/spectrum.js';
import { findColumn, IMPEDANCE_TECHNIQUES, rowCount, TECHNIQUE_IDS, type BiologicTable } from '../biologic/columns.js';
import { hasMprMagic, mprHeadInfo, parseMpr } from '../biologic/mpr.js';
import { hasMptMagic, mptHeadTechnique, parseMpt } from '../biologic/mpt.js';
import type { FileFormat, FileHead } from '../types.js';
import { SpectrumBuilder, summarizeSpectrum } from './build.js';

/** Converts a BioLogic table of an impedance run to a spectrum. `lineOf(i)` locates row i for messages. */
export function spectrumFromBiologic(
  table: BiologicTable,
  file: string,
  lineOf: (row: number) => number | string | undefined,
  headerLocation: number | string | undefined,
): ImpedanceSpectrum {
  const f = findColumn(table, 'freq/Hz');
  const re = findColumn(table, 'Re(Z)/Ohm');
  const negIm = findColumn(table, '-Im(Z)/Ohm');
  const im = negIm ?? findColumn(table, 'Im(Z)/Ohm');
  const mod = findColumn(table, '|Z|/Ohm');
  const phase = findColumn(table, 'Phase(Z)/deg');
  if (!f) {
    throw new InputError(file, headerLocation, 'no "freq/Hz" column; an EC-Lab impedance export needs freq/Hz, Re(Z)/Ohm and -Im(Z)/Ohm');
  }
  if (!(re && im) && !(mod && phase)) {
    throw new InputError(file, headerLocation, 'no "Re(Z)/Ohm" and "-Im(Z)/Ohm" columns (nor |Z|/Ohm and Phase(Z)/deg); expected an EC-Lab impedance export');
  }
  const n = rowCount(table);
  const b = new SpectrumBuilder(file);
  for (let i = 0; i < n; i++) {
    if (re && im) b.add(f.values[i]!, re.values[i]!, negIm ? -negIm.values[i]! : im.values[i]!, lineOf(i));
    else b.addPolar(f.values[i]!, mod!.values[i]!, (phase!.values[i]! * Math.PI) / 180, lineOf(i));
  }
  const meta: ImpedanceSpectrum['meta'] = { instrument: 'BioLogic' };
  if (table.technique) meta.technique = table.technique;
  if (table.meta.startTime) meta.startTime = table.meta.startTime;
  const cycle = findColumn(table, 'cycle number');
  if (cycle) {
    meta.cycleNumber = Array.from(cycle.values);
    meta.cycles = new Set(cycle.values).size;
  }
  return b.finish(meta, { allowEmpty: true });
}

export const biologicMptImpedanceFormat: FileFormat<ImpedanceSpectrum> = {
  id: 'biologic-mpt',
  name: 'BioLogic EC-Lab/BT-Lab text export (.mpt) of an impedance run (PEIS, GEIS, ZIR)',
  kind: 'impedance',
  sniff(head: FileHead) {
    if (head.binary) return 0;
    const t = head.text;
    if (hasMptMagic(t)) {
      const technique = mptHeadTechnique(t);
      if (technique && IMPEDANCE_TECHNIQUES.has(technique)) return 95;
      // Unknown technique name but impedance columns: still ours.
      return /(^|\n)freq\/Hz\tRe\(Z\)\/Ohm\t/.test(t) ? 90 : 0;
    }
    // Export without header: the first line is the column names.
    const first = t.slice(0, t.search(/\r|\n/) >>> 0);
    return first.includes('\t') && /(^|\t)freq\/Hz\t/.test(first) && first.includes('Re(Z)/Ohm') ? 85 : 0;
  },
  read(bytes, file) {
    const table = parseMpt(bytes, file, {
      checkColumns(names, line) {
        if (!names.includes('freq/Hz')) {
          throw new InputError(file, line, 'no "freq/Hz" column in the column names; an EC-Lab impedance export needs freq/Hz, Re(Z)/Ohm and -Im(Z)/Ohm');
        }
      },
    });
    const headerLines = typeof table.meta.headerLines === 'number' ? table.meta.headerLines : 1;
    return spectrumFromBiologic(table, file, (i) => headerLines + i + 1, headerLines);
  },
  summarize: summarizeSpectrum,
};

export const biologicMprImpedanceFormat: FileFormat<ImpedanceSpectrum> = {
  id: 'biologic-mpr',
  name: 'BioLogic EC-Lab binary file (.mpr) of an impedance run (PEIS, GEIS, ZIR)',
  kind: 'impedance',
  sniff(head) {
    if (!hasMprMagic(head.bytes)) return 0;
    const { techniqueId, columnIds } = mprHeadInfo(head.bytes);
    const technique = techniqueId === undefined ? undefined : TECHNIQUE_IDS[techniqueId];
    if (technique) return IMPEDANCE_TECHNIQUES.has(technique) ? 95 : 0;
    // A technique we do not know by ID (e.g. a staircase PEIS) that records f, Re(Z), −Im(Z).
    return columnIds && [32, 37, 38].every((id) => columnIds.includes(id)) ? 80 : 0;
  },
  read(bytes, file) {
    const table = parseMpr(bytes, file);
    return spectrumFromBiologic(table, file, (i) => `point ${i + 1}`, 'module "VMP data"');
  },
  summarize: summarizeSpectrum,
};
