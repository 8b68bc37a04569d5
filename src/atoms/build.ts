/**
 * A random amorphous starting cell: a cubic box of the given density filled with the atoms of
 * `units` formula units at random positions, then relaxed by pushing apart every pair closer
 * than its minimum distance until none is (a geometric overlap removal, not a physical
 * relaxation — a melt-quench follows in practice). Unlike random sequential addition, which
 * jams near 38 % packing at realistic anion contacts, overlap removal reaches 3 g/cm³ NHOC
 * easily, in O(N) per sweep with cell lists.
 *
 * Minimum distances (Å) from Shannon ionic radii r (6-coordinate; table below):
 *   cation–anion 0.85·(r_c + r_a)    e.g. Hf–O 1.79, Hf–Cl 2.14, Na–Cl 2.40
 *   anion–anion  0.80·(r_a + r_b)    e.g. O–O 2.24, O–Cl 2.57, Cl–Cl 2.90
 *   cation–cation max(0.80·(r_c + r_d), 2.6)
 * `minDistance` replaces all of them by one value. Same seed, same cell.
 */
import { atomicMass, atomicNumber } from '../core/elements.js';
import { createRng } from '../core/rng.js';
import type { Structure } from './structure.js';
import { U_PER_A3_TO_G_PER_CM3 } from './composition.js';
import { buildCellList, forEachNeighbor, newQuery } from './neighbors.js';

/** Shannon ionic radii, Å (CN 6; R. D. Shannon, Acta Cryst. A32 (1976) 751). */
const CATION_RADIUS: Record<string, number> = {
  H: 0.3, Li: 0.76, Na: 1.02, K: 1.38, Rb: 1.52, Cs: 1.67, Be: 0.45, Mg: 0.72, Ca: 1.0, Sr: 1.18, Ba: 1.35,
  B: 0.27, Al: 0.535, Ga: 0.62, In: 0.8, Tl: 0.885, Si: 0.4, Ge: 0.53, Sn: 0.69, Pb: 1.19, P: 0.38, As: 0.46,
  Sb: 0.6, Bi: 1.03, Sc: 0.745, Y: 0.9, La: 1.032, Ce: 0.87, Nd: 0.983, Gd: 0.938, Yb: 0.868, Lu: 0.861,
  Ti: 0.605, Zr: 0.72, Hf: 0.71, V: 0.54, Nb: 0.64, Ta: 0.64, Cr: 0.615, Mo: 0.59, W: 0.6, Mn: 0.645,
  Fe: 0.645, Co: 0.545, Ni: 0.69, Cu: 0.73, Zn: 0.74, Ag: 1.15, Cd: 0.95, C: 0.16,
};
const ANION_RADIUS: Record<string, number> = {
  O: 1.4, S: 1.84, Se: 1.98, Te: 2.21, F: 1.33, Cl: 1.81, Br: 1.96, I: 2.2, N: 1.46,
};
const DEFAULT_CATION_RADIUS = 0.8;
/** Sweeps without fewer overlaps after which the packing is taken as infeasible. */
const STALL_SWEEPS = 300;

export interface BuildOptions {
  /** Element counts of one formula unit (order kept). */
  formula: Map<string, number>;
  units: number;
  /** g/cm³. */
  density: number;
  /** One minimum distance for all pairs, Å (default: pair-specific, see above). */
  minDistance?: number;
  seed?: number;
  /** Sweeps before giving up (default 5000; it also stops after 300 sweeps without progress). */
  maxSweeps?: number;
}

export interface BuildResult {
  structure: Structure;
  /** Pair minimum distances used, "A-B" → Å. */
  minDistances: Record<string, number>;
  sweeps: number;
  /** Smallest d/d_min over all pairs at the end (≥ 1 when every constraint holds). */
  worstRatio: number;
}

/** The minimum distance (Å) the builder keeps between two elements. */
export function pairMinDistance(a: string, b: string): number {
  const ra = ANION_RADIUS[a], rb = ANION_RADIUS[b];
  const ca = CATION_RADIUS[a] ?? DEFAULT_CATION_RADIUS, cb = CATION_RADIUS[b] ?? DEFAULT_CATION_RADIUS;
  if (ra !== undefined && rb !== undefined) return 0.8 * (ra + rb);
  if (ra !== undefined) return 0.85 * (ra + cb);
  if (rb !== undefined) return 0.85 * (ca + rb);
  return Math.max(0.8 * (ca + cb), 2.6);
}

export function buildAmorphous(opts: BuildOptions): BuildResult {
  const species = [...opts.formula.keys()];
  const perUnit = species.map((s) => opts.formula.get(s)!);
  if (!Number.isInteger(opts.units) || opts.units < 1) throw new RangeError('units must be a whole number ≥ 1');
  if (!(opts.density > 0)) throw new RangeError('density must be > 0');
  for (const c of perUnit) {
    if (!Number.isInteger(c * opts.units)) throw new RangeError('formula counts × units must be whole numbers of atoms');
  }
  const zs = species.map((s) => atomicNumber(s)!);
  const counts = perUnit.map((c) => c * opts.units);
  const n = counts.reduce((a, b) => a + b, 0);
  const mass = zs.reduce((m, z, k) => m + atomicMass(z) * counts[k]!, 0);
  const volume = (mass / opts.density) * U_PER_A3_TO_G_PER_CM3;
  const L = Math.cbrt(volume);
  const S = species.length;
  const dmin = new Float64Array(S * S);
  const minDistances: Record<string, number> = {};
  for (let p = 0; p < S; p++) {
    for (let q = 0; q < S; q++) {
      const d = opts.minDistance ?? pairMinDistance(species[p]!, species[q]!);
      dmin[p * S + q] = d;
      if (p <= q) minDistances[`${species[p]}-${species[q]}`] = d;
    }
  }
  let rc = 0;
  for (const d of dmin) rc = Math.max(rc, d);
  if (rc >= L / 2) throw new RangeError(`the cell (${L.toFixed(2)} Å) is too small for ${rc.toFixed(2)} Å minimum distances; use more units`);
  const kind = new Int32Array(n);
  const numbers = new Uint8Array(n);
  let o = 0;
  counts.forEach((c, k) => {
    kind.fill(k, o, o + c);
    numbers.fill(zs[k]!, o, o + c);
    o += c;
  });
  const rng = createRng(opts.seed ?? 1);
  const pos = new Float64Array(3 * n);
  for (let i = 0; i < 3 * n; i++) pos[i] = rng.uniform() * L;
  const cell: Structure['cell'] = [
    [L, 0, 0],
    [0, L, 0],
    [0, 0, L],
  ];
  const move = new Float64Array(3 * n);
  const maxSweeps = opts.maxSweeps ?? 5000;
  const q = newQuery();
  // Push a little beyond d_min so the last sweeps do not crawl.
  const target = 1.02;
  let sweeps = 0;
  let worst = 0;
  let ki = 0;
  let current = 0;
  let overlaps = 0;
  let bestOverlaps = Infinity;
  let bestSweep = 0;
  const visit = (j: number, d2: number, dx: number, dy: number, dz: number): void => {
    if (j <= current) return; // each pair once
    const dm = dmin[ki * S + kind[j]!]!;
    if (d2 >= dm * dm) return;
    const d = Math.sqrt(d2);
    const ratio = d / dm;
    if (ratio < worst) worst = ratio;
    overlaps++;
    let ux: number, uy: number, uz: number;
    if (d > 1e-9) {
      ux = dx / d;
      uy = dy / d;
      uz = dz / d;
    } else {
      // Coincident atoms: a deterministic direction.
      ux = 1;
      uy = 0;
      uz = 0;
    }
    const push = 0.5 * (target * dm - d);
    move[3 * j]! += push * ux;
    move[3 * j + 1]! += push * uy;
    move[3 * j + 2]! += push * uz;
    move[3 * current]! -= push * ux;
    move[3 * current + 1]! -= push * uy;
    move[3 * current + 2]! -= push * uz;
  };
  for (;;) {
    const cl = buildCellList(cell, pos, null, rc);
    move.fill(0);
    worst = Infinity;
    overlaps = 0;
    for (let i = 0; i < n; i++) {
      current = i;
      ki = kind[i]!;
      const dm = opts.minDistance ?? maxRow(dmin, ki, S);
      forEachNeighbor(cl, pos[3 * i]!, pos[3 * i + 1]!, pos[3 * i + 2]!, i, dm, visit, q);
    }
    if (overlaps === 0) break;
    if (++sweeps > maxSweeps) break;
    // Give up when the overlap count has not improved for a long while (infeasible packing).
    if (overlaps < bestOverlaps) {
      bestOverlaps = overlaps;
      bestSweep = sweeps;
    } else if (sweeps - bestSweep > STALL_SWEEPS) break;
    for (let i = 0; i < 3 * n; i++) {
      // Limit a step to 0.5 Å so crowded atoms do not fly across the cell.
      const m = move[i]!;
      let p = pos[i]! + (m > 0.5 ? 0.5 : m < -0.5 ? -0.5 : m);
      p -= Math.floor(p / L) * L;
      pos[i] = p;
    }
  }
  // Final check of the smallest ratio.
  const finalWorst = overlaps === 0 ? 1 : worst;
  return {
    structure: {
      cell,
      numbers,
      positions: pos,
      pbc: [true, true, true],
      info: {
        formula: species.map((s, k) => s + (perUnit[k] === 1 ? '' : String(perUnit[k]))).join(''),
        units: opts.units,
        density_g_cm3: opts.density,
        seed: opts.seed ?? 1,
        builder: 'superionic structure build',
      },
    },
    minDistances,
    sweeps,
    worstRatio: finalWorst,
  };
}

function maxRow(dmin: Float64Array, k: number, S: number): number {
  let m = 0;
  for (let q = 0; q < S; q++) m = Math.max(m, dmin[k * S + q]!);
  return m;
}

