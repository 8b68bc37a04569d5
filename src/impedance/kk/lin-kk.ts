/**
 * Lin-KK: the linear Kramers–Kronig test of Schönleber, Klotz & Ivers-Tiffée, Electrochim.
 * Acta 131 (2014) 20, as implemented by impedance.py 1.7.1 (`validation.linKK`).
 *
 * Model (KK-compliant by construction):
 *   Ẑ(ω) = R0 + Σ_{k=1..M} R_k/(1 + jωτ_k) [+ jωL] [+ 1/(jωC)],   ω = 2πf,
 * τ_1 = 1/(2π f_max), τ_M = 1/(2π f_min), log-spaced (optionally widened by `tauExtension`
 * decades); only R0, R_k, L (and 1/C) are fitted, by linear least squares with every row divided
 * by |Z| (relative residuals). Residuals Δ = (Z − Ẑ)/|Z|, real and imaginary parts.
 *
 * Choice of M: 'mu' (Schönleber, impedance.py) raises M from 1 until
 * μ = 1 − Σ_{R_k<0}|R_k| / Σ_{R_k≥0}|R_k| < c (c = 0.85 default) — which can stop at a small
 * M with residuals of tens of % on perfectly compliant data. 'auto' (default) fits every
 * M = 1…maxM and takes the minimum of BIC = 2N ln(RSS/2N) + p ln(2N): M stops growing where the
 * residuals reach their noise plateau. The verdict ('trend', residual-verdict.ts) compares a
 * running mean of the residuals, not single points, with the threshold.
 *
 * Fit modes: 'complex' (Re and Im together, Schönleber eq. 14; our default), 'real' (fit Re;
 * L and C then from the imaginary residual — impedance.py's default, which reproduces
 * Schönleber's Lin-KK program on its test case), 'imag' (fit Im; R0 from Boukamp 1995 eq. 7).
 */
import { solveLeastSquares } from '../../numerics/linear-least-squares.js';
import type { ImpedanceSpectrum } from '../spectrum.js';
import { checkSpectrum } from './check-spectrum.js';
import { residualStatistics, TREND_WINDOW } from './residual-verdict.js';

export type LinKKFit = 'complex' | 'real' | 'imag';
/** 'auto': M minimising BIC of the residuals; 'mu': first M with μ < c (Schönleber, impedance.py). */
export type LinKKMSelection = 'auto' | 'mu';
/** 'trend': running-mean (systematic) residual and rms below threshold; 'max': max |Δ| below threshold. */
export type LinKKVerdict = 'trend' | 'max';

/**
 * Default τ-range extension (decades at each end). 0: on the synthetic suite an extension of
 * 0.5–1 decade made a 10 % resistance drift during the sweep invisible (systematic residual
 * 2 % → 0.5 %) while compliant spectra pass without it.
 */
export const DEFAULT_TAU_EXTENSION = 0;

export interface LinKKOptions {
  /** How M is chosen. Default 'auto' (BIC); 'mu' is exactly Schönleber 2014 / impedance.py. */
  mSelection?: LinKKMSelection;
  /** Decades added to the τ range at each end. Default 0 (the extension lets out-of-window RC elements absorb drift). */
  tauExtension?: number;
  /** Verdict rule. Default 'trend'. */
  verdict?: LinKKVerdict;
  /** μ cutoff c (dimensionless, 0 < c < 1). Default 0.85 (Schönleber 2014). */
  muCutoff?: number;
  /** Largest M tried. Default min(50, N − 2). */
  maxM?: number;
  /** Which parts are fitted. Default 'complex'. */
  fit?: LinKKFit;
  /**
   * Series capacitance: true, false or 'auto' (default: added when the spectrum stays
   * capacitive at its lowest frequencies, i.e. −Z'' grows as f falls — a blocking electrode or
   * diffusion tail with no DC intercept, which an RC series cannot follow).
   */
  capacitance?: boolean | 'auto';
  /** Verdict threshold (relative to |Z|) on the systematic residual and rms ('trend') or on max |Δ| ('max'). Default 0.01. */
  threshold?: number;
  /** Series inductance in the model (default true, as impedance.py; cables and the cell add one). */
  inductance?: boolean;
}

export interface LinKKResult {
  /** Number of RC elements chosen. */
  M: number;
  /** μ at that M. */
  mu: number;
  /** 'mu': false if μ never fell below the cutoff up to maxM (then M = maxM); 'auto': μ < c at the chosen M. */
  muCriterionMet: boolean;
  mSelection: LinKKMSelection;
  /** Decades added to the τ range at each end. */
  tauExtension: number;
  /** The verdict (see `verdict`). */
  valid: boolean;
  verdict: LinKKVerdict;
  /** One sentence: which quantity decided the verdict, with its value and the threshold. */
  verdictReason: string;
  /** max over frequency and parts of |running mean of Δ over TREND_WINDOW points| (relative to |Z|). */
  systematicResidual: number;
  /** Lag-1 autocorrelation of the residuals in frequency order (white noise ≈ 0). */
  lag1Autocorrelation: number;
  /** BIC(M) for M = 1…maxM (mSelection 'auto' only). */
  bic?: Float64Array;
  /** max over points and parts of |Δ| (relative to |Z|). */
  maxResidual: number;
  /** Root mean square of Δ over both parts. */
  rmsResidual: number;
  threshold: number;
  fit: LinKKFit;
  /** Whether a series capacitance was part of the model. */
  capacitance: boolean;
  /** Whether a series inductance was part of the model. */
  inductance: boolean;
  residuals: { frequency: Float64Array; real: Float64Array; imag: Float64Array };
  /** The fitted KK model: R0 (Ω), τ_k (s), R_k (Ω), L (H), C (F; Infinity when 1/C = 0 or absent). */
  model: { r0: number; tau: Float64Array; resistance: Float64Array; inductance: number; capacitance: number };
}

/**
 * τ_k log-spaced from 1/(2π f_max) to 1/(2π f_min), in s (τ_1 = τ_min when M = 1); with
 * `extensionDecades` > 0 the range is widened by that many decades at each end (Schönleber
 * 2014 §3 suggests it so that processes partly outside the window, e.g. a blocking spur, are
 * represented).
 */
export function linKKTimeConstants(frequency: ArrayLike<number>, M: number, extensionDecades = 0): Float64Array {
  let fmin = Infinity;
  let fmax = -Infinity;
  for (let i = 0; i < frequency.length; i++) {
    fmin = Math.min(fmin, frequency[i]!);
    fmax = Math.max(fmax, frequency[i]!);
  }
  const lo = Math.log10(1 / (2 * Math.PI * fmax)) - extensionDecades;
  const hi = Math.log10(1 / (2 * Math.PI * fmin)) + extensionDecades;
  const ts = new Float64Array(M);
  for (let k = 0; k < M; k++) ts[k] = M === 1 ? 10 ** lo : 10 ** (lo + (k / (M - 1)) * (hi - lo));
  return ts;
}

/** μ = 1 − Σ|R_k<0| / Σ|R_k≥0|. */
export function linKKMu(resistance: ArrayLike<number>): number {
  let neg = 0;
  let pos = 0;
  for (let k = 0; k < resistance.length; k++) {
    const r = resistance[k]!;
    if (r < 0) neg -= r;
    else pos += r;
  }
  return 1 - neg / pos;
}

/** True when −Z'' is positive and grows toward the lowest frequency (no DC intercept reached). */
export function needsSeriesCapacitance(s: ImpedanceSpectrum): boolean {
  const order = Array.from(s.frequency.keys()).sort((a, b) => s.frequency[a]! - s.frequency[b]!);
  if (order.length < 3) return false;
  const [i0, i1, i2] = [order[0]!, order[1]!, order[2]!];
  const m0 = -s.imag[i0]!;
  const m1 = -s.imag[i1]!;
  const m2 = -s.imag[i2]!;
  return m0 > 0 && m0 > m1 && m1 > m2 && m0 > 0.05 * Math.hypot(s.real[i0]!, s.imag[i0]!);
}

interface SingleFit {
  r0: number;
  resistance: Float64Array;
  inductance: number;
  /** 1/C in 1/F (0 when absent). */
  elastance: number;
  mu: number;
}

/**
 * Fits the Lin-KK model with a fixed M. Column order as impedance.py: R0, R_1…R_M, [1/C], L.
 */
export function fitLinKK(s: ImpedanceSpectrum, tau: Float64Array, fit: LinKKFit, withC: boolean, withL = true): SingleFit {
  const n = s.frequency.length;
  const M = tau.length;
  const cols = M + 1 + (withC ? 1 : 0) + (withL ? 1 : 0);
  const iC = withC ? M + 1 : -1;
  const iL = withL ? cols - 1 : -1;
  // Row-major real and imaginary design matrices, rows divided by |Z|.
  const are = new Float64Array(n * cols);
  const aim = new Float64Array(n * cols);
  const bre = new Float64Array(n);
  const bim = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = 2 * Math.PI * s.frequency[i]!;
    const inv = 1 / Math.hypot(s.real[i]!, s.imag[i]!);
    const row = i * cols;
    are[row] = inv;
    for (let k = 0; k < M; k++) {
      const wt = w * tau[k]!;
      const d = 1 / (1 + wt * wt);
      are[row + 1 + k] = d * inv;
      aim[row + 1 + k] = -wt * d * inv;
    }
    if (withC) aim[row + iC] = -inv / w;
    if (withL) aim[row + iL] = w * inv;
    bre[i] = s.real[i]! * inv;
    bim[i] = s.imag[i]! * inv;
  }

  let x: Float64Array;
  if (fit === 'complex') {
    const a = new Float64Array(2 * n * cols);
    a.set(are, 0);
    a.set(aim, n * cols);
    const b = new Float64Array(2 * n);
    b.set(bre, 0);
    b.set(bim, n);
    x = solveLeastSquares(a, 2 * n, cols, b).x;
  } else if (fit === 'real') {
    // Re fit (the L and C columns are zero here and get 0), then L and 1/C from Im residual.
    x = solveLeastSquares(are, n, cols, bre).x;
    const extra = [iC, iL].filter((j) => j >= 0);
    const k2 = extra.length;
    if (k2 > 0) {
      const a2 = new Float64Array(n * k2);
      const b2 = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let model = 0;
        for (let k = 0; k < M; k++) model += aim[i * cols + 1 + k]! * x[1 + k]!;
        b2[i] = bim[i]! - model;
        extra.forEach((j, e) => (a2[i * k2 + e] = aim[i * cols + j]!));
      }
      const c = solveLeastSquares(a2, n, k2, b2).x;
      extra.forEach((j, e) => (x[j] = c[e]!));
    }
  } else {
    // Im fit (R0's column is zero here), then R0 by Boukamp's weighted mean (1995, eq. 7).
    x = solveLeastSquares(aim, n, cols, bim).x;
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      const w2 = 1 / (s.real[i]! * s.real[i]! + s.imag[i]! * s.imag[i]!);
      const rowInvAbs = are[i * cols]!; // 1/|Z|
      let model = 0;
      for (let k = 0; k < M; k++) model += (are[i * cols + 1 + k]! / rowInvAbs) * x[1 + k]!;
      num += w2 * (s.real[i]! - model);
      den += w2;
    }
    x[0] = num / den;
  }
  const resistance = x.slice(1, 1 + M);
  return { r0: x[0]!, resistance, inductance: withL ? x[iL]! : 0, elastance: withC ? x[iC]! : 0, mu: linKKMu(resistance) };
}

/** Relative residuals Δ = (Z − Ẑ)/|Z| of a fitted Lin-KK model; returns Σ Δ'² + Δ''². */
function residualsOf(s: ImpedanceSpectrum, tau: Float64Array, m: SingleFit, resRe: Float64Array, resIm: Float64Array): number {
  const n = s.frequency.length;
  const M = tau.length;
  let sum2 = 0;
  for (let i = 0; i < n; i++) {
    const w = 2 * Math.PI * s.frequency[i]!;
    let zr = m.r0;
    let zi = w * m.inductance - m.elastance / w;
    for (let k = 0; k < M; k++) {
      const wt = w * tau[k]!;
      const d = m.resistance[k]! / (1 + wt * wt);
      zr += d;
      zi -= wt * d;
    }
    const inv = 1 / Math.hypot(s.real[i]!, s.imag[i]!);
    resRe[i] = (s.real[i]! - zr) * inv;
    resIm[i] = (s.imag[i]! - zi) * inv;
    sum2 += resRe[i]! * resRe[i]! + resIm[i]! * resIm[i]!;
  }
  return sum2;
}

/** Runs the Lin-KK test with automatic M (see `LinKKOptions.mSelection`). */
export function linKK(s: ImpedanceSpectrum, options: LinKKOptions = {}): LinKKResult {
  checkSpectrum(s, 5, 'the Lin-KK test');
  const n = s.frequency.length;
  const c = options.muCutoff ?? 0.85;
  if (!(c > 0 && c < 1)) throw new RangeError('muCutoff must be in (0, 1)');
  const mSelection = options.mSelection ?? 'auto';
  const fitType = options.fit ?? 'complex';
  const maxM = Math.max(1, Math.min(options.maxM ?? 50, n - 2));
  const threshold = options.threshold ?? 0.01;
  const verdict = options.verdict ?? 'trend';
  const ext = options.tauExtension ?? DEFAULT_TAU_EXTENSION;
  if (!(ext >= 0)) throw new RangeError('tauExtension must be ≥ 0 decades');
  const withL = options.inductance ?? true;
  const withC = options.capacitance === 'auto' || options.capacitance === undefined ? needsSeriesCapacitance(s) : options.capacitance;

  const resRe = new Float64Array(n);
  const resIm = new Float64Array(n);
  let M = 0;
  let tau: Float64Array = new Float64Array(0);
  let best: SingleFit | undefined;
  let met = false;
  let criterion: number[] | undefined;
  if (mSelection === 'mu') {
    while (M < maxM) {
      M++;
      tau = linKKTimeConstants(s.frequency, M, ext);
      best = fitLinKK(s, tau, fitType, withC, withL);
      // μ is undefined (−∞) when no R_k is positive (possible at M = 1–2 on inductive spectra):
      // that is not over-fitting, so keep adding RC elements.
      if (Number.isFinite(best.mu) && best.mu < c) {
        met = true;
        break;
      }
    }
  } else {
    // BIC over the 2N real equations: 2N ln(RSS/2N) + p ln(2N), p = M + 1 (+1 L) (+1 C).
    const nEq = 2 * n;
    const extra = 1 + (withL ? 1 : 0) + (withC ? 1 : 0);
    criterion = [];
    let bestScore = Infinity;
    for (let m = 1; m <= maxM; m++) {
      const t = linKKTimeConstants(s.frequency, m, ext);
      const f = fitLinKK(s, t, fitType, withC, withL);
      const rss = residualsOf(s, t, f, resRe, resIm);
      const score = nEq * Math.log(Math.max(rss, 1e-300) / nEq) + (m + extra) * Math.log(nEq);
      criterion.push(score);
      if (score < bestScore) {
        bestScore = score;
        M = m;
        tau = t;
        best = f;
      }
    }
    met = Number.isFinite(best!.mu) && best!.mu < c;
  }
  const fitResult = best!;
  residualsOf(s, tau, fitResult, resRe, resIm);
  const stats = residualStatistics(resRe, resIm, s.frequency);
  const pct = (x: number) => `${(100 * x).toPrecision(2)} %`;
  let valid: boolean;
  let verdictReason: string;
  if (verdict === 'max') {
    valid = stats.maxResidual < threshold;
    verdictReason = `max |residual| ${pct(stats.maxResidual)} ${valid ? '<' : '≥'} threshold ${pct(threshold)}`;
  } else {
    const trendOk = stats.systematicResidual < threshold;
    const noiseOk = stats.rmsResidual < threshold;
    valid = trendOk && noiseOk;
    verdictReason = !trendOk
      ? `systematic residual (${TREND_WINDOW}-point running mean) ${pct(stats.systematicResidual)} ≥ threshold ${pct(threshold)}`
      : !noiseOk
        ? `residuals too noisy to judge: rms ${pct(stats.rmsResidual)} ≥ threshold ${pct(threshold)}`
        : `systematic residual ${pct(stats.systematicResidual)} and rms ${pct(stats.rmsResidual)} < threshold ${pct(threshold)}`;
  }
  return {
    M,
    mu: fitResult.mu,
    muCriterionMet: met,
    mSelection,
    tauExtension: ext,
    valid,
    verdict,
    verdictReason,
    maxResidual: stats.maxResidual,
    rmsResidual: stats.rmsResidual,
    systematicResidual: stats.systematicResidual,
    lag1Autocorrelation: stats.lag1Autocorrelation,
    threshold,
    fit: fitType,
    capacitance: withC,
    inductance: withL,
    ...(criterion ? { bic: Float64Array.from(criterion) } : {}),
    residuals: { frequency: Float64Array.from(s.frequency), real: resRe, imag: resIm },
    model: {
      r0: fitResult.r0,
      tau,
      resistance: fitResult.resistance,
      inductance: fitResult.inductance,
      capacitance: withC && fitResult.elastance !== 0 ? 1 / fitResult.elastance : Infinity,
    },
  };
}
