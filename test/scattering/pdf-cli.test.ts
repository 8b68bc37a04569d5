import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture, sharedData } from '../helpers/paths.js';

const ref = JSON.parse(readFileSync(fixture('fixtures/pdf/xpdf_nhoc.json'), 'utf8')) as {
  r: number[];
  G_A: number[];
  G_B_pymatgen_lorch: number[];
  weights_ordered: Record<string, number>;
};
const maxAbsDiff = (a: number[], b: number[]) => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0);

describe('superionic pdf (partial g(r) from atoms/rdf, X-ray weighting from scattering/pdf)', () => {
  const file = sharedData('structure/nhoc_32fu.extxyz');

  it('real-space G(r) of frame 0 equals the xpdf.py anchor', async () => {
    const run = await runCli(['pdf', file, '--r-max', '9.5', '--bin', '0.02', '--json']);
    expect(run.code).toBe(0);
    const doc = run.json();
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['r', 'G', 'weights']));
    expect(doc.r.length).toBe(ref.r.length);
    expect(maxAbsDiff(doc.G, ref.G_A)).toBeLessThan(1e-5);
    expect(Object.values(doc.weights as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(doc.weights['Hf-O']).toBeCloseTo(2 * ref.weights_ordered['Hf-O']!, 5);
  });

  it('--q-max applies Lorch termination (anchor route B with f(Q))', async () => {
    const run = await runCli(['pdf', file, '--r-max', '9.5', '--bin', '0.02', '--q-max', '25', '--form-factors', 'q', '--json']);
    const doc = run.json();
    expect(maxAbsDiff(doc.G, ref.G_B_pymatgen_lorch)).toBeLessThan(1e-5);
    // Termination broadens: the first peak is lower than without it.
    const plain = (await runCli(['pdf', file, '--r-max', '9.5', '--bin', '0.02', '--json'])).json();
    expect(Math.max(...doc.G)).toBeLessThan(Math.max(...plain.G));
  });

  it('a crystal: G(r) of rock salt peaks at a/2 = 2.82 Å and weights follow Z', async () => {
    const doc = (await runCli(['pdf', sharedData('structure/nacl_rocksalt.cif'), '--r-max', '4', '--bin', '0.01', '--json'])).json();
    // Local maxima of G: Na–Cl at a/2 = 2.82 Å, then Na–Na/Cl–Cl at a/√2 = 3.99 Å.
    const maxima: number[] = [];
    for (let k = 1; k < doc.G.length - 1; k++) if (doc.G[k] > 0 && doc.G[k] > doc.G[k - 1] && doc.G[k] >= doc.G[k + 1]) maxima.push(doc.r[k]);
    expect(maxima).toHaveLength(2);
    expect(Math.abs(maxima[0]! - 2.82)).toBeLessThanOrEqual(0.0051);
    expect(Math.abs(maxima[1]! - 3.988)).toBeLessThanOrEqual(0.0051);
    // c = 1/2 each, Z = 11 and 17: w(Na-Cl) = 2·11·17/(11+17)² … over (c f)² normalisation
    expect(doc.weights['Na-Cl']).toBeCloseTo((2 * 11 * 17) / 28 ** 2, 12);
    expect(doc.weights['Cl-Cl']).toBeCloseTo(17 ** 2 / 28 ** 2, 12);
  });

  it('bad input exits 1', async () => {
    const run = await runCli(['pdf', fixture('fixtures/xrd/bad_unknown_element.cif')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/:14: unknown element/);
  });
});

describe('pdf --sigma (thermal broadening of a static crystal)', () => {
  it('rock salt: the Na–Cl shell becomes a Gaussian of FWHM 2.355σ at a/2 holding 6 Cl per Na', async () => {
    const sigma = 0.08;
    const doc = (await runCli(['pdf', sharedData('structure/nacl_rocksalt.cif'), '--r-max', '5', '--bin', '0.005', '--sigma', String(sigma), '--json'])).json();
    const r: number[] = doc.r;
    const G: number[] = doc.G;
    // First shell: r < 3.4 Å. G = 4πrρ0(g_X − 1) → g_X = 1 + G/(4πrρ0).
    const rho0 = doc.rho0.value;
    let top = 0;
    for (let k = 0; k < r.length && r[k]! < 3.4; k++) if (G[k]! > G[top]!) top = k;
    expect(Math.abs(r[top]! - 2.82)).toBeLessThan(0.01);
    const gx = (k: number) => 1 + G[k]! / (4 * Math.PI * r[k]! * rho0);
    // Area of the shell: ρ0 ∫ 4πr² g_X dr = Σ_ab w_ab ρ0 ∫ 4πr² g_ab dr, and ρ0 ∫ 4πr² g_NaCl dr =
    // CN(Cl around Na)/c_Cl = 6/½ = 12; no other pair has neighbours between 2.3 and 3.4 Å.
    let area = 0;
    for (let k = 0; k < r.length; k++) if (r[k]! > 2.3 && r[k]! < 3.4) area += 4 * Math.PI * r[k]! ** 2 * rho0 * gx(k) * 0.005;
    expect(Math.abs(area - doc.weights['Na-Cl'] * 12) / (doc.weights['Na-Cl'] * 12)).toBeLessThan(0.01);
    // Width: half maximum of g_X (≈ 0 between shells of a crystal).
    const peak = gx(top);
    let l = top;
    while (gx(l) > peak / 2) l--;
    let h = top;
    while (gx(h) > peak / 2) h++;
    const fwhm = (h - l) * 0.005;
    expect(Math.abs(fwhm - 2.3548 * sigma) / (2.3548 * sigma)).toBeLessThan(0.05);
  });
});

describe('pdf hand-off: the partials are those of `structure rdf`, over the same frames', () => {
  const traj = sharedData('structure/nhoc_32fu_traj.lammpstrj');

  it('G(r) = 4πrρ0(Σ w_ab g_ab − 1) with g_ab from `structure rdf --frames` (negative indices count from the end)', async () => {
    const frames = (await runCli(['structure', 'info', traj, '--json'])).json().frames as number;
    expect(frames).toBeGreaterThan(4);
    const pdf = (await runCli(['pdf', traj, '--r-max', '5', '--bin', '0.05', '--frames', '-4:', '--json'])).json();
    expect(pdf.frames).toBe(4);
    const rdf = (await runCli(['structure', 'rdf', traj, '--r-max', '5', '--bin', '0.05', '--frames', `${frames - 4}:`, '--json'])).json();
    expect(rdf.frames).toBe(4);
    expect(rdf.r).toEqual(pdf.r);
    const rho0 = pdf.rho0.value as number;
    let worst = 0;
    for (let k = 0; k < pdf.r.length; k++) {
      let gX = 0;
      for (const [pair, w] of Object.entries(pdf.weights as Record<string, number>)) {
        const [a, b] = pair.split('-');
        gX += w * (rdf.pairs[pair] ?? rdf.pairs[`${b}-${a}`]).g[k];
      }
      worst = Math.max(worst, Math.abs(pdf.G[k] - 4 * Math.PI * pdf.r[k] * rho0 * (gX - 1)));
    }
    expect(worst).toBeLessThan(1e-9);
  });
});
