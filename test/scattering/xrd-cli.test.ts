import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture, sharedData } from '../helpers/paths.js';
import { scherrerFwhm } from '../../src/scattering/profile.js';

const nacl = sharedData('structure/nacl_rocksalt.cif');
const xrdRef = JSON.parse(readFileSync(fixture('fixtures/xrd/pymatgen_xrd.json'), 'utf8')).cases;
const cif = (n: string) => sharedData('xrd', `${n}.cif`);
const candidates = ['MnO_225', 'LiF_225', 'Mn2O3_206', 'NaCl_225'].map(cif);

describe('superionic xrd', () => {
  it('--json follows the contract and equals pymatgen', async () => {
    const run = await runCli(['xrd', nacl, '--json']);
    expect(run.code).toBe(0);
    const doc = run.json();
    expect(doc.wavelength).toEqual({ value: 1.54184, unit: 'Å' });
    expect(doc.method).toBe('bragg');
    const ref = xrdRef.nacl_rocksalt.peaks;
    expect(doc.peaks.length).toBe(ref.length);
    doc.peaks.forEach((p: any, i: number) => {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['twoTheta', 'd', 'hkl', 'intensity']));
      expect(Math.abs(p.twoTheta - ref[i].two_theta)).toBeLessThan(1e-3);
      expect(Math.abs(p.intensity - ref[i].intensity)).toBeLessThan(0.5);
      expect(p.hkl).toEqual(ref[i].hkl);
    });
  });

  it('several files give an array; --wavelength and --two-theta apply', async () => {
    const run = await runCli(['xrd', nacl, sharedData('structure/na2hfcl6_k2ptcl6.cif'), '--wavelength', 'MoKa', '--two-theta', '5:60', '--json']);
    expect(run.code).toBe(0);
    const docs = run.json();
    expect(docs).toHaveLength(2);
    const ref = xrdRef.na2hfcl6_k2ptcl6_mo.peaks;
    expect(docs[1].peaks.length).toBe(ref.length);
    expect(docs[1].peaks[0].twoTheta).toBeCloseTo(ref[0].two_theta, 6);
    expect(docs[0].peaks.every((p: any) => p.twoTheta >= 5 && p.twoTheta <= 60)).toBe(true);
  });

  it('--profile has the Scherrer width (pseudo-Voigt FWHM² = instrument² + Scherrer²)', async () => {
    const run = await runCli(['xrd', nacl, '--profile', '--crystallite-nm', '20', '--instrument-fwhm', '0.05', '--step', '0.002', '--two-theta', '25:40', '--json']);
    const { twoTheta, intensity } = run.json().profile;
    // (200) at 31.73° is the maximum (100); measure its FWHM on the curve.
    let top = 0;
    for (let i = 0; i < intensity.length; i++) if (intensity[i] > intensity[top]) top = i;
    expect(twoTheta[top]).toBeCloseTo(31.73, 2);
    const half = intensity[top] / 2;
    let l = top;
    while (intensity[l] > half) l--;
    let r = top;
    while (intensity[r] > half) r++;
    const interp = (i: number, j: number) => twoTheta[i] + ((half - intensity[i]) / (intensity[j] - intensity[i])) * (twoTheta[j] - twoTheta[i]);
    const fwhm = interp(r - 1, r) - interp(l, l + 1);
    const expected = Math.hypot(0.05, scherrerFwhm(31.7305, 1.54184, 20));
    expect(expected).toBeGreaterThan(0.4);
    expect(Math.abs(fwhm - expected) / expected).toBeLessThan(0.01);
  });

  it('an amorphous cell gives a smooth halo (Debye/S(Q) route), not a comb of sticks', async () => {
    const glass = sharedData('structure/nhoc_32fu.extxyz');
    const run = await runCli(['xrd', glass, '--json']);
    expect(run.code).toBe(0);
    const doc = run.json();
    expect(doc.method).toBe('debye');
    const y: number[] = doc.profile.intensity;
    // Few broad maxima, and no point-to-point jumps: the curve is smooth on the 0.05° grid.
    expect(doc.peaks.length).toBeGreaterThanOrEqual(1);
    expect(doc.peaks.length).toBeLessThanOrEqual(4);
    let jump = 0;
    for (let i = 1; i < y.length; i++) jump = Math.max(jump, Math.abs(y[i]! - y[i - 1]!));
    expect(jump).toBeLessThan(2);
    // The same cell as a "crystal" is the comb the Debye route avoids.
    const bragg = (await runCli(['xrd', glass, '--method', 'bragg', '--two-theta', '10:60', '--json'])).json();
    expect(bragg.peaks.length).toBeGreaterThan(50);
  });

  it('bad input: malformed CIF exits 1 with the line; bad option exits 2', async () => {
    const bad = await runCli(['xrd', fixture('fixtures/xrd/bad_unknown_element.cif'), '--json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad_unknown_element\.cif:14: unknown element "Xx1"/);
    expect((await runCli(['xrd', nacl, '--wavelength', 'blue'])).code).toBe(2);
    expect((await runCli(['xrd', nacl, '--two-theta', '50:10'])).code).toBe(2);
  });
});

describe('phase identification of measured patterns (MnO, LiF, Mn2O3 + LiF)', () => {
  const cases: [string, string[]][] = [
    ['MnO', ['MnO_225']],
    ['LiF', ['LiF_225']],
    ['Mn2O3_plus_LiF', ['Mn2O3_206', 'LiF_225']],
  ];
  for (const [pattern, expected] of cases) {
    it(`${pattern} → ${expected.join(' + ')}`, async () => {
      const run = await runCli(['xrd', 'identify', sharedData('xrd', `${pattern}_measured_CuKa.xy`), '--candidates', candidates.join(','), '--json']);
      expect(run.code).toBe(0);
      const doc = run.json();
      expect(doc.identified).toEqual(expected.map(cif));
      for (const c of doc.candidates) {
        if (expected.map(cif).includes(c.name)) expect(c.fom).toBeGreaterThan(0.9);
        else expect(c.fom).toBeLessThan(0.5);
      }
      expect(doc.unexplained).toBeLessThan(0.1);
    });
  }

  it('--match is the same search', async () => {
    const run = await runCli(['xrd', ...candidates, '--match', sharedData('xrd/LiF_measured_CuKa.xy'), '--json']);
    expect(run.json().identified).toEqual([cif('LiF_225')]);
  });
});
