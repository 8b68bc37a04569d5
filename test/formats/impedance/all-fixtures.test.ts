/**
 * Every impedance file in shared/data/eis/ (except the negative MissingFreq case) read by
 * content: number of points, first and last (f, Z', Z'') and sign against
 * reference-outputs.json ("impedance.py readers") or, for files impedance.py does not read,
 * against the numbers written in the file itself (checked by hand, −Im(Z) negated for
 * BioLogic).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImpedance } from '../../../src/formats/impedance/index.js';
import { sharedData } from '../../helpers/paths.js';

interface Expect {
  format: string;
  n: number;
  /** Test-cell data that are mostly inductive (EC-Lab's own Phase(Z) > 0): skip the majority-sign check. */
  inductive?: boolean;
  first?: [number, number, number];
  last?: [number, number, number];
}

const reference = JSON.parse(readFileSync(sharedData('eis', 'reference-outputs.json'), 'utf8'))['impedance.py readers'] as Record<
  string,
  { n: number; f_first: number; f_last: number; Z_first: [number, number]; Z_last: [number, number]; reader: string }
>;

const FORMAT_OF_READER: Record<string, string> = {
  csv: 'csv',
  autolab: 'zplot', // impedance.py's "Autolab" example is a ZView (Z60W) export
  biologic: 'biologic-mpt',
  chinstruments: 'chi',
  gamry: 'gamry-dta',
  parstat: 'parstat',
  powersuite: 'powersuite',
  versastudio: 'versastudio',
  zplot: 'zplot',
};

const OTHERS: Record<string, Expect> = {
  'pyDRTtools/LIB_data.txt': { format: 'csv', n: 107, first: [999.040405, 0.112362966, 0.00318273902], last: [0.00500083202, 0.151735559, -0.0137396762] },
  'pyDRTtools/LIB_data_2.txt': { format: 'csv', n: 100, first: [999.040405, 0.109553248, 0.00347053236], last: [0.0100057628, 0.14091441, -0.0162083209] },
  'pyDRTtools/data_1.csv': { format: 'csv', n: 107, first: [999.040405, 0.109963283, 0.003569859], last: [0.005000832, 0.145364374, -0.021382034] },
  'biologic-converter/peis.mpt': { format: 'biologic-mpt', n: 32, first: [199998.14, 10.512296, -0.73047662], last: [1.0000616, 18.024315, -2.6962531] },
  'ixdat_dataset_with_loop_01_05_PEIS_DUSB0_C01.mpt': { format: 'biologic-mpt', n: 16, inductive: true, first: [199998.14, 1406.0216, 1066.9791], last: [495.47552, 1.9206764, 2.5109365] },
  'ixdat_multiple_techniques_dataset_01_01_PEIS_C01.mpt': { format: 'biologic-mpt', n: 31, inductive: true, first: [1000018.6, 1091.7517, -981.99841], last: [9.9968166, -35.703594, -490.43222] },
  'ixdat_multiple_techniques_dataset_01_07_ZIR_C01.mpt': { format: 'biologic-mpt', n: 0 },
  'gamryparser_eispot_data.DTA': { format: 'gamry-dta', n: 10, first: [10000, 224.6075, -3.767681], last: [0.5, 226.885, -7.053867] },
  'gamryparser_eispot_data_curveaborted.DTA': { format: 'gamry-dta', n: 5, first: [10000, 224.6075, -3.767681], last: [100, 226.2954, -6.136346] },
  'beep_maccor_test_file_4267-66-6519.EDA0001.041': { format: 'maccor-eis', n: 60, first: [999999, 0.773446, -0.849201], last: [1.25892, 22.095573, -0.307756] },
};

function expectationFor(rel: string): Expect | undefined {
  const base = rel.split('/').pop()!;
  const r = rel.startsWith('impedance.py/') ? reference[base] : undefined;
  if (r) {
    return {
      format: FORMAT_OF_READER[r.reader]!,
      n: r.n,
      first: [r.f_first, r.Z_first[0], r.Z_first[1]],
      last: [r.f_last, r.Z_last[0], r.Z_last[1]],
    };
  }
  return OTHERS[rel];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

const root = sharedData('eis');
const files = listFiles(root)
  .map((p) => relative(root, p).split('\\').join('/'))
  .filter((rel) => !rel.startsWith('licenses/') && !/^(PROVENANCE\.md|SHA256SUMS|reference-outputs\.json)$/.test(rel))
  .filter((rel) => !rel.endsWith('exampleDataBioLogic_MissingFreq.mpt'))
  .sort();

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.abs(b);

describe('every shared EIS fixture', () => {
  it('has an expectation for each file (no file silently skipped)', () => {
    expect(files.length).toBeGreaterThanOrEqual(27);
    for (const rel of files) expect(expectationFor(rel), rel).toBeDefined();
  });

  for (const rel of files) {
    it(rel, () => {
      const e = expectationFor(rel)!;
      const s = readImpedance(new Uint8Array(readFileSync(join(root, rel))), rel);
      expect(s.meta.format).toBe(e.format);
      expect(s.frequency.length).toBe(e.n);
      if (!e.first || !e.last) return;
      const n = e.n;
      const got = [s.frequency[0]!, s.real[0]!, s.imag[0]!, s.frequency[n - 1]!, s.real[n - 1]!, s.imag[n - 1]!];
      const want = [...e.first, ...e.last];
      got.forEach((g, i) => expect(close(g, want[i]!), `${rel} value ${i}: ${g} vs ${want[i]}`).toBe(true));
      // Sign convention: capacitive points have Z'' < 0, so a measured spectrum has negative Z'' at most points.
      if (e.inductive) return;
      const negative = s.imag.filter((x) => x < 0).length;
      expect(negative / n, `${rel}: fraction of points with Z'' < 0`).toBeGreaterThan(0.5);
    });
  }
});
