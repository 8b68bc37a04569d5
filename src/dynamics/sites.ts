/**
 * Ion site occupancy on a grid and hop detection, for pathway maps.
 *
 * OccupancyGrid bins the (wrapped) fractional coordinates of the tracked ions on an na×nb×nc
 * grid over the cell; `density()` gives the time-averaged number density per voxel (1/Å³).
 * `findSites` takes local maxima of that density (26-neighbour, periodic) above a threshold as
 * sites. `detectHops` assigns each ion at each frame to the nearest site within `radius` Å
 * (minimum image), keeps the last site while an ion is between sites (so vibrations around a
 * saddle are not counted twice), and records a hop whenever the assigned site changes.
 */
import type { Cell } from '../atoms/structure.js';
import { cellVolume } from '../atoms/structure.js';
import { invert3 } from './unwrap.js';

export class OccupancyGrid {
  readonly counts: Float64Array;
  private frames = 0;
  /** Inverse of the fixed cell, computed once rather than per frame. */
  private readonly inv: Float64Array;

  constructor(
    readonly cell: Cell,
    readonly shape: [number, number, number],
  ) {
    this.counts = new Float64Array(shape[0] * shape[1] * shape[2]);
    this.inv = invert3(cell);
  }

  /** Adds one frame: positions (3n, Å) and the indices of the ions to bin. */
  add(positions: Float64Array, indices: ArrayLike<number>): void {
    const inv = this.inv;
    const [na, nb, nc] = this.shape;
    for (let j = 0; j < indices.length; j++) {
      const o = 3 * indices[j]!;
      const [fa, fb, fc] = toFrac(positions[o]!, positions[o + 1]!, positions[o + 2]!, inv);
      const ia = Math.min(na - 1, Math.floor(wrap01(fa) * na));
      const ib = Math.min(nb - 1, Math.floor(wrap01(fb) * nb));
      const ic = Math.min(nc - 1, Math.floor(wrap01(fc) * nc));
      this.counts[(ia * nb + ib) * nc + ic]! += 1;
    }
    this.frames++;
  }

  /** Mean number of ions per voxel per frame divided by the voxel volume, 1/Å³. */
  density(): Float64Array {
    const v = cellVolume(this.cell) / this.counts.length;
    const f = this.frames > 0 ? 1 / (this.frames * v) : 0;
    return this.counts.map((c) => c * f);
  }
}

export interface Site {
  /** Fractional coordinates of the voxel centre. */
  frac: [number, number, number];
  /** Density at the maximum, 1/Å³. */
  density: number;
}

/** Periodic local maxima of `density` (shape na×nb×nc) above `threshold` (1/Å³). */
export function findSites(density: Float64Array, shape: [number, number, number], threshold: number): Site[] {
  const [na, nb, nc] = shape;
  const sites: Site[] = [];
  const at = (a: number, b: number, c: number) =>
    density[(((a + na) % na) * nb + ((b + nb) % nb)) * nc + ((c + nc) % nc)]!;
  for (let a = 0; a < na; a++)
    for (let b = 0; b < nb; b++)
      for (let c = 0; c < nc; c++) {
        const v = at(a, b, c);
        if (!(v > threshold)) continue;
        let isMax = true;
        for (let da = -1; da <= 1 && isMax; da++)
          for (let db = -1; db <= 1 && isMax; db++)
            for (let dc = -1; dc <= 1 && isMax; dc++) {
              if (da === 0 && db === 0 && dc === 0) continue;
              const w = at(a + da, b + db, c + dc);
              // Ties broken by index order so a flat plateau yields one site.
              if (w > v || (w === v && (da < 0 || (da === 0 && (db < 0 || (db === 0 && dc < 0)))))) isMax = false;
            }
        if (isMax) sites.push({ frac: [(a + 0.5) / na, (b + 0.5) / nb, (c + 0.5) / nc], density: v });
      }
  return sites;
}

export interface Hop {
  /** Index of the ion within the tracked set. */
  ion: number;
  /** Frame at which the ion is first seen at the new site. */
  frame: number;
  from: number;
  to: number;
}

export interface HopAnalysis {
  hops: Hop[];
  /** Site index per ion per frame (−1 = not within `radius` of any site yet), frame-major. */
  assignment: Int32Array;
  /** Fraction of ion-frames within `radius` of a site. */
  occupiedFraction: number;
}

/** Positions [t][i][xyz] (wrapped or unwrapped, Å) of `ions` tracked ions in a fixed cell. */
export function detectHops(
  positions: Float64Array,
  frames: number,
  ions: number,
  cell: Cell,
  sites: Site[],
  radius: number,
): HopAnalysis {
  const inv = invert3(cell);
  const assignment = new Int32Array(frames * ions).fill(-1);
  const current = new Int32Array(ions).fill(-1);
  const hops: Hop[] = [];
  let inside = 0;
  const r2max = radius * radius;
  for (let t = 0; t < frames; t++) {
    for (let i = 0; i < ions; i++) {
      const o = (t * ions + i) * 3;
      const f = toFrac(positions[o]!, positions[o + 1]!, positions[o + 2]!, inv);
      let best = -1;
      let bestD2 = r2max;
      for (let s = 0; s < sites.length; s++) {
        const sf = sites[s]!.frac;
        let da = f[0] - sf[0], db = f[1] - sf[1], dc = f[2] - sf[2];
        da -= Math.round(da); db -= Math.round(db); dc -= Math.round(dc);
        const x = da * cell[0][0] + db * cell[1][0] + dc * cell[2][0];
        const y = da * cell[0][1] + db * cell[1][1] + dc * cell[2][1];
        const z = da * cell[0][2] + db * cell[1][2] + dc * cell[2][2];
        const d2 = x * x + y * y + z * z;
        if (d2 <= bestD2) {
          bestD2 = d2;
          best = s;
        }
      }
      if (best >= 0) {
        inside++;
        if (current[i]! >= 0 && current[i] !== best) hops.push({ ion: i, frame: t, from: current[i]!, to: best });
        current[i] = best;
      }
      assignment[t * ions + i] = current[i]!;
    }
  }
  return { hops, assignment, occupiedFraction: frames * ions > 0 ? inside / (frames * ions) : 0 };
}

function toFrac(x: number, y: number, z: number, inv: Float64Array): [number, number, number] {
  return [
    x * inv[0]! + y * inv[3]! + z * inv[6]!,
    x * inv[1]! + y * inv[4]! + z * inv[7]!,
    x * inv[2]! + y * inv[5]! + z * inv[8]!,
  ];
}

function wrap01(f: number): number {
  return f - Math.floor(f);
}
