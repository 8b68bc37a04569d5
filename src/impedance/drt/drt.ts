/**
 * Distribution of relaxation times by Tikhonov regularisation with radial basis functions
 * (Wan, Saccoccio, Chen, Ciucci, Electrochim. Acta 184 (2015) 483 — the pyDRTtools model):
 *
 *   Z(ω) = R∞ + jωL [+ 1/(jωC)] + ∫ γ(ln τ)/(1 + jωτ) d ln τ,   γ(ln τ) = Σ_m x_m φ(ln τ − ln τ_m),
 *
 * so ∫ γ d ln τ is the polarisation resistance and γ is in Ω. Unknowns R∞, L, 1/C, x solve
 *
 *   min Σ_n w_n² (|Z'_fit − Z'|² + |Z''_fit − Z''|²) + λ Σ_ij x_i x_j ∫ φ_i^{(k)} φ_j^{(k)} d ln τ
 *   subject to x ≥ 0, R∞ ≥ 0, 1/C ≥ 0 and (default) L ≥ 0,
 *
 * k = 1 or 2; w_n = 1 (default) is pyDRTtools' objective (same λ scale), w_n = mean|Z|/|Z_n|
 * weights relative errors. λ does not depend on the unit of Z because both terms scale as Z².
 * The basis centres τ_m are log-uniform from 1/(2π f_max) to 1/(2π f_min), extended by half a
 * decade on both sides, at the data's density (10–20 per decade) — they do not have to match
 * the measured frequencies, which may be spaced arbitrarily.
 */
import type { ImpedanceSpectrum } from '../spectrum.js';
import { checkSpectrum } from '../kk/check-spectrum.js';
import { needsSeriesCapacitance } from '../kk/lin-kk.js';
import { solveLeastSquares } from '../../numerics/linear-least-squares.js';
import { solveBoundedQPScreened } from '../../numerics/qp.js';
import { makeBasis, type BasisName } from './basis.js';
import { impedanceMatrices, penaltyMatrix } from './matrices.js';
import {
  gcv,
  discrepancyLambda,
  rgcv,
  lcurveCurvature,
  predictionMap,
  searchLambda,
  normalEquations,
  standardForm,
  standardFormFromNormal,
  type LambdaMethod,
  type NormalEquations,
  type RegularisedProblem,
} from './lambda.js';
import { estimateNoise, type NoiseEstimate } from './noise.js';
import { findDrtPeaks, type DrtPeak } from './peaks.js';

export type InductanceMode = 'nonnegative' | 'free' | 'none';

export interface DrtOptions {
  /** λ or 'auto' (default). */
  lambda?: number | 'auto';
  /** Criterion for 'auto'. Default 'gcv-kk' (GCV not below the discrepancy-principle λ). */
  lambdaMethod?: LambdaMethod;
  /** Order of the derivative penalised. Default 1. */
  derivative?: 1 | 2;
  basis?: BasisName;
  /** FWHM coefficient c: each basis function's FWHM in ln τ is Δ/c. Default 0.5. */
  fwhmCoefficient?: number;
  inductance?: InductanceMode;
  /**
   * Series capacitance 1/(jωC) (1/C ≥ 0) for spectra with no DC limit (blocking electrodes,
   * diffusion tails), which no γ can represent. true, false or 'auto' (default: added when −Z''
   * still grows at the lowest frequencies, as in the Lin-KK test).
   */
  capacitance?: boolean | 'auto';
  /** Basis centres per decade; default: the data's points per decade, clamped to [10, 20]. */
  pointsPerDecade?: number;
  /** Decades added beyond 1/(2π f_max) and 1/(2π f_min). Default 0.5. */
  extendDecades?: number;
  /** Explicit range of basis centres [τ_min, τ_max] in s (overrides extendDecades). */
  tauRange?: [number, number];
  /** log10 λ search range. Default [−8, 1]. */
  lambdaRange?: [number, number];
  /** Output points per basis spacing. Default 5. */
  oversample?: number;
  /**
   * Residual weights: 'unit' (default, pyDRTtools' objective: absolute errors, right for white
   * noise of constant size) or 'modulus' (each point's Re and Im divided by |Z|/mean|Z|: relative
   * errors, for noise proportional to |Z| or spectra spanning decades of |Z|).
   */
  weighting?: 'unit' | 'modulus';
}

export interface DrtResult {
  lambda: number;
  lambdaMethod: LambdaMethod | 'fixed';
  /**
   * The scanned criterion (GCV/mGCV/rGCV score, −curvature or re-im score) against log10 λ;
   * empty for a fixed λ. For gcv-kk, the GCV score over the allowed range λ ≥ lambdaFloor.
   */
  lambdaScan: { log10Lambda: number[]; score: number[] };
  /** gcv-kk only: the discrepancy-principle lower bound on λ (noise level from a Lin-KK fit); else null. */
  lambdaFloor: number | null;
  derivative: 1 | 2;
  basis: BasisName;
  /** Shape factor μ of the basis (1/ln-unit). */
  shapeFactor: number;
  /** Output grid, s (ascending). */
  tau: Float64Array;
  /** γ(ln τ) on the grid, Ω. */
  gamma: Float64Array;
  /** Basis centres (s) and their coefficients (Ω). */
  centres: Float64Array;
  coefficients: Float64Array;
  /** Ω */
  rInf: number;
  /** H */
  inductance: number;
  /** F; Infinity when no series capacitance was fitted (or 1/C = 0). */
  capacitance: number;
  /** ∫ γ d ln τ, Ω. */
  polarizationResistance: number;
  /** Fitted impedance at the measured frequencies (Ω). */
  fit: { real: Float64Array; imag: Float64Array };
  /** rms of (Z − Z_fit)/|Z| over both parts. */
  relativeResidualRms: number;
  peaks: DrtPeak[];
}

const LN10 = Math.log(10);

/** Computes the DRT of a spectrum. */
export function computeDrt(s: ImpedanceSpectrum, options: DrtOptions = {}): DrtResult {
  checkSpectrum(s, 8, 'the DRT');
  const n = s.frequency.length;
  const derivative = options.derivative ?? 1;
  const basisName = options.basis ?? 'gaussian';
  const inductanceMode = options.inductance ?? 'nonnegative';
  const method = options.lambdaMethod ?? 'gcv-kk';
  const [lo, hi] = options.lambdaRange ?? [-8, 1];
  if (basisName === 'cauchy' && derivative === 2) {
    throw new RangeError('the Cauchy basis has a cusp at its centre, so its 2nd-derivative penalty is infinite; use --derivative 1 or another basis');
  }

  // Frequencies, scale and grid.
  const omega = new Float64Array(n);
  let wmin = Infinity;
  let wmax = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    omega[i] = 2 * Math.PI * s.frequency[i]!;
    wmin = Math.min(wmin, omega[i]!);
    wmax = Math.max(wmax, omega[i]!);
    scale = Math.max(scale, Math.hypot(s.real[i]!, s.imag[i]!));
  }
  const dataDecades = Math.max(Math.log10(wmax / wmin), 1e-9);
  const ppd = options.pointsPerDecade ?? Math.min(20, Math.max(10, Math.round((n - 1) / dataDecades)));
  const ext = options.extendDecades ?? 0.5;
  const lnLo = options.tauRange ? Math.log(options.tauRange[0]) : -Math.log(wmax) - ext * LN10;
  const lnHi = options.tauRange ? Math.log(options.tauRange[1]) : -Math.log(wmin) + ext * LN10;
  if (!(lnHi > lnLo)) throw new RangeError('the τ range must have τ_min < τ_max');
  const m = Math.max(2, Math.round(((lnHi - lnLo) / LN10) * ppd) + 1);
  const delta = (lnHi - lnLo) / (m - 1);
  const centres = new Float64Array(m);
  for (let j = 0; j < m; j++) centres[j] = Math.exp(lnLo + j * delta);
  const basis = makeBasis(basisName, delta, options.fwhmCoefficient ?? 0.5);

  // Scaled least-squares problem: rows [Re; Im]·w/scale (|b| ≤ 1); columns R∞, L·ω_max,
  // (1/C)/ω_min (each optional term scaled to unit size at its frequency end), then γ's x/scale.
  const { re, im } = impedanceMatrices(omega, centres, basis);
  const rows = 2 * n;
  const withC = options.capacitance === 'auto' || options.capacitance === undefined ? needsSeriesCapacitance(s) : options.capacitance;
  const iL = inductanceMode === 'none' ? -1 : 1;
  const iC = withC ? (iL > 0 ? 2 : 1) : -1;
  const k = 1 + (iL > 0 ? 1 : 0) + (withC ? 1 : 0);
  const a = new Float64Array(rows * m);
  a.set(re, 0);
  a.set(im, n * m);
  const u = new Float64Array(rows * k);
  const b = new Float64Array(rows);
  const weights = new Float64Array(n).fill(1);
  if (options.weighting === 'modulus') {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += Math.hypot(s.real[i]!, s.imag[i]!) / n;
    for (let i = 0; i < n; i++) weights[i] = mean / Math.hypot(s.real[i]!, s.imag[i]!);
  }
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    u[i * k] = w;
    if (iL > 0) u[(n + i) * k + iL] = (w * omega[i]!) / wmax;
    if (iC > 0) u[(n + i) * k + iC] = (-w * wmin) / omega[i]!;
    b[i] = (w * s.real[i]!) / scale;
    b[n + i] = (w * s.imag[i]!) / scale;
    for (let j = 0; j < m; j++) {
      a[i * m + j] = a[i * m + j]! * w;
      a[(n + i) * m + j] = a[(n + i) * m + j]! * w;
    }
  }
  const p = penaltyMatrix(basis, m, delta, derivative);
  const prob: RegularisedProblem = { u, k, a, m, rows, b, p };
  const ne = normalEquations(prob);

  // λ
  let lambda: number;
  let scan = { log10Lambda: [] as number[], score: [] as number[] };
  let lambdaFloor: number | null = null;
  if (typeof options.lambda === 'number') {
    if (!(options.lambda > 0) || !Number.isFinite(options.lambda)) throw new RangeError('λ must be a positive number');
    lambda = options.lambda;
  } else {
    const noise = method === 'gcv-kk' ? estimateNoise(omega, weights, u, k, b) : undefined;
    const found = chooseLambda(method, prob, ne, n, inductanceMode, iL, iC, lo, hi, noise);
    lambda = found.lambda;
    scan = found.grid;
    if (found.floor !== undefined) lambdaFloor = found.floor;
  }

  // One QP at the chosen λ: H = [U A]ᵀ[U A] + λ·blockdiag(0, P), c = −[U A]ᵀ b.
  const nv = k + m;
  const h = Float64Array.from(ne.ftf);
  const c = Float64Array.from(ne.ftb, (v) => -v);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) h[(k + i) * nv + (k + j)] += lambda * p[i * m + j]!;
  let maxDiag = 0;
  for (let i = 0; i < nv; i++) maxDiag = Math.max(maxDiag, h[i * nv + i]!);
  for (let i = 0; i < nv; i++) h[i * nv + i] += 1e-11 * maxDiag;
  const lower = new Float64Array(nv);
  if (inductanceMode === 'free') lower[iL] = -Infinity;
  const x = solveBoundedQPScreened(h, c, lower);

  const rInf = x[0]! * scale;
  const inductance = iL > 0 ? (x[iL]! * scale) / wmax : 0;
  const elastance = iC > 0 ? x[iC]! * scale * wmin : 0; // 1/C in 1/F
  const coefficients = new Float64Array(m);
  for (let j = 0; j < m; j++) coefficients[j] = Math.max(0, x[k + j]!) * scale;

  // Fit quality at the data.
  const fitRe = new Float64Array(n);
  const fitIm = new Float64Array(n);
  let sum2 = 0;
  for (let i = 0; i < n; i++) {
    let zr = rInf;
    let zi = omega[i]! * inductance - elastance / omega[i]!;
    for (let j = 0; j < m; j++) {
      zr += re[i * m + j]! * coefficients[j]!;
      zi += im[i * m + j]! * coefficients[j]!;
    }
    fitRe[i] = zr;
    fitIm[i] = zi;
    const mod2 = s.real[i]! * s.real[i]! + s.imag[i]! * s.imag[i]!;
    sum2 += ((s.real[i]! - zr) ** 2 + (s.imag[i]! - zi) ** 2) / mod2;
  }

  // γ on the output grid (ascending τ).
  const over = options.oversample ?? 5;
  const nOut = (m - 1) * over + 1;
  const tau = new Float64Array(nOut);
  const gamma = new Float64Array(nOut);
  const reach = Math.ceil(basis.support / delta) + 1;
  for (let q = 0; q < nOut; q++) {
    const lt = lnLo + (q * delta) / over;
    tau[q] = Math.exp(lt);
    const jc = Math.floor(q / over); // the basis centre at or just below ln τ_q
    let g = 0;
    for (let j = Math.max(0, jc - reach); j <= Math.min(m - 1, jc + reach + 1); j++) g += coefficients[j]! * basis.phi(lt - (lnLo + j * delta));
    gamma[q] = g;
  }
  const dx = delta / over;
  let rpol = 0;
  for (let q = 0; q < nOut; q++) rpol += gamma[q]! * (q === 0 || q === nOut - 1 ? 0.5 * dx : dx);

  return {
    lambda,
    lambdaMethod: typeof options.lambda === 'number' ? 'fixed' : method,
    lambdaScan: scan,
    lambdaFloor,
    derivative,
    basis: basisName,
    shapeFactor: basis.mu,
    tau,
    gamma,
    centres,
    coefficients,
    rInf,
    inductance,
    capacitance: elastance > 0 ? 1 / elastance : Infinity,
    polarizationResistance: rpol,
    fit: { real: fitRe, imag: fitIm },
    relativeResidualRms: Math.sqrt(sum2 / (2 * n)),
    peaks: findDrtPeaks(tau, gamma),
  };
}

function chooseLambda(
  method: LambdaMethod,
  prob: RegularisedProblem,
  ne: NormalEquations,
  n: number,
  inductanceMode: InductanceMode,
  iL: number,
  iC: number,
  lo: number,
  hi: number,
  noise?: NoiseEstimate,
): { lambda: number; grid: { log10Lambda: number[]; score: number[] }; floor?: number } {
  if (method === 'gcv') {
    const sf = standardFormFromNormal(ne, prob.p);
    return searchLambda((l) => gcv(sf, l), lo, hi, 0.05);
  }
  if (method === 'mgcv') {
    const sf = standardFormFromNormal(ne, prob.p);
    const c = prob.rows >= 50 ? 2 : 1.3;
    return searchLambda((l) => gcv(sf, l, c), lo, hi, 0.05);
  }
  if (method === 'gcv-kk') {
    // GCV minimised over λ ≥ λ_DP, the discrepancy-principle λ at which the residual reaches
    // the Lin-KK noise level (noise.ts): GCV alone under-smooths measured spectra, whose errors
    // are correlated, down to the search bound; the floor stops it fitting below the noise.
    const sf = standardFormFromNormal(ne, prob.p);
    const floor = Math.log10(discrepancyLambda(sf, noise!.sumSquares / prob.rows, lo, hi));
    const found = searchLambda((l) => gcv(sf, l), Math.min(floor, hi - 0.05), hi, 0.05);
    return { ...found, floor: 10 ** floor };
  }
  if (method === 'rgcv') {
    // Robust GCV (Lukas 2006) with pyDRTtools' ξ: 0.2 for fewer than 100 rows, else 0.3.
    const sf = standardFormFromNormal(ne, prob.p);
    const xi = prob.rows >= 100 ? 0.3 : 0.2;
    return searchLambda((l) => rgcv(sf, l, xi), lo, hi, 0.05);
  }
  if (method === 'lcurve') {
    const sf = standardFormFromNormal(ne, prob.p);
    return searchLambda((l) => -lcurveCurvature(sf, l), lo, hi, 0.05);
  }
  // re-im cross-validation: the Re-only fit (with R∞) predicts Im (L refitted to the Im residual),
  // the Im-only fit (with L) predicts Re (R∞ refitted to the Re residual).
  const m = prob.m;
  const bre = prob.b.subarray(0, n);
  const bim = prob.b.subarray(n);
  const re = prob.a.subarray(0, n * m);
  const im = prob.a.subarray(n * m);
  const ones = new Float64Array(n);
  for (let i = 0; i < n; i++) ones[i] = prob.u[i * prob.k]!;
  // Im-side unpenalised columns (L, 1/C), row-major n × kIm.
  const imCols = [iL, iC].filter((j) => j > 0);
  const kIm = imCols.length;
  const uIm = new Float64Array(n * kIm);
  for (let i = 0; i < n; i++) imCols.forEach((j, c) => (uIm[i * kIm + c] = prob.u[(n + i) * prob.k + j]!));
  const sfRe = standardForm({ u: ones, k: 1, a: re, m, rows: n, b: bre, p: prob.p }, true);
  const sfIm = standardForm({ u: uIm, k: kIm, a: im, m, rows: n, b: bim, p: prob.p }, true);
  const reToIm = predictionMap(sfRe, im, n);
  const imToRe = predictionMap(sfIm, re, n);
  const coef = new Float64Array(m);
  const pred = new Float64Array(n);
  const predictError = (sf: typeof sfRe, map: Float64Array, target: Float64Array, lambda: number, fitOffset: (r: Float64Array) => void): number => {
    for (let i = 0; i < m; i++) coef[i] = sf.d[i]! / (sf.s[i]! + lambda);
    for (let r = 0; r < n; r++) {
      let t = 0;
      for (let i = 0; i < m; i++) t += map[r * m + i]! * coef[i]!;
      pred[r] = target[r]! - t;
    }
    fitOffset(pred);
    let e = 0;
    for (let r = 0; r < n; r++) e += pred[r]! * pred[r]!;
    return e;
  };
  // The Re-only fit knows nothing of L and C: fit them to the Im residual (least squares).
  const removeL = (res: Float64Array) => {
    if (kIm === 0) return;
    const coefs = solveLeastSquares(uIm, n, kIm, res).x;
    imCols.forEach((j, c) => {
      if (j === iL && inductanceMode === 'nonnegative') coefs[c] = Math.max(0, coefs[c]!);
      if (j === iC) coefs[c] = Math.max(0, coefs[c]!);
    });
    for (let r = 0; r < n; r++) for (let c = 0; c < kIm; c++) res[r] = res[r]! - coefs[c]! * uIm[r * kIm + c]!;
  };
  let oo = 0;
  for (let r = 0; r < n; r++) oo += ones[r]! * ones[r]!;
  const removeRinf = (res: Float64Array) => {
    let dot = 0;
    for (let r = 0; r < n; r++) dot += ones[r]! * res[r]!;
    const rinf = Math.max(0, dot / oo);
    for (let r = 0; r < n; r++) res[r] = res[r]! - rinf * ones[r]!;
  };
  return searchLambda((l) => predictError(sfRe, reToIm, bim, l, removeL) + predictError(sfIm, imToRe, bre, l, removeRinf), lo, hi, 0.1);
}
