import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RdfAccumulator, firstMinimum } from '../../src/atoms/rdf.js';
import { cellVolume, type Cell } from '../../src/atoms/structure.js';
import { sharedData, fixture } from '../helpers/paths.js';
import { allFrames, bruteDistances, gFromDistances, load } from './helpers.js';
import { createRng } from '../../src/core/rng.js';

const Hf = 72, O = 8, Cl = 17, Na = 11;

describe('partial g(r), designed-truth cell', () => {
  const t = load(sharedData('structure', 'nhoc_32fu.extxyz'));
  const s = t.structure;
  const idx = (z: number): number[] => Array.from(s.numbers.keys()).filter((i) => s.numbers[i] === z);

  // r_max 8 Å: 2 bins per axis → the minimum-image loop; 6 Å: 3 bins → the cell-list loop.
  it.each([8, 6])('equals an independent O(N²) computation of the contract formula to 1e-9 (r_max %d Å)', (rMax) => {
    const nb = Math.round(rMax / 0.02);
    const pairs = [[Hf, O], [Hf, Cl], [Na, Cl], [Cl, Cl], [O, Hf]] as const;
    const acc = new RdfAccumulator(s.numbers, pairs.map(([a, b]) => ({ a, b })), rMax, 0.02);
    acc.addFrame(s.positions, s.cell);
    const res = acc.result();
    expect(res.r.length).toBe(nb);
    expect(res.r[0]).toBeCloseTo(0.01, 12);
    const V = cellVolume(s.cell);
    pairs.forEach(([a, b], m) => {
      const dist = bruteDistances(s.cell, s.positions, idx(a), idx(b), rMax, 1);
      const ref = gFromDistances(dist, V, idx(a).length, idx(b).length, a === b, 0.02, nb);
      const g = res.pairs[m]!.g;
      let worst = 0;
      for (let k = 0; k < nb; k++) worst = Math.max(worst, Math.abs(g[k]! - ref[k]!));
      expect(worst).toBeLessThan(1e-9);
      // Running CN = cumulative ordered pairs / N_A.
      const within = dist.filter((d) => d < rMax).length / idx(a).length;
      expect(res.pairs[m]!.cn[nb - 1]).toBeCloseTo(within, 12);
    });
    // The truth's coordination numbers from the running CN at the cutoffs.
    expect(res.pairs[0]!.cn[Math.round(2.4 / 0.02) - 1]).toBe(2.25);
    expect(res.pairs[1]!.cn[Math.round(2.9 / 0.02) - 1]).toBe(3.75);
  });

  it('suggests a cutoff in the gap after the first peak', () => {
    const acc = new RdfAccumulator(s.numbers, [{ a: Hf, b: O }, { a: Hf, b: Cl }], 6, 0.02);
    acc.addFrame(s.positions, s.cell);
    const res = acc.result();
    const rcO = firstMinimum(res.r, res.pairs[0]!.g)!;
    const rcCl = firstMinimum(res.r, res.pairs[1]!.g)!;
    // The designed cell has Hf–O bonds < 2.3 Å, Hf–Cl < 2.8 Å and nothing else closer than 3.1 Å.
    expect(rcO).toBeGreaterThan(2.3);
    expect(rcO).toBeLessThan(3.1);
    expect(rcCl).toBeGreaterThan(2.8);
    expect(rcCl).toBeLessThan(3.1);
  });
});

describe('first-minimum cutoff suggestion', () => {
  it('finds the minimum of an analytic g(r) and ignores deeper wells further out', () => {
    const dr = 0.02;
    const r = Array.from({ length: 400 }, (_, k) => (k + 0.5) * dr);
    const g = r.map((x) =>
      x < 1.5 ? 0 : 1 + 8 * Math.exp(-((x - 2) ** 2) / (2 * 0.1 ** 2)) - 0.5 * Math.exp(-((x - 3) ** 2) / (2 * 0.2 ** 2)) - 0.9 * Math.exp(-((x - 6) ** 2) / (2 * 0.2 ** 2)),
    );
    expect(firstMinimum(r, g)).toBeCloseTo(3.0, 1);
    expect(Math.abs(firstMinimum(r, g)! - 3.0)).toBeLessThan(0.03);
    expect(firstMinimum(r, r.map(() => 0.5))).toBeUndefined();
    // An unstructured packing: a step to 1 with ±0.1 wiggles has no shell.
    expect(firstMinimum(r, r.map((x) => (x < 2 ? 0 : 1 + 0.1 * Math.sin(9 * x))))).toBeUndefined();
  });
});

describe('partial g(r) against MDAnalysis InterRDF (fixture from make_mdanalysis_rdf.py)', () => {
  it('agrees within MDAnalysis float32 rounding on 20 frames', () => {
    const ref = JSON.parse(readFileSync(fixture('fixtures', 'structure', 'mdanalysis_rdf.json'), 'utf8')) as {
      frames: number;
      r: number[];
      pairs: Record<string, number[]>;
    };
    const t = load(sharedData('structure', 'nhoc_32fu_traj.lammpstrj'));
    const keys = Object.keys(ref.pairs);
    const sym: Record<string, number> = { Hf, O, Cl, Na };
    const acc = new RdfAccumulator(
      t.structure.numbers,
      keys.map((k) => ({ a: sym[k.split('-')[0]!]!, b: sym[k.split('-')[1]!]! })),
      8,
      0.02,
    );
    allFrames(t).slice(0, ref.frames).forEach((f) => acc.addFrame(f.positions, f.cell));
    const res = acc.result();
    expect(Array.from(res.r).map((x) => +x.toFixed(8))).toEqual(ref.r.map((x) => +x.toFixed(8)));
    keys.forEach((k, m) => {
      const g = res.pairs[m]!.g;
      // A float32 coordinate moves a few distances across bin edges: compare in units of one
      // pair count in that bin, V / (N_A·N_B'·shell·frames).
      const [a, b] = k.split('-').map((x) => sym[x]!) as [number, number];
      const nA = t.structure.numbers.filter((z) => z === a).length;
      const nB = a === b ? nA - 1 : t.structure.numbers.filter((z) => z === b).length;
      const V = cellVolume(t.structure.cell);
      let worstCounts = 0;
      for (let q = 0; q < g.length; q++) {
        const shell = ((4 * Math.PI) / 3) * (((q + 1) * 0.02) ** 3 - (q * 0.02) ** 3);
        const unit = V / (nA * nB * shell * ref.frames);
        worstCounts = Math.max(worstCounts, Math.abs(g[q]! - ref.pairs[k]![q]!) / unit);
      }
      expect(worstCounts).toBeLessThan(1.5); // measured: ≤ 1e-4 for three pairs, one pair moved bins for Na–Cl
      // Integrated counts must agree much better than single bins.
      const sum = (a: ArrayLike<number>): number => Array.from(a).reduce((x, y) => x + y, 0);
      expect(Math.abs(sum(g) - sum(ref.pairs[k]!)) / sum(ref.pairs[k]!)).toBeLessThan(1e-3);
    });
  });
});

describe('partial g(r) beyond half the cell', () => {
  it('counts explicit periodic images (and self images) in a small triclinic cell', () => {
    const cell: Cell = [[5, 0, 0], [1.2, 5.5, 0], [-0.7, 0.9, 6]];
    const rng = createRng(5);
    const n = 12;
    const numbers = new Uint8Array(n).map((_, i) => (i < 4 ? Na : Cl));
    const pos = new Float64Array(3 * n).map(() => rng.uniform() * 5);
    const acc = new RdfAccumulator(numbers, [{ a: Na, b: Cl }, { a: Cl, b: Cl }], 9, 0.05);
    acc.addFrame(pos, cell);
    const res = acc.result();
    const nas = [0, 1, 2, 3], cls = Array.from({ length: 8 }, (_, k) => 4 + k);
    const V = cellVolume(cell);
    const refNaCl = gFromDistances(bruteDistances(cell, pos, nas, cls, 9, 4), V, 4, 8, false, 0.05, 180);
    const refClCl = gFromDistances(bruteDistances(cell, pos, cls, cls, 9, 4), V, 8, 8, true, 0.05, 180);
    for (let k = 0; k < 180; k++) {
      expect(res.pairs[0]!.g[k]).toBeCloseTo(refNaCl[k]!, 9);
      expect(res.pairs[1]!.g[k]).toBeCloseTo(refClCl[k]!, 9);
    }
    // Far out, an uncorrelated finite system tends to g ≈ 1 (same-species with N(N−1)).
    const tail = (g: Float64Array): number => g.slice(140).reduce((a, b) => a + b, 0) / 40;
    expect(tail(res.pairs[0]!.g)).toBeGreaterThan(0.85);
    expect(tail(res.pairs[0]!.g)).toBeLessThan(1.15);
  });

  it('averages frames, each with its own volume', () => {
    const numbers = Uint8Array.from([Na, Cl]);
    const pos = Float64Array.from([0, 0, 0, 1.01, 0, 0]);
    const acc = new RdfAccumulator(numbers, [{ a: Na, b: Cl }], 2, 0.1);
    acc.addFrame(pos, [[10, 0, 0], [0, 10, 0], [0, 0, 10]]);
    acc.addFrame(pos, [[20, 0, 0], [0, 20, 0], [0, 0, 20]]);
    const g = acc.result().pairs[0]!;
    const shell = ((4 * Math.PI) / 3) * (1.1 ** 3 - 1.0 ** 3);
    expect(g.g[10]).toBeCloseTo((1000 / shell + 8000 / shell) / 2, 9);
    expect(g.cn[10]).toBe(1);
    expect(g.cn[9]).toBe(0);
  });
});
