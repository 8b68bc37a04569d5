import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { msdDirect, msdFft, collectiveSeries } from '../../src/dynamics/msd.js';
import { fitDiffusionGls } from '../../src/dynamics/gls-msd.js';
import { analyzeDiffusion } from '../../src/dynamics/analyze.js';
import { createRng } from '../../src/core/rng.js';
import { fixture, sharedData } from '../helpers/paths.js';
import { readExtxyzLite } from './traj-lite.js';

const ref = JSON.parse(readFileSync(fixture('fixtures/dynamics/msd_reference.json'), 'utf8'));

function randomWalk(T: number, N: number, step: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(T * N * 3);
  for (let t = 1; t < T; t++)
    for (let j = 0; j < 3 * N; j++) x[t * 3 * N + j] = x[(t - 1) * 3 * N + j]! + (step / Math.sqrt(3)) * rng.normal();
  return x;
}

describe('windowed MSD', () => {
  it('FFT algorithm equals the direct double sum', () => {
    const x = randomWalk(137, 5, 0.3, 1);
    const a = msdFft(x, 137, 5);
    const b = msdDirect(x, 137, 5);
    for (let m = 0; m < 137; m++) expect(a[m]).toBeCloseTo(b[m]!, 10);
  });

  it('collective series of one walker is that walker', () => {
    const x = randomWalk(20, 1, 0.3, 2);
    expect(Array.from(collectiveSeries(x, 20, 1))).toEqual(Array.from(x));
  });
});

describe('diffusion on the shared NHOC random-walk trajectory', async () => {
  const traj = readExtxyzLite(sharedData('structure', 'nhoc_32fu_traj.extxyz'));
  const res = await analyzeDiffusion(traj, {
    species: 'Na', frameIntervalPs: 1, fitStartPs: 10, fitEndPs: 199, drift: 'none', temperatureK: 300, charge: 1,
  });

  it('MSD curve equals numpy (anchors/structure/msd.py)', () => {
    expect(res.ions).toBe(64);
    for (let m = 0; m < 200; m++) expect(res.msd[m]).toBeCloseTo(ref.msd_A2[m], 6);
  });

  it('GLS D and its uncertainty equal the kinisi-like reference', () => {
    expect(res.tracer.method).toBe('gls');
    expect(res.tracer.D).toBeCloseTo(ref.gls_10_end.D_A2_per_ps, 9);
    expect(res.tracer.stderr / ref.gls_10_end.sigma_D_A2_per_ps).toBeCloseTo(1, 6);
    // the true D of the walk is within 2 sigma; OLS error bar is far too small
    expect(Math.abs(res.tracer.D - ref.D_true_A2_per_ps)).toBeLessThan(2 * res.tracer.stderr);
    expect(res.tracer.ols.stderr).toBeLessThan(res.tracer.stderr / 5);
  });

  it('refuses a zero time between frames instead of returning NaN', async () => {
    await expect(analyzeDiffusion(traj, { species: 'Na', frameIntervalPs: 0, drift: 'none' })).rejects.toThrow(/time between frames is 0 ps/);
  });

  it('OLS on lags 10-100 equals the reference', async () => {
    const r2 = await analyzeDiffusion(traj, { species: 'Na', frameIntervalPs: 1, fitStartPs: 10, fitEndPs: 100, drift: 'none' });
    expect(r2.tracer.ols.D).toBeCloseTo(ref.ols_10_100.D_A2_per_ps, 9);
  });

  it('Nernst-Einstein conductivity follows from D (reference sigma scales with D)', () => {
    const sigmaPerD = ref.nernst_einstein_300K.sigma_S_per_cm / ref.ols_10_100.D_A2_per_ps;
    expect(res.conductivity!.nernstEinstein / (sigmaPerD * res.tracer.D)).toBeCloseTo(1, 8);
  });

  it('independent walkers have a Haven ratio near 1 (within its large error)', () => {
    expect(res.haven).toBeDefined();
    expect(Math.abs(res.haven!.value - 1)).toBeLessThan(3 * res.haven!.stderr);
  });

  it('framework drift correction barely changes D for a still framework', async () => {
    const r3 = await analyzeDiffusion(traj, { species: 'Na', frameIntervalPs: 1, fitStartPs: 10, drift: 'framework' });
    expect(Math.abs(r3.tracer.D / res.tracer.D - 1)).toBeLessThan(0.02);
  });
});

describe('GLS error bar is honest on an ensemble of walks', () => {
  it('predicted sigma is within a factor 1.6 of the real scatter (OLS off by >5x)', () => {
    const T = 100, N = 16, step = 0.2, seeds = 40;
    const Ds: number[] = [], sig: number[] = [], olsSe: number[] = [];
    for (let s = 0; s < seeds; s++) {
      const x = randomWalk(T, N, step, 100 + s);
      const f = fitDiffusionGls(x, T, N, msdFft(x, T, N), { firstLag: 5, lastLag: T - 1, frameIntervalPs: 1 });
      Ds.push(f.D); sig.push(f.stderr); olsSe.push(f.ols.stderr);
    }
    const mean = Ds.reduce((a, b) => a + b) / seeds;
    const scatter = Math.sqrt(Ds.reduce((a, b) => a + (b - mean) ** 2, 0) / (seeds - 1));
    const meanSig = sig.reduce((a, b) => a + b) / seeds;
    const meanOls = olsSe.reduce((a, b) => a + b) / seeds;
    expect(Math.abs(mean / (step * step / 6) - 1)).toBeLessThan(0.05);
    expect(meanSig / scatter).toBeGreaterThan(1 / 1.6);
    expect(meanSig / scatter).toBeLessThan(1.6);
    expect(meanOls / scatter).toBeLessThan(0.2);
  });
});
