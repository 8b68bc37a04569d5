/**
 * Noise-aware verdict on Lin-KK residuals (relative to |Z|, ordered by frequency).
 *
 * Random measurement noise leaves residuals that change sign from point to point; a
 * Kramers–Kronig violation (drift, non-linearity, a non-stationary cell) leaves a smooth trend
 * across frequency. The trend is estimated by a centred running mean over `window` neighbouring
 * points (truncated at the ends), which divides white noise by √window while keeping any
 * feature broader than the window. The lag-1 autocorrelation r₁ of the residuals is reported
 * as a second, scale-free sign of structure (white noise: r₁ ≈ 0 ± 1/√N).
 */

export interface ResidualStatistics {
  /** max over frequency and both parts of |running mean of Δ| (relative to |Z|). */
  systematicResidual: number;
  /** max |Δ| over both parts. */
  maxResidual: number;
  /** √(mean Δ²) over both parts. */
  rmsResidual: number;
  /** Lag-1 autocorrelation of Δ' and Δ'' (pooled; frequency order). */
  lag1Autocorrelation: number;
}

/** Running-mean window (points) of the trend estimate. */
export const TREND_WINDOW = 7;

export function residualStatistics(re: Float64Array, im: Float64Array, frequency: ArrayLike<number>, window = TREND_WINDOW): ResidualStatistics {
  const n = re.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => frequency[a]! - frequency[b]!);
  const half = Math.floor(window / 2);
  let sys = 0;
  let max = 0;
  let sum2 = 0;
  let num = 0;
  let den = 0;
  for (const part of [re, im]) {
    const d = Float64Array.from(order, (i) => part[i]!);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += d[i]!;
    mean /= n;
    for (let i = 0; i < n; i++) {
      const a = Math.max(0, i - half);
      const b = Math.min(n - 1, i + half);
      let s = 0;
      for (let j = a; j <= b; j++) s += d[j]!;
      sys = Math.max(sys, Math.abs(s / (b - a + 1)));
      max = Math.max(max, Math.abs(d[i]!));
      sum2 += d[i]! * d[i]!;
      den += (d[i]! - mean) ** 2;
      if (i > 0) num += (d[i]! - mean) * (d[i - 1]! - mean);
    }
  }
  return {
    systematicResidual: sys,
    maxResidual: max,
    rmsResidual: Math.sqrt(sum2 / (2 * n)),
    lag1Autocorrelation: den > 0 ? num / den : 0,
  };
}
