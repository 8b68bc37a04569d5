/**
 * Peaks of a DRT: position, width and area (resistance), with overlapping peaks separated.
 *
 * 1. Peaks are the local maxima of γ(ln τ) with a prominence of at least 2.5 % of max γ and
 *    an area of at least 0.5 % of ∫γ (smaller bumps are at the noise level of a regularised
 *    inversion); maxima at the ends of the grid are kept and flagged (a process that continues
 *    outside the measured window).
 * 2. τ_peak is the maximum of γ, refined by a parabola through the three highest samples.
 * 3. Separation: γ is fitted (Levenberg–Marquardt, analytic Jacobian) by a sum of ZARC-shaped
 *    peaks, g_k(x) = (R_k/2π) sin(φ_kπ)/(cosh(φ_k(x − x_k)) + cos(φ_kπ)), x = ln τ — the exact
 *    DRT of an R‖CPE element, with the heavy tails real DRT peaks have (a sum of Gaussians, as
 *    pyDRTtools uses, misses them). Each peak's resistance is then the area of γ itself shared
 *    out in proportion to the fitted shapes, R_k = ∫ γ · g_k/Σ_j g_j d ln τ, so the peak areas
 *    always add up to ∫ γ d ln τ (the polarisation resistance) even where the fit is imperfect.
 *    Splitting at the minimum between two peaks instead would hand the larger peak's tail to the
 *    smaller one (≈ 8 % of R for ZARCs φ = 0.8 1.5 decades apart).
 * 4. Width: FWHM of the fitted shape in decades, and its φ.
 */
import { choleskyInPlace, choleskySolveInPlace } from '../../numerics/dense.js';
import { findPeaks, parabolicOffset, type PeakIndex } from '../../numerics/peaks.js';

export interface DrtPeak {
  /** s */
  tau: number;
  /** Hz, 1/(2πτ) */
  frequency: number;
  /** Ω, the peak's area */
  resistance: number;
  /** γ at the peak, Ω */
  height: number;
  /** full width at half maximum of the fitted ZARC shape, decades of τ */
  widthDecades: number;
  /** dispersion exponent φ of the fitted ZARC shape (1 = ideal RC) */
  phi: number;
  /** the maximum is at the end of the τ window */
  atEdge: boolean;
}

const PHI_MIN = 0.05;
const PHI_MAX = 0.999;

function phiOf(p: number): number {
  return PHI_MIN + (PHI_MAX - PHI_MIN) / (1 + Math.exp(-p));
}

/** FWHM in ln τ of the ZARC DRT shape with exponent φ. */
export function zarcFwhm(phi: number): number {
  return (2 * Math.acosh(2 + Math.cos(phi * Math.PI))) / phi;
}

function phiForFwhm(width: number): number {
  let lo = PHI_MIN;
  let hi = PHI_MAX;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (zarcFwhm(mid) > width) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Per-peak constants of a ZARC shape, hoisted out of the loops over samples. */
interface ShapeConsts {
  x0: number;
  phi: number;
  /** R/(2π) */
  r: number;
  sp: number;
  cp: number;
  /** dφ/dp */
  dphi: number;
}

function shapeConsts(x0: number, lnR: number, p: number): ShapeConsts {
  const phi = phiOf(p);
  const sig = (phi - PHI_MIN) / (PHI_MAX - PHI_MIN);
  return {
    x0,
    phi,
    r: Math.exp(lnR) / (2 * Math.PI),
    sp: Math.sin(phi * Math.PI),
    cp: Math.cos(phi * Math.PI),
    dphi: (PHI_MAX - PHI_MIN) * sig * (1 - sig),
  };
}

/** Value and (optionally) derivatives w.r.t. (x0, ln R, p) of one ZARC shape at x. */
function shape(x: number, c: ShapeConsts, grad?: Float64Array, o = 0): number {
  const u = x - c.x0;
  const au = Math.min(Math.abs(c.phi * u), 700);
  const e = Math.exp(au);
  const ch = 0.5 * (e + 1 / e);
  const d = ch + c.cp;
  const g = (c.r * c.sp) / d;
  if (grad) {
    const sh = Math.sign(u) * 0.5 * (e - 1 / e);
    grad[o] = ((c.r * c.sp) / (d * d)) * c.phi * sh;
    grad[o + 1] = g;
    const dgdphi = c.r * ((Math.PI * c.cp) / d - (c.sp / (d * d)) * (u * sh - Math.PI * c.sp));
    grad[o + 2] = dgdphi * c.dphi;
  }
  return g;
}

function allConsts(params: Float64Array): ShapeConsts[] {
  const out: ShapeConsts[] = [];
  for (let k = 0; k < params.length / 3; k++) out.push(shapeConsts(params[3 * k]!, params[3 * k + 1]!, params[3 * k + 2]!));
  return out;
}

/** Fits Σ_k g_k to (xs, ys) starting from params [x0, lnR, p] × K; returns the fitted params. */
function fitShapes(xs: Float64Array, ys: Float64Array, start: Float64Array): Float64Array {
  const np = start.length;
  const nk = np / 3;
  const n = xs.length;
  let params = Float64Array.from(start);
  const jt = new Float64Array(np * n); // Jacobian transposed
  const res = new Float64Array(n);
  const grad = new Float64Array(np);
  const evaluate = (pr: Float64Array, withJ: boolean): number => {
    const consts = allConsts(pr);
    let ss = 0;
    for (let q = 0; q < n; q++) {
      let s = 0;
      for (let k = 0; k < nk; k++) {
        s += shape(xs[q]!, consts[k]!, withJ ? grad : undefined, 3 * k);
      }
      if (withJ) for (let i = 0; i < np; i++) jt[i * n + q] = grad[i]!;
      res[q] = ys[q]! - s;
      ss += res[q]! * res[q]!;
    }
    return ss;
  };
  let cost = evaluate(params, true);
  let damping = 1e-3;
  const jtj = new Float64Array(np * np);
  const jtr = new Float64Array(np);
  for (let it = 0; it < 30; it++) {
    jtj.fill(0);
    jtr.fill(0);
    for (let i = 0; i < np; i++) {
      for (let q = 0; q < n; q++) jtr[i] += jt[i * n + q]! * res[q]!;
      for (let j = i; j < np; j++) {
        let s = 0;
        for (let q = 0; q < n; q++) s += jt[i * n + q]! * jt[j * n + q]!;
        jtj[i * np + j] = s;
        jtj[j * np + i] = s;
      }
    }
    let improved = false;
    for (let tries = 0; tries < 10; tries++) {
      // (JᵀJ + damping·diag JᵀJ) δ = Jᵀr by Cholesky (SPD while J has full column rank).
      const a = Float64Array.from(jtj);
      for (let i = 0; i < np; i++) a[i * np + i] = jtj[i * np + i]! * (1 + damping) + 1e-300;
      if (!choleskyInPlace(a, np)) break;
      const step = Float64Array.from(jtr);
      choleskySolveInPlace(a, np, step);
      const trial = new Float64Array(np);
      for (let i = 0; i < np; i++) trial[i] = params[i]! + step[i]!;
      const c = evaluate(trial, false);
      if (c < cost) {
        const rel = (cost - c) / Math.max(cost, 1e-300);
        params = trial;
        cost = evaluate(params, true);
        damping = Math.max(damping / 3, 1e-9);
        improved = true;
        if (rel < 1e-5) return params;
        break;
      }
      damping *= 4;
    }
    if (!improved) break;
  }
  return params;
}

/** Fits the ZARC shapes to the peaks and shares γ's area out among them. */
function separate(xs: Float64Array, gamma: Float64Array, dx: number, found: PeakIndex[]): { fitted: Float64Array; areas: Float64Array } {
  const n = xs.length;
  // Starting shapes from each peak's position, height and half-width within its basin.
  const start = new Float64Array(3 * found.length);
  found.forEach((pk, k) => {
    const half = pk.height / 2;
    let l = pk.index;
    while (l > pk.leftMin && gamma[l]! > half) l--;
    let r = pk.index;
    while (r < pk.rightMin && gamma[r]! > half) r++;
    const width = Math.max((r - l) * dx, 2 * dx);
    const phi = Math.min(PHI_MAX - 1e-3, Math.max(PHI_MIN + 1e-3, phiForFwhm(width)));
    const rk = (2 * Math.PI * pk.height) / Math.tan((phi * Math.PI) / 2);
    start[3 * k] = xs[pk.index]!;
    start[3 * k + 1] = Math.log(rk);
    const sig = (phi - PHI_MIN) / (PHI_MAX - PHI_MIN);
    start[3 * k + 2] = Math.log(sig / (1 - sig));
  });
  let fitted: Float64Array = start;
  if (found.length > 1) {
    // The shapes are smooth on the scale of the basis spacing: fit on ~100 samples.
    const stride = Math.max(1, Math.floor(n / 100));
    const sx = Float64Array.from({ length: Math.ceil(n / stride) }, (_, i) => xs[i * stride]!);
    const sy = Float64Array.from({ length: sx.length }, (_, i) => gamma[i * stride]!);
    fitted = fitShapes(sx, sy, start);
  }
  const consts = allConsts(fitted);

  // Areas: γ shared out in proportion to the fitted shapes.
  const areas = new Float64Array(found.length);
  const parts = new Float64Array(found.length);
  for (let q = 0; q < n; q++) {
    const w = q === 0 || q === n - 1 ? 0.5 * dx : dx;
    let total = 0;
    for (let k = 0; k < found.length; k++) {
      parts[k] = shape(xs[q]!, consts[k]!);
      total += parts[k]!;
    }
    if (!(total > 0)) {
      // Far from every fitted shape: give the sample to the nearest peak.
      let best = 0;
      for (let k = 1; k < found.length; k++) if (Math.abs(q - found[k]!.index) < Math.abs(q - found[best]!.index)) best = k;
      areas[best] += gamma[q]! * w;
      continue;
    }
    for (let k = 0; k < found.length; k++) areas[k] += (gamma[q]! * w * parts[k]!) / total;
  }
  return { fitted, areas };
}

/** Finds, separates and measures the peaks of γ sampled on a log-uniform τ grid. */
export function findDrtPeaks(tau: Float64Array, gamma: Float64Array): DrtPeak[] {
  const n = tau.length;
  if (n < 3) return [];
  let gmax = 0;
  for (let q = 0; q < n; q++) gmax = Math.max(gmax, gamma[q]!);
  if (!(gmax > 0)) return [];
  let found = findPeaks(gamma, { minProminence: 0.025 * gmax, includeEdges: true });
  if (found.length === 0) return [];
  const xs = Float64Array.from(tau, Math.log);
  const dx = (xs[n - 1]! - xs[0]!) / (n - 1);
  let total = 0;
  for (let q = 0; q < n; q++) total += gamma[q]! * (q === 0 || q === n - 1 ? 0.5 * dx : dx);

  let { fitted, areas } = separate(xs, gamma, dx, found);
  const kept = found.filter((_, k) => areas[k]! >= 0.005 * total);
  if (kept.length > 0 && kept.length < found.length) {
    found = kept;
    ({ fitted, areas } = separate(xs, gamma, dx, found));
  }

  return found.map((pk, k) => {
    const x = xs[pk.index]! + parabolicOffset(gamma, pk.index) * dx;
    const t = Math.exp(x);
    const phi = phiOf(fitted[3 * k + 2]!);
    return {
      tau: t,
      frequency: 1 / (2 * Math.PI * t),
      resistance: areas[k]!,
      height: pk.height,
      widthDecades: zarcFwhm(phi) / Math.LN10,
      phi,
      atEdge: pk.atEdge,
    };
  });
}
