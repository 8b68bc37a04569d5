/**
 * Small instrument text exports that are a header line plus a delimited table, each with a
 * recognisable signature so inspect names the instrument. Z'' is stored with its sign in all
 * of them except where the header says −Z'' (Autolab NOVA), which is negated.
 *  - Parstat (tab): "Potential (V) Current (A) Elapsed Time (s) Frequency (Hz) Zre (ohms)
 *    Zim (ohms) …"; rows with frequency 0 are the DC points recorded before the sweep and are
 *    skipped (as impedance.py does).
 *  - PowerSuite (tab): "Frequency  Zre  Zimg".
 *  - CH Instruments (comma): a "A.C. Impedance" report, then "Freq/Hz, Z'/ohm, Z"/ohm, …".
 *  - Maccor AC-impedance export (tab): "MACCOR, INC.    AC Impedance Test" title, settings,
 *    then "Freq(Hz) Polar(V) time(sec) Z'(a) Z''(b) …" with empty trailing fields.
 *  - Autolab NOVA ASCII export (';' or ',' or tab): "Index;Frequency (Hz);Z' (Ω);-Z'' (Ω);…".
 */
import { InputError } from '../../core/errors.js';
import type { ImpedanceSpectrum } from '../../impedance/spectrum.js';
import { decodeText, splitFields, splitLines, withoutBom } from '../text.js';
import type { FileFormat, FileHead } from '../types.js';
import { summarizeSpectrum } from './build.js';
import { locateTable, readAfterHeader, readImpedanceRows } from './delimited.js';
import { findImpedanceColumns } from './columns.js';

function readHeaderTable(
  bytes: Uint8Array,
  file: string,
  instrument: string,
  options: { skipZeroFrequency?: boolean } = {},
): ImpedanceSpectrum {
  const lines = splitLines(decodeText(bytes));
  const layout = locateTable(lines);
  if (!layout?.header) throw new InputError(file, undefined, `no table with a header row found; expected a ${instrument} impedance export`);
  const cols = findImpedanceColumns(layout.header);
  if (!cols) throw new InputError(file, layout.headerIndex + 1, `header does not name frequency, Z' and Z''; expected a ${instrument} impedance export`);
  const b = readImpedanceRows(lines, file, layout, cols, options);
  const negated = cols.imag !== undefined && cols.info[cols.imag]?.negated;
  return b.finish({ instrument, ...(negated ? { negatedImaginary: true } : {}) });
}

const textFormat = (
  id: string,
  name: string,
  sniff: (head: FileHead) => number,
  read: (bytes: Uint8Array, file: string) => ImpedanceSpectrum,
): FileFormat<ImpedanceSpectrum> => ({ id, name, kind: 'impedance', sniff: (h) => (h.binary ? 0 : sniff({ ...h, text: withoutBom(h.text) })), read, summarize: summarizeSpectrum });

export const parstatFormat = textFormat(
  'parstat',
  'Parstat (PowerSine/VersaStudio text) impedance export',
  (h) => (/^Potential \(V\)\tCurrent \(A\)\tElapsed Time \(s\)\tFrequency \(Hz\)\tZre \(ohms\)\tZim \(ohms\)/.test(h.text) ? 90 : 0),
  (bytes, file) => readHeaderTable(bytes, file, 'Parstat', { skipZeroFrequency: true }),
);

export const powerSuiteFormat = textFormat(
  'powersuite',
  'PowerSuite impedance export',
  (h) => (/^Frequency\t *Zre\t *Zimg *\r?\r?\n/.test(h.text) ? 80 : 0),
  (bytes, file) => readHeaderTable(bytes, file, 'PowerSuite'),
);

export const chInstrumentsFormat = textFormat(
  'chi',
  'CH Instruments A.C. impedance report',
  (h) => (/(^|\n)A\.C\. Impedance\s*\r?\n/.test(h.text) && /(^|\n)Freq\/Hz, Z'\/ohm, Z"\/ohm/.test(h.text) ? 90 : 0),
  (bytes, file) => readHeaderTable(bytes, file, 'CH Instruments'),
);

export const autolabNovaFormat = textFormat(
  'autolab',
  'Autolab NOVA ASCII impedance export',
  (h) => (/^(Index[;,\t])?Frequency \(Hz\)[;,\t]Z' \(/.test(h.text) && /-Z'' \(/.test(h.text.slice(0, 400)) ? 85 : 0),
  (bytes, file) => readHeaderTable(bytes, file, 'Autolab NOVA'),
);

/** Maccor AC-impedance export: the header line starts with "Freq(Hz)"; numeric settings precede it. */
export function readMaccorImpedance(bytes: Uint8Array, file: string): ImpedanceSpectrum {
  const lines = splitLines(decodeText(bytes));
  const headerIndex = lines.findIndex((l) => /^Freq\(Hz\)\t/.test(l));
  if (headerIndex < 0) throw new InputError(file, undefined, 'no "Freq(Hz)" column-name line; expected a Maccor AC impedance export');
  const header = splitFields(lines[headerIndex]!, '\t');
  const b = readAfterHeader(lines, file, { headerIndex, header, dataIndex: headerIndex + 1, delimiter: '\t' });
  const started = lines.slice(0, headerIndex).find((l) => l.startsWith('Start Date:'));
  return b.finish({ instrument: 'Maccor', ...(started ? { date: started.replace(/\s+/g, ' ').trim() } : {}) });
}

export const maccorImpedanceFormat = textFormat(
  'maccor-eis',
  'Maccor AC impedance test export',
  (h) => (/^MACCOR, INC\.\s+AC Impedance/.test(h.text) ? 95 : 0),
  readMaccorImpedance,
);
