/**
 * Princeton Applied Research VersaStudio project files (.par): XML-like sections; each
 * measured segment is "<SegmentN>" with "Definition=" (comma-separated column names) and
 * comma-separated rows. The impedance is read from the first segment that has a frequency
 * column ("Frequency(Hz)", "Z Real", "Z Imag", Z'' stored with its sign), as impedance.py does.
 */
import { InputError } from '../../core/errors.js';
import type { ImpedanceSpectrum } from '../../impedance/spectrum.js';
import { decodeText, splitFields, splitLines, withoutBom } from '../text.js';
import type { FileFormat } from '../types.js';
import { summarizeSpectrum } from './build.js';
import { readAfterHeader } from './delimited.js';

export function readVersaStudio(bytes: Uint8Array, file: string): ImpedanceSpectrum {
  const lines = splitLines(decodeText(bytes));
  for (let i = 0; i < lines.length; i++) {
    const open = /^<(Segment\d+)>\s*$/.exec(lines[i]!);
    if (!open) continue;
    const close = `</${open[1]}>`;
    let def = i + 1;
    while (def < lines.length && !lines[def]!.startsWith('Definition=') && lines[def]!.trim() !== close) def++;
    if (def >= lines.length || !lines[def]!.startsWith('Definition=')) continue;
    const header = splitFields(lines[def]!.slice('Definition='.length), ',');
    if (!header.some((h) => /^Frequency/i.test(h))) continue;
    const b = readAfterHeader(
      lines,
      file,
      { headerIndex: def, header, dataIndex: def + 1, delimiter: ',' },
      { stop: (l) => l.trim() === close },
    );
    return b.finish({ instrument: 'VersaStudio', segment: open[1] });
  }
  throw new InputError(file, undefined, 'no <SegmentN> with a "Definition=" line naming Frequency(Hz); expected a VersaStudio EIS file');
}

export const versaStudioFormat: FileFormat<ImpedanceSpectrum> = {
  id: 'versastudio',
  name: 'VersaStudio project file (.par) with an impedance segment',
  kind: 'impedance',
  sniff(head) {
    if (head.binary || !/^<Application>/.test(withoutBom(head.text)) || !/Name=VersaStudio/.test(head.text)) return 0;
    // The segments come after long settings; a .par is ours if it is EIS-like at all.
    return /EIS|Impedance|Frequency\(Hz\)/i.test(head.text) ? 90 : 40;
  },
  read: readVersaStudio,
  summarize: summarizeSpectrum,
};
