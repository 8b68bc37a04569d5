/**
 * Partial radial distribution functions g_AB(r) and running coordination numbers
 * (CONTRACT §5), one convention, float64:
 *
 *   bins [k·dr, (k+1)·dr), k = 0 … K−1, reported at centres (k + ½)·dr;
 *   shell_k = 4π/3 (r_hi³ − r_lo³) (exact, not 4πr²dr);
 *   g_AB(k) = V · n_AB(k) / (N_A · N_B · shell_k), with N_A(N_A − 1) for A = B,
 *   n_AB(k) = ordered pairs (i ∈ A, j ∈ B, i ≠ j, every periodic image) in bin k;
 *   averaged over frames (each frame with its own volume V);
 *   cn_AB(k) = Σ_{k' ≤ k} n_AB(k') / N_A, averaged over frames: the mean number of B within
 *   r_hi = (k + 1)·dr of an A atom.
 *
 * Cell lists make it O(N) per frame; r_max beyond half the cell is handled with explicit images.
 */
import type { Cell } from './structure.js';
import { cellVolume } from './structure.js';
import { buildCellList, histogramMinimumImage, histogramNeighbors, newQuery, useMinimumImage, type CellList } from './neighbors.js';

export interface RdfPair {
  /** Atomic numbers of A (centre) and B. */
  a: number;
  b: number;
}

export interface RdfResult {
  /** Bin centres, Å. */
  r: Float64Array;
  dr: number;
  rMax: number;
  frames: number;
  pairs: { a: number; b: number; g: Float64Array; cn: Float64Array }[];
}

/** Accumulates g(r) frame by frame (frames can stream). */
export class RdfAccumulator {
  readonly nbins: number;
  readonly rMax: number;
  private readonly index = new Map<number, Int32Array>();
  private readonly gSum: Float64Array[];
  private readonly cnSum: Float64Array[];
  private readonly counts: Float64Array;
  private readonly shells: Float64Array;
  private frameCount = 0;
  private readonly q = newQuery();

  /**
   * @param numbers atomic numbers of the atoms (fixed over frames)
   * @param pairs the partials to compute
   * @param rMax outer edge, Å (rounded down to a whole number of bins)
   * @param dr bin width, Å
   */
  constructor(
    readonly numbers: Uint8Array,
    readonly pairs: RdfPair[],
    rMax: number,
    readonly dr: number,
    readonly pbc: readonly [boolean, boolean, boolean] = [true, true, true],
  ) {
    if (!(dr > 0) || !(rMax > dr)) throw new RangeError('need 0 < dr < r_max');
    this.nbins = Math.floor(rMax / dr + 1e-9);
    this.rMax = this.nbins * dr;
    for (const z of new Set(pairs.flatMap((p) => [p.a, p.b]))) {
      const idx: number[] = [];
      numbers.forEach((x, i) => x === z && idx.push(i));
      if (idx.length === 0) throw new RangeError(`no atoms of element ${z}`);
      this.index.set(z, Int32Array.from(idx));
    }
    for (const p of pairs) if (p.a === p.b && this.index.get(p.a)!.length < 2) throw new RangeError('a same-species partial needs ≥ 2 atoms');
    this.gSum = pairs.map(() => new Float64Array(this.nbins));
    this.cnSum = pairs.map(() => new Float64Array(this.nbins));
    this.counts = new Float64Array(this.nbins);
    this.shells = new Float64Array(this.nbins);
    for (let k = 0; k < this.nbins; k++) {
      const lo = k * dr, hi = (k + 1) * dr;
      this.shells[k] = ((4 * Math.PI) / 3) * (hi * hi * hi - lo * lo * lo);
    }
  }

  /** Adds one frame: positions n×3 Å and its cell. */
  addFrame(positions: Float64Array, cell: Cell): void {
    const V = cellVolume(cell);
    const lists = new Map<number, CellList>();
    const listOf = (z: number): CellList => {
      let cl = lists.get(z);
      if (!cl) lists.set(z, (cl = buildCellList(cell, positions, this.index.get(z)!, this.rMax, this.pbc)));
      return cl;
    };
    const hist = this.counts;
    this.pairs.forEach((p, m) => {
      hist.fill(0);
      // Centres in cell-list order: neighbouring centres visit the same bins (cache locality).
      const A = listOf(p.a).atoms;
      const cl = listOf(p.b);
      // A = B: count each unordered pair once and double (ordered pairs, half the work).
      const same = p.a === p.b;
      const count = useMinimumImage(cl, this.rMax) ? histogramMinimumImage : histogramNeighbors;
      for (let e = 0; e < A.length; e++) {
        const i = A[e]!;
        count(cl, positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!, i, this.dr, hist, this.q, same);
      }
      if (same) for (let k = 0; k < this.nbins; k++) hist[k]! *= 2;
      const nA = A.length;
      const nB = p.a === p.b ? nA - 1 : this.index.get(p.b)!.length;
      const g = this.gSum[m]!, cn = this.cnSum[m]!;
      let run = 0;
      for (let k = 0; k < this.nbins; k++) {
        g[k]! += (V * hist[k]!) / (nA * nB * this.shells[k]!);
        run += hist[k]!;
        cn[k]! += run / nA;
      }
    });
    this.frameCount++;
  }

  get frames(): number {
    return this.frameCount;
  }

  result(): RdfResult {
    const f = this.frameCount || 1;
    const r = new Float64Array(this.nbins);
    for (let k = 0; k < this.nbins; k++) r[k] = (k + 0.5) * this.dr;
    return {
      r,
      dr: this.dr,
      rMax: this.rMax,
      frames: this.frameCount,
      pairs: this.pairs.map((p, m) => ({
        a: p.a,
        b: p.b,
        g: this.gSum[m]!.map((x) => x / f),
        cn: this.cnSum[m]!.map((x) => x / f),
      })),
    };
  }
}

/** Smallest smoothed first-peak height, and smallest peak-to-minimum depth as a fraction of it. */
const MIN_PEAK = 1.3;
const MIN_DEPTH = 0.25;

/**
 * Suggests a bond cutoff from a partial g(r): the first minimum after the first peak.
 * g is smoothed with a Gaussian of σ = `smoothA` Å (default 0.1); the first peak is the first local maximum with
 * g ≥ 1 (extended to the top of that peak); the minimum is the lowest smoothed value after it,
 * searched until g has climbed 90 % of the way back to 1 or by a fifth of the peak-to-minimum
 * depth, whichever comes first (so deeper wells of later shells are not taken). A flat minimum (a gap where g = 0) gives its middle.
 * Returns undefined if there is no peak or no minimum, or if the smoothed peak is below 1.3 or
 * the minimum less than 25 % below it (noise of an unstructured packing, not a shell).
 */
export function firstMinimum(r: ArrayLike<number>, g: ArrayLike<number>, smoothA = 0.1): number | undefined {
  const n = g.length;
  const dr = n > 1 ? r[1]! - r[0]! : 1;
  // Gaussian smoothing, σ = smoothA Å (≥ 1 bin), truncated at 3σ and renormalised at the edges.
  const sigma = Math.max(1, smoothA / dr);
  const half = Math.ceil(3 * sigma);
  const w = new Float64Array(2 * half + 1).map((_, o) => Math.exp(-0.5 * ((o - half) / sigma) ** 2));
  const s = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sum = 0;
    let c = 0;
    for (let o = -half; o <= half; o++) {
      if (k + o >= 0 && k + o < n) {
        sum += w[o + half]! * g[k + o]!;
        c += w[o + half]!;
      }
    }
    s[k] = sum / c;
  }
  let peak = -1;
  for (let k = 1; k < n - 1 && peak < 0; k++) {
    if (s[k]! >= 1 && s[k]! >= s[k - 1]! && s[k]! > s[k + 1]!) {
      peak = k;
      for (let j = k; j < n && s[j]! > 0.5 * s[peak]!; j++) if (s[j]! > s[peak]!) peak = j;
    }
  }
  if (peak < 0) return undefined;
  const top = s[peak]!;
  let minVal = top;
  let first = -1;
  let last = -1;
  const tol = 1e-12 * Math.max(1, top);
  for (let k = peak + 1; k < n; k++) {
    const v = s[k]!;
    if (v < minVal - tol) {
      minVal = v;
      first = last = k;
    } else if (first >= 0 && Math.abs(v - minVal) <= tol && last === k - 1) {
      last = k;
    }
    // The next shell has begun once g recovered 90 % of the way back to 1 (or a fifth of the depth).
    const rise = Math.min(minVal < 1 ? 0.9 * (1 - minVal) : Infinity, 0.2 * (top - minVal));
    if (first >= 0 && v - minVal >= rise) break;
  }
  if (first < 0) return undefined;
  // A real coordination shell: a peak clearly above 1 and a minimum clearly below it (random
  // packings give noise peaks near 1 that must not become cutoffs).
  if (top < MIN_PEAK || top - minVal < MIN_DEPTH * top) return undefined;
  return (r[first]! + r[last]!) / 2;
}
