import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atomicNumber } from '../../src/core/elements.js';
import { faberZimanWeights, xrayPdf } from '../../src/scattering/pdf.js';
import type { PartialPdfInput } from '../../src/scattering/partials.js';
import { fixture } from '../helpers/paths.js';

interface Ref {
  dr: number;
  volume: number;
  counts: Record<string, number>;
  partials: Record<string, number[]>;
  weights_ordered: Record<string, number>;
  r: number[];
  G_A: number[];
  G_B_pymatgen_lorch: number[];
  G_B_const_nowindow: number[];
  Q: number[];
  S_X_pymatgen: number[];
}
const ref = JSON.parse(readFileSync(fixture('fixtures/pdf/xpdf_nhoc.json'), 'utf8')) as Ref;

function input(): PartialPdfInput {
  const counts = new Map(Object.entries(ref.counts).map(([e, n]) => [atomicNumber(e)!, n]));
  const partials = Object.entries(ref.partials).map(([k, g]) => {
    const [a, b] = k.split('-');
    return { a: atomicNumber(a!)!, b: atomicNumber(b!)!, g: Float64Array.from(g) };
  });
  const n = ref.partials['Na-Na']!.length;
  return { r: Float64Array.from({ length: n }, (_, k) => (k + 0.5) * ref.dr), dr: ref.dr, counts, volume: ref.volume, partials };
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

describe('X-ray PDF from partial g(r) against the xpdf.py anchor (NHOC 288 atoms)', () => {
  it('Faber–Ziman weights (f(0) = Z) sum to 1 and equal the anchor (unordered = 2 × ordered)', () => {
    const w = faberZimanWeights(input());
    expect(Object.values(w).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const [k, v] of Object.entries(w)) {
      const [a, b] = k.split('-');
      expect(v).toBeCloseTo((a === b ? 1 : 2) * ref.weights_ordered[`${a}-${b}`]!, 5);
    }
    expect(w['Hf-Cl']).toBeCloseTo(2 * 0.154526, 5);
  });

  it('real-space G(r) = 4πrρ0[g_X − 1]', () => {
    const p = xrayPdf(input());
    expect(p.r.length).toBe(ref.r.length);
    expect(maxAbsDiff(p.G, ref.G_A)).toBeLessThan(2e-6);
    expect(p.rho0).toBeCloseTo(288 / ref.volume, 12);
  });

  it('Q_max termination with Lorch window and pymatgen f(Q)', () => {
    const p = xrayPdf(input(), { qMax: 25, formFactors: 'q' });
    expect(maxAbsDiff(p.sq!, ref.S_X_pymatgen)).toBeLessThan(2e-6);
    expect(maxAbsDiff(p.G, ref.G_B_pymatgen_lorch)).toBeLessThan(2e-6);
  });

  it('constant f, no windows', () => {
    const p = xrayPdf(input(), { qMax: 25, lorch: false, realSpaceWindow: false });
    expect(maxAbsDiff(p.G, ref.G_B_const_nowindow)).toBeLessThan(2e-6);
  });

  it('an ideal gas (g = 1) gives G = 0 at every r', () => {
    const inp = input();
    const flat = { ...inp, partials: inp.partials.map((p) => ({ ...p, g: new Float64Array(p.g.length).fill(1) })) };
    expect(maxAbsDiff(xrayPdf(flat).G, new Float64Array(inp.r.length))).toBe(0);
  });
});
