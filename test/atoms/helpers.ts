/** Shared helpers for the atoms tests: reading shared fixtures and brute-force references. */
import { readFileSync } from 'node:fs';
import { readTrajectory } from '../../src/formats/structure/read.js';
import type { Cell } from '../../src/atoms/structure.js';
import type { Frame, Trajectory } from '../../src/atoms/trajectory.js';

export function load(path: string): Trajectory {
  return readTrajectory(new Uint8Array(readFileSync(path)), path).trajectory;
}

export function allFrames(t: Trajectory): Frame[] {
  return [...(t.frames() as Iterable<Frame>)];
}

/**
 * Every image distance |r_j + n·cell − r_i| < rc for i ∈ A, j ∈ B (i ≠ j when n = 0), by
 * enumerating lattice translations |n_d| ≤ m: an independent O(N²·(2m+1)³) reference.
 */
export function bruteDistances(cell: Cell, pos: Float64Array, A: number[], B: number[], rc: number, m: number): number[] {
  const out: number[] = [];
  for (const i of A) {
    for (const j of B) {
      for (let a = -m; a <= m; a++)
        for (let b = -m; b <= m; b++)
          for (let c = -m; c <= m; c++) {
            if (i === j && a === 0 && b === 0 && c === 0) continue;
            let d2 = 0;
            for (let x = 0; x < 3; x++) {
              const d = pos[3 * j + x]! + a * cell[0][x] + b * cell[1][x] + c * cell[2][x] - pos[3 * i + x]!;
              d2 += d * d;
            }
            if (d2 < rc * rc) out.push(Math.sqrt(d2));
          }
    }
  }
  return out;
}

/** Partial g(r) by the contract's formula from a list of ordered-pair distances of one frame. */
export function gFromDistances(dist: number[], V: number, nA: number, nB: number, same: boolean, dr: number, nbins: number): number[] {
  const h = new Array<number>(nbins).fill(0);
  for (const d of dist) {
    const k = Math.floor(d / dr);
    if (k < nbins) h[k]!++;
  }
  return h.map((c, k) => (V * c) / (nA * (same ? nA - 1 : nB) * ((4 * Math.PI) / 3) * (((k + 1) * dr) ** 3 - (k * dr) ** 3)));
}
