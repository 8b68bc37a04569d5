import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { readCif } from '../../src/formats/cif/index.js';
import { xrdPattern } from '../../src/scattering/xrd.js';
import { profilePattern } from '../../src/scattering/profile.js';
import { identifyPhases } from '../../src/scattering/identify.js';
import { sharedData } from '../helpers/paths.js';

const load = (p: string) => readCif(readFileSync(sharedData(p)), p);

describe('phase identification on a synthetic amorphous + impurity pattern (the Fig. 1 use case)', () => {
  it('finds NaCl and the Na2HfCl6-type phase on an amorphous halo, and nothing else', () => {
    const wl = 1.54184;
    const grid = { wavelength: wl, twoThetaMin: 10, twoThetaMax: 80, step: 0.01, instrumentFwhm: 0.08, crystalliteNm: 60, scaled: false } as const;
    const nacl = profilePattern(xrdPattern(load('structure/nacl_rocksalt.cif'), { twoThetaRange: [10, 80] }).peaks, grid);
    const hf = profilePattern(xrdPattern(load('structure/na2hfcl6_k2ptcl6.cif'), { twoThetaRange: [10, 80] }).peaks, grid);
    const rng = createRng(42);
    const x = nacl.twoTheta;
    const y = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const t = x[i]!;
      // Sloping background, a broad glass halo at 30° (FWHM ~ 10°), the two crystalline phases.
      const mean = 400 - 2 * t + 1500 * Math.exp(-(((t - 30) / 6) ** 2)) + 60 * nacl.intensity[i]! + 25 * hf.intensity[i]!;
      y[i] = Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
    }
    const candidates = [
      { name: 'NaCl', structure: load('structure/nacl_rocksalt.cif') },
      { name: 'Na2HfCl6', structure: load('structure/na2hfcl6_k2ptcl6.cif') },
      { name: 'LiF', structure: load('xrd/LiF_225.cif') },
      { name: 'MnO', structure: load('xrd/MnO_225.cif') },
      { name: 'Mn2O3', structure: load('xrd/Mn2O3_206.cif') },
    ];
    const res = identifyPhases(x, y, candidates);
    expect([...res.identified].sort()).toEqual(['Na2HfCl6', 'NaCl']);
    const byName = Object.fromEntries(res.candidates.map((c) => [c.name, c]));
    expect(byName.NaCl!.fom).toBeGreaterThan(0.9);
    expect(byName.Na2HfCl6!.fom).toBeGreaterThan(0.8);
    expect(Math.abs(byName.NaCl!.strain)).toBeLessThan(0.002);
    for (const n of ['LiF', 'MnO', 'Mn2O3']) expect(byName[n]!.identified).toBe(false);
    // The halo is background, not peaks.
    expect(res.peaks.some((p) => Math.abs(p.twoTheta - 30) < 2 && !p.explainedBy)).toBe(false);
  });
});
