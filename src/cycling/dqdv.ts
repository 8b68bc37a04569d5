/**
 * Differential capacity dQ/dV of one half cycle. The charge passed is binned on a uniform
 * voltage grid of width `binV` (robust to noisy, non-monotonic voltage, unlike differentiating
 * Q(V) point by point), divided by the bin width, then smoothed with a Savitzky–Golay filter
 * (`window` bins, polynomial `order`; window 1 = raw). Output: bin-centre voltages (V) and
 * dQ/dV in Ah/V (positive for both directions; divide by mass for mAh/(g·V)).
 */
import type { Profile } from './profile.js';

export interface DqDvOptions {
  /** V; default 0.005 */
  binV?: number;
  /** Odd number of bins; default 9. */
  window?: number;
  /** Polynomial order; default 2. */
  order?: number;
}

export interface DqDv {
  voltage: Float64Array;
  /** Ah/V */
  dqdv: Float64Array;
}

export function differentialCapacity(p: Profile, opts: DqDvOptions = {}): DqDv {
  const bin = opts.binV ?? 0.005;
  const n = p.voltage.length;
  if (n < 2) return { voltage: new Float64Array(0), dqdv: new Float64Array(0) };
  let vmin = Infinity;
  let vmax = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = p.voltage[i]!;
    if (v < vmin) vmin = v;
    if (v > vmax) vmax = v;
  }
  const nb = Math.floor((vmax - vmin) / bin) + 1;
  const acc = new Float64Array(nb);
  for (let i = 1; i < n; i++) {
    const dq = p.capacity[i]! - p.capacity[i - 1]!;
    const k = Math.min(nb - 1, Math.floor((0.5 * (p.voltage[i]! + p.voltage[i - 1]!) - vmin) / bin));
    acc[k] = acc[k]! + dq;
  }
  for (let k = 0; k < nb; k++) acc[k] = acc[k]! / bin;
  const voltage = new Float64Array(nb);
  for (let k = 0; k < nb; k++) voltage[k] = vmin + (k + 0.5) * bin;
  return { voltage, dqdv: savitzkyGolay(acc, opts.window ?? 9, opts.order ?? 2) };
}

/** Savitzky–Golay smoothing (zeroth derivative); the ends use the nearest full window's fit. */
export function savitzkyGolay(y: Float64Array, window: number, order: number): Float64Array {
  const n = y.length;
  const w = Math.min(window % 2 ? window : window + 1, n % 2 ? n : n - 1);
  if (w <= order || w < 3) return Float64Array.from(y);
  const h = (w - 1) / 2;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.min(Math.max(i, h), n - 1 - h);
    out[i] = polyValue(y, c - h, w, order, i - c);
  }
  return out;
}

/** Least-squares polynomial of `order` through y[s..s+w), evaluated at offset x from the centre. */
function polyValue(y: Float64Array, s: number, w: number, order: number, x: number): number {
  const m = order + 1;
  const h = (w - 1) / 2;
  const A = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let j = 0; j < w; j++) {
    const u = j - h;
    let pk = 1;
    const pows = new Float64Array(2 * m);
    for (let k = 0; k < 2 * m; k++) {
      pows[k] = pk;
      pk *= u;
    }
    for (let r = 0; r < m; r++) {
      b[r] = b[r]! + pows[r]! * y[s + j]!;
      for (let c = 0; c < m; c++) A[r * m + c] = A[r * m + c]! + pows[r + c]!;
    }
  }
  const coef = solve(A, b, m);
  let v = 0;
  let xp = 1;
  for (let k = 0; k < m; k++) {
    v += coef[k]! * xp;
    xp *= x;
  }
  return v;
}

function solve(A: Float64Array, b: Float64Array, m: number): Float64Array {
  for (let col = 0; col < m; col++) {
    let piv = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(A[r * m + col]!) > Math.abs(A[piv * m + col]!)) piv = r;
    if (piv !== col) {
      for (let c = 0; c < m; c++) {
        const t = A[col * m + c]!;
        A[col * m + c] = A[piv * m + c]!;
        A[piv * m + c] = t;
      }
      const t = b[col]!;
      b[col] = b[piv]!;
      b[piv] = t;
    }
    for (let r = col + 1; r < m; r++) {
      const f = A[r * m + col]! / A[col * m + col]!;
      for (let c = col; c < m; c++) A[r * m + c] = A[r * m + c]! - f * A[col * m + c]!;
      b[r] = b[r]! - f * b[col]!;
    }
  }
  const x = new Float64Array(m);
  for (let r = m - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < m; c++) s -= A[r * m + c]! * x[c]!;
    x[r] = s / A[r * m + r]!;
  }
  return x;
}
