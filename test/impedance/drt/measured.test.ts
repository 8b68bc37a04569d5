/**
 * The default λ criterion (gcv-kk) on the measured spectra of our fixtures (shared/data/eis,
 * see PROVENANCE.md). GCV alone assumes independent errors; these spectra carry correlated,
 * systematic ones, and GCV runs to the lower end of the search (λ = 1e-8) on many of them,
 * turning each process into a comb of peaks. The discrepancy floor must stop that.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { computeDrt } from '../../../src/impedance/drt/drt.js';
import { readImpedance } from '../../../src/formats/impedance/index.js';
import { sharedData } from '../../helpers/paths.js';

function load(...parts: string[]) {
  const file = sharedData('eis', ...parts);
  return readImpedance(new Uint8Array(readFileSync(file)), file);
}

/** Lower end of the default search, log10 λ = −8: a λ within 0.1 decade of it is "on the bound". */
const onBound = (lambda: number) => Math.log10(lambda) < -8 + 0.1;

/**
 * Spectra the DRT model describes (fit residual < 5 % rms of |Z|), with the most peaks a
 * sensible DRT shows: the test circuits are single arcs (all criteria agree on one peak);
 * LIB spectra: pyDRTtools finds 4–5 processes, one of them the diffusion tail that our
 * series C takes; exampleData.csv: impedance.py's model R0-p(R1,C1)-p(R2-Wo1,C2), two arcs plus
 * a finite-space Warburg whose DRT is a comb dominated by its first 2–3 teeth. The others have
 * no documented model: their bound is loose (what mGCV, L-curve and re-im roughly agree on), but
 * GCV's combs exceed most of them. Left out: spectra the DRT model cannot describe at all (fit
 * residual 17 % to > 100 %: exampleDataParstat/Powersuite, biologic-converter/peis.mpt, the
 * ixdat files) and files with fewer than 8 points.
 */
const cases: [string[], number][] = [
  [['impedance.py', 'Circuit1_EIS_1.z'], 1],
  [['impedance.py', 'Circuit1_EIS_2.z'], 1],
  [['impedance.py', 'Circuit2_EIS_1.z'], 1],
  [['impedance.py', 'Circuit2_EIS_2.z'], 1],
  [['impedance.py', 'Circuit3_EIS_1.z'], 1],
  [['impedance.py', 'Circuit3_EIS_2.z'], 1],
  [['impedance.py', 'exampleData.csv'], 5],
  [['impedance.py', 'exampleDataAutolab.txt'], 4],
  [['impedance.py', 'exampleDataBioLogic.mpt'], 3],
  [['impedance.py', 'exampleDataCHInstruments.txt'], 3],
  [['impedance.py', 'exampleDataGamry.DTA'], 4],
  [['impedance.py', 'exampleDataVersaStudio.par'], 3],
  [['impedance.py', 'exampleDataZPlot.z'], 1],
  [['impedance.py', 'exampleDataZPlot_noComments.z'], 3],
  [['pyDRTtools', 'LIB_data.txt'], 4],
  [['pyDRTtools', 'LIB_data_2.txt'], 5],
  [['pyDRTtools', 'data_1.csv'], 5],
  [['beep_maccor_test_file_4267-66-6519.EDA0001.041'], 3],
];

describe('default λ (gcv-kk) on measured spectra', () => {
  it.each(cases)('%s: λ above the search bound and the discrepancy floor, at most %i peaks', (parts, maxPeaks) => {
    const r = computeDrt(load(...parts));
    expect(r.lambdaMethod).toBe('gcv-kk');
    expect(r.relativeResidualRms).toBeLessThan(0.05);
    expect(onBound(r.lambda)).toBe(false);
    expect(r.lambda).toBeGreaterThanOrEqual(r.lambdaFloor! * (1 - 1e-9));
    expect(r.peaks.length).toBeGreaterThanOrEqual(1);
    expect(r.peaks.length).toBeLessThanOrEqual(maxPeaks);
  });

  it('GCV alone under-smooths the same data: on the bound with a comb of peaks (the failure gcv-kk fixes)', () => {
    let hits = 0;
    for (const [parts] of cases) if (onBound(computeDrt(load(...parts), { lambdaMethod: 'gcv' }).lambda)) hits++;
    expect(hits).toBeGreaterThanOrEqual(5);
    const gcv = computeDrt(load('impedance.py', 'exampleData.csv'), { lambdaMethod: 'gcv' });
    expect(onBound(gcv.lambda)).toBe(true);
    expect(gcv.peaks.length).toBeGreaterThanOrEqual(8);
  });

  it('LIB_data.txt: the 0.15 s process where pyDRTtools has it (reference-outputs.json: 0.146 s)', () => {
    const r = computeDrt(load('pyDRTtools', 'LIB_data.txt'));
    const nearest = Math.min(...r.peaks.map((p) => Math.abs(Math.log10(p.tau / 0.146))));
    expect(nearest).toBeLessThan(0.05);
  });
});
