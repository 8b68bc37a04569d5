/**
 * D with an honest uncertainty from a windowed MSD: generalised least squares with the
 * covariance of overlapping windows, following the model of kinisi (McCluskey, Coles, Morgan,
 * J. Chem. Theory Comput. 20 (2024); kinisi.readthedocs.io "uncertainty" notes):
 *
 *  - lags m in the fit window; n_o(m) = N_atoms·(T−1)/m independent observations at lag m
 *    (non-overlapping windows × atoms);
 *  - Var(MSD_m) = a·t_m²/n_o(m) — the random-walk form — with `a` fitted (least squares
 *    through the origin) to the sample variances var(d²)/n_o(m) of the squared displacements;
 *  - Cov(MSD_i, MSD_j) = Var(MSD_i)·n_o(i)/n_o(j) for m_i ≤ m_j (a later window contains the
 *    earlier one), i.e. correlation √(m_i/m_j);
 *  - GLS of MSD = 6D·t + c with eigenvalues of Σ clipped at λ_max/1e12; σ_D = σ_slope/6.
 *
 * Ordinary least squares on the same points treats them as independent and understates σ_D
 * by ~30× (on 64 walkers × 200 frames: OLS 0.23 % vs a real scatter of 7 %; this GLS: 4.5 %
 * vs 3.7 %). On the shared reference trajectory this reproduces the anchor implementation
 * (anchors/structure/msd.py gls_kinisi_like) to rounding.
 */
import { glsLine, olsLine } from '../numerics/gls.js';

export interface DiffusionFit {
  /** Å²/ps */
  D: number;
  /** Å²/ps, one standard error */
  stderr: number;
  /** Å² */
  intercept: number;
  /** Lags (frames) of the fit window. */
  firstLag: number;
  lastLag: number;
  /** Lags actually used (the window is thinned to ≤ maxLags for the covariance). */
  lagsUsed: number;
  method: 'gls' | 'ols';
  /** OLS on the same points, for comparison (its stderr is not trustworthy). */
  ols: { D: number; stderr: number };
}

export interface GlsOptions {
  /** First and last lag in frames (inclusive). */
  firstLag: number;
  lastLag: number;
  /** ps per frame. */
  frameIntervalPs: number;
  /** Dimensionality of the walk (3 for bulk). */
  dimensions?: number;
  /** Largest number of lags in the covariance matrix (evenly thinned above it). */
  maxLags?: number;
  /** Work budget (atom-origins summed over lags) for the per-lag variance of d². */
  varianceBudget?: number;
}

/**
 * Fits D from a windowed MSD curve `msd` (Å², index = lag in frames) of `atoms` series whose
 * positions are [t][i][xyz] (needed for the variance of d²).
 */
export function fitDiffusionGls(
  positions: Float64Array,
  frames: number,
  atoms: number,
  msd: Float64Array,
  opts: GlsOptions,
): DiffusionFit {
  const T = frames;
  const dim = opts.dimensions ?? 3;
  const first = Math.max(1, Math.floor(opts.firstLag));
  const last = Math.min(T - 1, Math.floor(opts.lastLag));
  if (last - first < 2) throw new RangeError(`fit window of lags ${first}…${last} frames has fewer than 3 points`);
  const lags = thinLags(first, last, opts.maxLags ?? 400);
  const L = lags.length;
  const mMax = T - 1;
  const t = new Float64Array(L);
  const y = new Float64Array(L);
  const nO = new Float64Array(L);
  for (let k = 0; k < L; k++) {
    t[k] = lags[k]! * opts.frameIntervalPs;
    y[k] = msd[lags[k]!]!;
    nO[k] = (atoms * mMax) / lags[k]!;
  }
  // Variance model a·t²/n_o fitted to sampled var(d²)/n_o (origins strided when over budget).
  let num = 0, den = 0;
  const budget = opts.varianceBudget ?? 2e7;
  let work = 0;
  for (const m of lags) work += (T - m) * atoms;
  const originStride = Math.max(1, Math.ceil(work / budget));
  for (const m of lags) {
    const v = varianceOfSquaredDisplacement(positions, T, atoms, m, originStride);
    const n = (atoms * mMax) / m;
    const basis = (m * opts.frameIntervalPs) ** 2 / n;
    num += basis * (v / n);
    den += basis * basis;
  }
  const a = Math.max(num / den, 0);
  const cov = new Float64Array(L * L);
  for (let i = 0; i < L; i++) {
    const vi = (a * t[i]! * t[i]!) / nO[i]!;
    for (let j = i; j < L; j++) {
      const c = (vi * nO[i]!) / nO[j]!;
      cov[i * L + j] = c;
      cov[j * L + i] = c;
    }
  }
  const ols = olsLine(t, y);
  const f = 2 * dim;
  if (!(a > 0)) {
    return {
      D: ols.slope / f, stderr: ols.slopeStderr / f, intercept: ols.intercept, firstLag: first, lastLag: last,
      lagsUsed: L, method: 'ols', ols: { D: ols.slope / f, stderr: ols.slopeStderr / f },
    };
  }
  const g = glsLine(t, y, cov);
  return {
    D: g.slope / f,
    stderr: g.slopeStderr / f,
    intercept: g.intercept,
    firstLag: first,
    lastLag: last,
    lagsUsed: L,
    method: 'gls',
    ols: { D: ols.slope / f, stderr: ols.slopeStderr / f },
  };
}

/** Sample variance (ddof 1) of |r(k+m) − r(k)|² over atoms and origins k (every `stride`-th). */
export function varianceOfSquaredDisplacement(
  positions: Float64Array,
  frames: number,
  atoms: number,
  m: number,
  stride = 1,
): number {
  const s3 = 3 * atoms;
  let n = 0, mean = 0, m2 = 0;
  for (let k = 0; k + m < frames; k += stride) {
    const a = k * s3, b = (k + m) * s3;
    for (let i = 0; i < s3; i += 3) {
      const dx = positions[b + i]! - positions[a + i]!;
      const dy = positions[b + i + 1]! - positions[a + i + 1]!;
      const dz = positions[b + i + 2]! - positions[a + i + 2]!;
      const d2 = dx * dx + dy * dy + dz * dz;
      n++;
      const delta = d2 - mean;
      mean += delta / n;
      m2 += delta * (d2 - mean);
    }
  }
  return n > 1 ? m2 / (n - 1) : 0;
}

/** Up to `max` lags from first…last inclusive, evenly spread, endpoints kept, no repeats. */
export function thinLags(first: number, last: number, max: number): Int32Array {
  const count = last - first + 1;
  if (count <= max) return Int32Array.from({ length: count }, (_, k) => first + k);
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const m = Math.round(first + ((last - first) * k) / (max - 1));
    if (out.length === 0 || m !== out[out.length - 1]) out.push(m);
  }
  return Int32Array.from(out);
}
