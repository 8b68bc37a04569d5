/**
 * Gamry impedance runs (.DTA with a ZCURVE table: EISPOT, EISGALV, Hybrid EIS), read through
 * the generic .DTA parser. Gamry stores Zimag with its sign (negative for capacitive points),
 * so Freq, Zreal, Zimag are taken as stored. A run stopped by the user (EXPERIMENTABORTED)
 * keeps the points measured before the stop; `meta.aborted` says so.
 */
import { InputError } from '../../core/errors.js';
import type { ImpedanceSpectrum } from '../../impedance/spectrum.js';
import { findTable, looksLikeDta, parseDta, tableColumn } from '../gamry/dta.js';
import type { FileFormat } from '../types.js';
import { SpectrumBuilder, summarizeSpectrum } from './build.js';

export function readGamryImpedance(bytes: Uint8Array, file: string): ImpedanceSpectrum {
  const dta = parseDta(bytes, file);
  const z = findTable(dta, 'ZCURVE');
  if (!z) throw new InputError(file, undefined, `no ZCURVE table (experiment ${dta.tag || 'unknown'}); expected a Gamry impedance file`);
  const f = tableColumn(z, 'Freq');
  const re = tableColumn(z, 'Zreal');
  const im = tableColumn(z, 'Zimag');
  if (!f || !re || !im) {
    throw new InputError(file, z.line + 1, 'table ZCURVE lacks a Freq, Zreal or Zimag column');
  }
  const b = new SpectrumBuilder(file);
  const n = f.values.length;
  // z.line is the 1-based "ZCURVE\tTABLE" line; names and units follow, so row i is on z.line + 3 + i.
  for (let i = 0; i < n; i++) b.add(f.values[i]!, re.values[i]!, im.values[i]!, z.line + 3 + i);
  const meta: ImpedanceSpectrum['meta'] = { instrument: 'Gamry', technique: dta.tag };
  if (dta.aborted) meta.aborted = true;
  const date = dta.header.DATE?.fields[0];
  const time = dta.header.TIME?.fields[0];
  if (date) meta.date = time ? `${date} ${time}` : date;
  return b.finish(meta, { allowEmpty: dta.aborted });
}

export const gamryImpedanceFormat: FileFormat<ImpedanceSpectrum> = {
  id: 'gamry-dta',
  name: 'Gamry Framework impedance file (.DTA, ZCURVE table)',
  kind: 'impedance',
  sniff(head) {
    if (head.binary || !looksLikeDta(head.text)) return 0;
    if (/(^|\n)ZCURVE\tTABLE/.test(head.text) || /(^|\n)TAG\t(EISPOT|EISGALV|EISMON)/.test(head.text)) return 95;
    return 0;
  },
  read: readGamryImpedance,
  summarize: summarizeSpectrum,
};
