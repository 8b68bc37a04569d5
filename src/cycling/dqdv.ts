/**
 * Differential capacity dQ/dV of one half cycle. The charge passed is binned on a uniform
 * voltage grid of width `binV` (robust to noisy, non-monotonic voltage, unlike differentiating
 * Q(V) point by point), divided by the bin width, then smoothed with a Savitzky–Golay filter
 * (`window` bins, polynomial `order`; window 1 = raw). Output: bin-centre voltages (V) and
 * dQ/dV in Ah/V (positive for both directions; divide by mass for mAh/(g·V)).
 */
import { choleskyInPlace, choleskySolveInPlace } from '../numerics/dense.js';
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
  const weights = savitzkyGolayWeights(w, order);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.min(Math.max(i, h), n - 1 - h);
    const row = (i - c + h) * w;
    let v = 0;
    for (let j = 0; j < w; j++) v += weights[row + j]! * y[c - h + j]!;
    out[i] = v;
  }
  return out;
}

/**
 * The linear weights of a least-squares polynomial of `order` through w equally spaced points,
 * evaluated at offset x ∈ [−h, h] from the centre (row x + h of a w×w array): with P the
 * Vandermonde matrix of the offsets u_j and v(x) = (1, x, x², …), the fitted value is
 * v(x)ᵀ(PᵀP)⁻¹Pᵀy = Σ_j [P_j · (PᵀP)⁻¹v(x)] y_j. Computed once per call, so the filter itself is
 * one dot product per point (interior points use row h, the ends the others).
 */
function savitzkyGolayWeights(w: number, order: number): Float64Array {
  const m = order + 1;
  const h = (w - 1) / 2;
  const normal = new Float64Array(m * m);
  for (let j = 0; j < w; j++) {
    const u = j - h;
    for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) normal[r * m + c] = normal[r * m + c]! + u ** (r + c);
  }
  // w > order distinct offsets make PᵀP positive definite
  if (!choleskyInPlace(normal, m)) throw new RangeError(`Savitzky–Golay window ${w} is too wide for order ${order} in double precision`);
  const weights = new Float64Array(w * w);
  const z = new Float64Array(m);
  for (let x = -h; x <= h; x++) {
    for (let k = 0; k < m; k++) z[k] = x ** k;
    choleskySolveInPlace(normal, m, z);
    for (let j = 0; j < w; j++) {
      const u = j - h;
      let s = 0;
      for (let k = m - 1; k >= 0; k--) s = s * u + z[k]!;
      weights[(x + h) * w + j] = s;
    }
  }
  return weights;
}
