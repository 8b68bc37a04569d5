/**
 * Lin-KK of one 81-point demo spectrum (examples/nhoc/data/eis/NHOC_25C.csv): the default
 * (every M = 1…50 fitted, minimum BIC) against the μ rule (stops at the first M with μ < c).
 * No reference timing: impedance.py's linKK is not measured in research/eis-drt.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readImpedance } from '../src/formats/impedance/index.js';
import { linKK } from '../src/impedance/kk/lin-kk.js';
import { medianMs, report } from './util.js';

export function run(): void {
  const p = join(import.meta.dirname, '../examples/nhoc/data/eis/NHOC_25C.csv');
  const s = readImpedance(new Uint8Array(readFileSync(p)), p);
  const auto = linKK(s);
  const mu = linKK(s, { mSelection: 'mu' });
  report(`Lin-KK default (BIC scan M = 1…50, chose M = ${auto.M}), ${s.frequency.length} points`, medianMs(() => linKK(s), 21, 3), undefined, 'impedance.py');
  report(`Lin-KK μ rule (M = ${mu.M}), ${s.frequency.length} points`, medianMs(() => linKK(s, { mSelection: 'mu' }), 21, 3), undefined, 'impedance.py');
}
