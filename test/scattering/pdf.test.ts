import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atomicNumber } from '../../src/core/elements.js';
import { faberZimanWeights, xrayPdf } from '../../src/scattering/pdf.js';
import { PartialPdfAccumulator, type PartialPdfInput } from '../../src/scattering/partials.js';
import { RdfAccumulator } from '../../src/atoms/rdf.js';
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

describe('PartialPdfAccumulator (the g(r) → PDF hand-off)', () => {
  it('hands over RdfAccumulator partials, composition and mean volume; a lone atom gets g_aa = 0', () => {
    // Rock salt NaCl (a = 5.64 Å) with one Na replaced by K: K has no like pairs.
    const a = 5.64;
    const fr = [[0, 0, 0], [0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0], [0.5, 0, 0], [0, 0.5, 0], [0, 0, 0.5], [0.5, 0.5, 0.5]];
    const numbers = Uint8Array.from([19, 11, 11, 11, 17, 17, 17, 17]);
    const positions = Float64Array.from(fr.flat().map((x) => x * a));
    const cell: [[number, number, number], [number, number, number], [number, number, number]] = [[a, 0, 0], [0, a, 0], [0, 0, a]];
    const big: typeof cell = [[a * 1.01, 0, 0], [0, a * 1.01, 0], [0, 0, a * 1.01]];
    const acc = new PartialPdfAccumulator(numbers, 4, 0.05);
    acc.addFrame(positions, cell);
    acc.addFrame(positions.map((x) => x * 1.01), big);
    const out = acc.result();
    expect(out.frames).toBe(2);
    expect([...out.counts]).toEqual([[19, 1], [11, 3], [17, 4]]);
    expect(out.volume).toBeCloseTo((a ** 3 + (1.01 * a) ** 3) / 2, 10);
    const ref = new RdfAccumulator(numbers, [{ a: 19, b: 11 }, { a: 19, b: 17 }, { a: 11, b: 11 }, { a: 11, b: 17 }, { a: 17, b: 17 }], 4, 0.05);
    ref.addFrame(positions, cell);
    ref.addFrame(positions.map((x) => x * 1.01), big);
    for (const p of ref.result().pairs) {
      const got = out.partials.find((q) => q.a === p.a && q.b === p.b)!;
      expect([...got.g]).toEqual([...p.g]);
    }
    const kk = out.partials.find((q) => q.a === 19 && q.b === 19)!;
    expect(kk.g.every((x) => x === 0)).toBe(true);
    expect(out.partials.length).toBe(6);
    expect(() => new PartialPdfAccumulator(Uint8Array.from([11]), 4, 0.05)).toThrow(/single atom/);
    expect(() => new PartialPdfAccumulator(numbers, 4, 0.05).result()).toThrow(/no frames/);
  });
});
