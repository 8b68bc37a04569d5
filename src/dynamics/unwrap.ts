/**
 * Streaming unwrapper and drift removal. Frames arrive one at a time (a trajectory may be far
 * larger than memory); only the tracked atoms' unwrapped positions are kept.
 *
 * Unwrapping: between consecutive frames each atom's displacement is taken to the nearest
 * periodic image (fractional displacement minus its rounded value, in the current cell). When
 * velocities are stored, the image nearest to the displacement predicted by the trapezoidal rule
 * ½(v₀+v₁)Δt is chosen instead, which stays right for strides where an atom moves more than
 * half a cell. Without velocities, a frame-to-frame move beyond a quarter of the cell along any
 * cell vector is counted as ambiguous (the minimum image becomes a guess as it nears ½); the
 * caller warns.
 *
 * Drift: the centre of mass (mass-weighted, unwrapped) of a reference group is subtracted from
 * every tracked atom — by default the framework (all atoms not tracked, as pymatgen's
 * DiffusionAnalyzer does), or the whole system ('com'), or nothing ('none').
 */
import type { Cell } from '../atoms/structure.js';
import { cellDeterminant, cellInverse } from '../atoms/lattice.js';

export type DriftCorrection = 'framework' | 'com' | 'none';

export interface UnwrapOptions {
  /** Indices of the atoms whose unwrapped positions are kept. */
  tracked: ArrayLike<number>;
  /** Mass of every atom (any unit), for the centre of mass. */
  masses: ArrayLike<number>;
  drift?: DriftCorrection;
  /** Positions in the file are already unwrapped (LAMMPS xu yu zu, extxyz of an unwrapped run). */
  alreadyUnwrapped?: boolean;
  /** Time between frames in fs, needed to use velocities (Å/fs) for unwrapping. */
  frameIntervalFs?: number;
}

export interface UnwrappedSeries {
  frames: number;
  /** Number of tracked atoms. */
  atoms: number;
  /** Drift-corrected unwrapped positions of the tracked atoms, frame-major: [t][i][xyz], Å. */
  positions: Float64Array;
  /** Reference-group centre-of-mass displacement per frame, Å (what was subtracted). */
  drift: Float64Array;
  /** Atom-steps whose image choice was ambiguous (move > ¼ cell between frames, no velocities). */
  ambiguousSteps: number;
  /** Largest frame-to-frame move seen, as a fraction of the cell vector it runs along. */
  maxStepFraction: number;
}

export class Unwrapper {
  private readonly n: number;
  private readonly tracked: Int32Array;
  private readonly masses: Float64Array;
  private readonly refWeights: Float64Array;
  private readonly refMass: number;
  private prev: Float64Array | null = null;
  private prevVel: Float64Array | null = null;
  private readonly current: Float64Array;
  private readonly origin: Float64Array;
  private chunks: Float64Array[] = [];
  private driftChunks: number[] = [];
  private count = 0;
  private ambiguous = 0;
  private maxFrac = 0;

  constructor(
    natoms: number,
    private readonly opts: UnwrapOptions,
  ) {
    this.n = natoms;
    this.tracked = Int32Array.from(opts.tracked);
    this.masses = Float64Array.from(opts.masses);
    if (this.masses.length !== natoms) throw new RangeError('masses must have one entry per atom');
    const drift = opts.drift ?? 'framework';
    const isTracked = new Uint8Array(natoms);
    for (const i of this.tracked) isTracked[i] = 1;
    this.refWeights = new Float64Array(natoms);
    let total = 0;
    for (let i = 0; i < natoms; i++) {
      const w = drift === 'none' ? 0 : drift === 'com' || !isTracked[i] ? this.masses[i]! : 0;
      this.refWeights[i] = w;
      total += w;
    }
    this.refMass = total;
    this.current = new Float64Array(3 * natoms);
    this.origin = new Float64Array(3);
  }

  /** Adds the next frame: Cartesian positions (3n, Å), its cell, optional velocities (Å/fs). */
  push(positions: Float64Array, cell: Cell, velocities?: Float64Array): void {
    const n = this.n;
    if (positions.length !== 3 * n) throw new RangeError(`frame has ${positions.length / 3} atoms, expected ${n}`);
    const cur = this.current;
    if (!this.prev || this.opts.alreadyUnwrapped) {
      cur.set(positions);
    } else {
      this.step(positions, cell, velocities);
    }
    if (!this.prev) this.prev = new Float64Array(3 * n);
    this.prev.set(positions);
    if (velocities) {
      if (!this.prevVel) this.prevVel = new Float64Array(3 * n);
      this.prevVel.set(velocities);
    } else this.prevVel = null;
    this.record();
  }

  private step(positions: Float64Array, cell: Cell, velocities?: Float64Array): void {
    const inv = invert3(cell);
    const prev = this.prev!;
    const cur = this.current;
    const dtFs = this.opts.frameIntervalFs;
    const useVel = velocities !== undefined && this.prevVel !== null && dtFs !== undefined && dtFs > 0;
    const pv = this.prevVel;
    for (let i = 0; i < this.n; i++) {
      const o = 3 * i;
      const dx = positions[o]! - prev[o]!;
      const dy = positions[o + 1]! - prev[o + 1]!;
      const dz = positions[o + 2]! - prev[o + 2]!;
      let px = 0, py = 0, pz = 0;
      if (useVel) {
        px = 0.5 * (velocities![o]! + pv![o]!) * dtFs!;
        py = 0.5 * (velocities![o + 1]! + pv![o + 1]!) * dtFs!;
        pz = 0.5 * (velocities![o + 2]! + pv![o + 2]!) * dtFs!;
      }
      // Fractional residual of (actual − predicted) displacement: f = d·H⁻¹ (rows are vectors).
      const rx = dx - px, ry = dy - py, rz = dz - pz;
      const fa = rx * inv[0] + ry * inv[3] + rz * inv[6];
      const fb = rx * inv[1] + ry * inv[4] + rz * inv[7];
      const fc = rx * inv[2] + ry * inv[5] + rz * inv[8];
      const na = Math.round(fa), nb = Math.round(fb), nc = Math.round(fc);
      const ra = Math.abs(fa - na), rb = Math.abs(fb - nb), rc = Math.abs(fc - nc);
      const worst = Math.max(ra, rb, rc);
      if (worst > this.maxFrac) this.maxFrac = worst;
      if (!useVel && worst > 0.25) this.ambiguous++;
      const sx = na * cell[0][0] + nb * cell[1][0] + nc * cell[2][0];
      const sy = na * cell[0][1] + nb * cell[1][1] + nc * cell[2][1];
      const sz = na * cell[0][2] + nb * cell[1][2] + nc * cell[2][2];
      cur[o] = cur[o]! + dx - sx;
      cur[o + 1] = cur[o + 1]! + dy - sy;
      cur[o + 2] = cur[o + 2]! + dz - sz;
    }
  }

  private record(): void {
    const cur = this.current;
    let cx = 0, cy = 0, cz = 0;
    if (this.refMass > 0) {
      const w = this.refWeights;
      for (let i = 0; i < this.n; i++) {
        const m = w[i]!;
        if (m === 0) continue;
        cx += m * cur[3 * i]!;
        cy += m * cur[3 * i + 1]!;
        cz += m * cur[3 * i + 2]!;
      }
      cx /= this.refMass;
      cy /= this.refMass;
      cz /= this.refMass;
    }
    if (this.count === 0) {
      this.origin[0] = cx;
      this.origin[1] = cy;
      this.origin[2] = cz;
    }
    cx -= this.origin[0]!;
    cy -= this.origin[1]!;
    cz -= this.origin[2]!;
    const m = this.tracked.length;
    const out = new Float64Array(3 * m);
    for (let j = 0; j < m; j++) {
      const i = this.tracked[j]!;
      out[3 * j] = cur[3 * i]! - cx;
      out[3 * j + 1] = cur[3 * i + 1]! - cy;
      out[3 * j + 2] = cur[3 * i + 2]! - cz;
    }
    this.chunks.push(out);
    this.driftChunks.push(cx, cy, cz);
    this.count++;
  }

  result(): UnwrappedSeries {
    const m = this.tracked.length;
    const positions = new Float64Array(this.count * 3 * m);
    this.chunks.forEach((c, t) => positions.set(c, t * 3 * m));
    return {
      frames: this.count,
      atoms: m,
      positions,
      drift: Float64Array.from(this.driftChunks),
      ambiguousSteps: this.ambiguous,
      maxStepFraction: this.maxFrac,
    };
  }
}

/** atoms/lattice cellInverse (row-major, f = r·H⁻¹), refusing a singular cell with a RangeError. */
export function invert3(h: Cell): Float64Array {
  if (!(Math.abs(cellDeterminant(h)) > 0)) throw new RangeError('the cell is singular (zero volume)');
  return cellInverse(h);
}
