/**
 * Scribner ZPlot / ZView data files (.z) in their two text layouts:
 *  - "ZPLOT2 ASCII": an indented "Key: value" block, the tab-separated column names
 *    ("Freq(Hz) Ampl Bias Time(Sec) Z'(a) Z''(b) GD Err Range"), "End Comments", then rows;
 *  - "ZPlotW Data File" / "Z60W Data File" (also written by Autolab's FRA software — the file
 *    impedance.py ships as its Autolab example is one): quoted title lines, a settings line,
 *    the point count, the quoted column names separated by runs of spaces, then
 *    comma-separated rows. The count is not trusted (files cut short keep their rows).
 * Z'' is stored with its sign (negative when capacitive) and taken as stored.
 */
import { InputError } from '../../core/errors.js';
import type { ImpedanceSpectrum } from '../../impedance/spectrum.js';
import { decodeText, splitFields, splitLines, withoutBom } from '../text.js';
import type { FileFormat } from '../types.js';
import { summarizeSpectrum } from './build.js';
import { readAfterHeader } from './delimited.js';

/** impedance.py's fixed positions: f = column 0, Z' = 4, Z'' = 5. */
const FALLBACK = { frequency: 0, real: 4, imag: 5, info: [] };

const FIRST_LINE = /^(ZPLOT2 ASCII|"?(ZPlotW|Z60W|ZView\w*) Data File)/;

export function readZPlot(bytes: Uint8Array, file: string): ImpedanceSpectrum {
  const lines = splitLines(decodeText(bytes));
  const variant = FIRST_LINE.exec(lines[0] ?? '')?.[1]?.replace(/^"/, '') ?? 'ZPlot';
  const end = lines.findIndex((l) => l.trim() === 'End Comments');
  let headerIndex: number;
  let header: string[];
  let dataIndex: number;
  if (end >= 0) {
    headerIndex = end - 1;
    while (headerIndex >= 0 && !/Freq/i.test(lines[headerIndex]!)) headerIndex--;
    if (headerIndex < 0) throw new InputError(file, end + 1, 'no column-name line ("Freq(Hz) …") before "End Comments"');
    header = splitFields(lines[headerIndex]!, '\t');
    dataIndex = end + 1;
  } else {
    headerIndex = lines.findIndex((l) => /^\s*"?\s*Freq\s*\(Hz\)/i.test(l));
    if (headerIndex < 0) throw new InputError(file, undefined, 'no column-name line ("Freq(Hz) …") found');
    header = lines[headerIndex]!.replace(/"/g, '').trim().split(/\s{2,}|\t/);
    dataIndex = headerIndex + 1;
  }
  const firstData = lines.slice(dataIndex).find((l) => l.trim() !== '') ?? '';
  const delimiter = firstData.includes('\t') ? '\t' : firstData.includes(',') ? ',' : 'whitespace';
  const b = readAfterHeader(lines, file, { headerIndex, header, dataIndex, delimiter }, { fallback: FALLBACK });
  return b.finish({ instrument: 'Scribner ZPlot/ZView', variant });
}

export const zplotFormat: FileFormat<ImpedanceSpectrum> = {
  id: 'zplot',
  name: 'Scribner ZPlot/ZView data (.z; ZPLOT2 ASCII, ZPlotW and Z60W text, incl. Autolab FRA ZView exports)',
  kind: 'impedance',
  sniff(head) {
    if (head.binary) return 0;
    return FIRST_LINE.test(withoutBom(head.text)) ? 95 : 0;
  },
  read: readZPlot,
  summarize: summarizeSpectrum,
};
