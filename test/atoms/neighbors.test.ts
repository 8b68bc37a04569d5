import { describe, expect, it } from 'vitest';
import { neighborPairs, buildCellList } from '../../src/atoms/neighbors.js';
import { createRng } from '../../src/core/rng.js';
import type { Cell } from '../../src/atoms/structure.js';
import { perpendicularWidths } from '../../src/atoms/lattice.js';
import { bruteDistances } from './helpers.js';

function randomAtoms(cell: Cell, n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const p = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    // Some atoms outside the cell on purpose: the search must wrap them.
    const u = rng.uniform() * 1.6 - 0.3, v = rng.uniform() * 1.6 - 0.3, w = rng.uniform();
    for (let x = 0; x < 3; x++) p[3 * i + x] = u * cell[0][x] + v * cell[1][x] + w * cell[2][x];
  }
  return p;
}

const sorted = (a: ArrayLike<number>): number[] => Array.from(a).sort((x, y) => x - y);

describe('cell-list neighbour search', () => {
  const cases: { name: string; cell: Cell; rc: number; m: number }[] = [
    { name: 'orthorhombic, rc < half cell', cell: [[10, 0, 0], [0, 11, 0], [0, 0, 12]], rc: 4.5, m: 1 },
    { name: 'strongly skewed triclinic', cell: [[8, 0, 0], [5.5, 7, 0], [-3, 4, 9]], rc: 3.2, m: 2 },
    { name: 'rc beyond half the cell (several images, self images)', cell: [[6, 0, 0], [1, 6.5, 0], [0.5, -1, 7]], rc: 8.5, m: 3 },
  ];
  for (const c of cases) {
    it(`finds exactly the brute-force image pairs: ${c.name}`, () => {
      const n = 60;
      const pos = randomAtoms(c.cell, n, 7);
      const all = Array.from({ length: n }, (_, i) => i);
      const ref = sorted(bruteDistances(c.cell, pos, all, all, c.rc, c.m));
      const got = neighborPairs(c.cell, pos, c.rc);
      expect(got.d.length).toBe(ref.length);
      const d = sorted(got.d);
      let worst = 0;
      for (let k = 0; k < d.length; k++) worst = Math.max(worst, Math.abs(d[k]! - ref[k]!));
      expect(worst).toBeLessThan(1e-10);
      // The vector and distance agree, and i ≠ j unless it is a real periodic image.
      for (let p = 0; p < got.d.length; p++) {
        const v = got.vec.subarray(3 * p, 3 * p + 3);
        expect(Math.hypot(v[0]!, v[1]!, v[2]!)).toBeCloseTo(got.d[p]!, 12);
        if (got.i[p] === got.j[p]) expect(got.d[p]).toBeGreaterThan(Math.min(...perpendicularWidths(c.cell)) - 1e-9);
      }
    });
  }

  it('makes no images along a non-periodic axis (slab), atoms outside the cell included', () => {
    const cell: Cell = [[7, 0, 0], [0, 7, 0], [0, 0, 10]];
    const rng = createRng(9);
    const n = 50;
    const pos = new Float64Array(3 * n).map((_, k) => (k % 3 === 2 ? rng.uniform() * 16 - 3 : rng.uniform() * 7));
    const got = sorted(neighborPairs(cell, pos, 4.2, null, null, [true, true, false]).d);
    const ref: number[] = [];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        for (let a = -1; a <= 1; a++)
          for (let b = -1; b <= 1; b++) {
            if (i === j && a === 0 && b === 0) continue;
            const d = Math.hypot(pos[3 * j]! + 7 * a - pos[3 * i]!, pos[3 * j + 1]! + 7 * b - pos[3 * i + 1]!, pos[3 * j + 2]! - pos[3 * i + 2]!);
            if (d < 4.2) ref.push(d);
          }
    expect(got.map((x) => x.toFixed(9))).toEqual(sorted(ref).map((x) => x.toFixed(9)));
  });

  it('uses several bins per axis in a large cell', () => {
    const cell: Cell = [[40, 0, 0], [0, 40, 0], [0, 0, 40]];
    const cl = buildCellList(cell, randomAtoms(cell, 500, 3), null, 4);
    expect(cl.n[0]).toBeGreaterThan(4);
    expect(cl.k).toEqual([1, 1, 1]);
  });

  it('restricts pairs to the from/to sets', () => {
    const cell: Cell = [[9, 0, 0], [0, 9, 0], [0, 0, 9]];
    const pos = randomAtoms(cell, 40, 11);
    const A = Int32Array.from([0, 1, 2, 3, 4]);
    const B = Int32Array.from(Array.from({ length: 20 }, (_, k) => 20 + k));
    const got = neighborPairs(cell, pos, 4, A, B);
    const ref = sorted(bruteDistances(cell, pos, Array.from(A), Array.from(B), 4, 1));
    expect(sorted(got.d).map((x) => x.toFixed(10))).toEqual(ref.map((x) => x.toFixed(10)));
    expect(got.i.every((i) => i < 5)).toBe(true);
    expect(got.j.every((j) => j >= 20)).toBe(true);
  });
});
