/**
 * Noise level of a spectrum, for the discrepancy principle of `--lambda-method gcv-kk`.
 *
 * A Lin-KK model (Schönleber et al., Electrochim. Acta 131 (2014) 20): R∞ + Σ_k R_k/(1 + jωτ_k)
 * + jωL [+ 1/(jωC)], τ_k log-spaced from 1/ω_max to 1/ω_min, fitted by linear least squares
 * with R_k of either sign. It is Kramers–Kronig compliant, like the DRT model, so what it cannot
 * fit with many time constants is what no causal, linear, stable model should fit: random noise
 * and non-KK errors (drift). Fitted in the DRT's own rows (w_n·Z/scale, the same R∞, L and 1/C
 * columns), its residual variance
 *     σ̂²(M) = ‖r‖² / (rows − p),   p = M + (number of R∞, L, 1/C columns),
 * is unbiased for white noise once the model is flexible enough; it falls with M and then stays
 * flat (each RC element is about a decade wide, so beyond ~3 per decade more elements fit
 * nothing new). We take its minimum over M = 2, 3, 4, 5, 6 elements per decade (p ≤ rows/2).
 */
import { solveLeastSquares } from '../../numerics/linear-least-squares.js';

export interface NoiseEstimate {
  /** rows·σ̂²: the ‖r‖² that a fit describing the data down to its noise leaves (DRT metric). */
  sumSquares: number;
  /** Number of RC elements at the minimum. */
  M: number;
}

/**
 * @param omega   angular frequencies (rad/s), n
 * @param weights row weights w_n of the DRT problem, n
 * @param u       the DRT's unpenalised columns, row-major 2n × k (rows Re then Im)
 * @param b       the DRT's right-hand side [w·Z'/scale; w·Z''/scale], 2n
 */
export function estimateNoise(omega: Float64Array, weights: Float64Array, u: Float64Array, k: number, b: Float64Array): NoiseEstimate {
  const n = omega.length;
  const rows = 2 * n;
  let wmin = Infinity;
  let wmax = 0;
  for (let i = 0; i < n; i++) {
    wmin = Math.min(wmin, omega[i]!);
    wmax = Math.max(wmax, omega[i]!);
  }
  const decades = Math.max(Math.log10(wmax / wmin), 0.5);
  const maxM = Math.max(1, Math.floor(rows / 2) - k);
  let best: NoiseEstimate = { sumSquares: Infinity, M: 0 };
  let last = -1;
  for (const perDecade of [2, 3, 4, 5, 6]) {
    const M = Math.min(maxM, Math.max(2, Math.round(perDecade * decades)));
    if (M === last) continue;
    last = M;
    const cols = k + M;
    const tau = new Float64Array(M);
    for (let q = 0; q < M; q++) tau[q] = M === 1 ? 1 / wmax : Math.exp(-Math.log(wmax) + (q / (M - 1)) * Math.log(wmax / wmin));
    const a = new Float64Array(rows * cols);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) {
        a[i * cols + j] = u[i * k + j]!;
        a[(n + i) * cols + j] = u[(n + i) * k + j]!;
      }
      for (let q = 0; q < M; q++) {
        const wt = omega[i]! * tau[q]!;
        const d = weights[i]! / (1 + wt * wt);
        a[i * cols + k + q] = d;
        a[(n + i) * cols + k + q] = -wt * d;
      }
    }
    const x = solveLeastSquares(a, rows, cols, b).x;
    let ss = 0;
    for (let r = 0; r < rows; r++) {
      let t = b[r]!;
      for (let j = 0; j < cols; j++) t -= a[r * cols + j]! * x[j]!;
      ss += t * t;
    }
    const sum = (ss * rows) / (rows - cols);
    if (sum < best.sumSquares) best = { sumSquares: sum, M };
  }
  return best;
}
