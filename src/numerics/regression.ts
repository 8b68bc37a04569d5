/**
 * Straight-line least squares y = a + b·x with optional weights (1/σᵢ²), returning the
 * parameter covariance. Without weights the covariance is scaled by the residual variance
 * s² = SSR/(n − 2), the textbook OLS estimate (as scipy.stats.linregress and numpy.polyfit
 * with cov=True, up to its extra scaling). With weights, `absoluteSigma` decides whether the
 * σᵢ are absolute (covariance from the weights alone) or relative (rescaled by the reduced χ²),
 * mirroring scipy.optimize.curve_fit's `absolute_sigma`.
 */
export interface LineFit {
  intercept: number;
  slope: number;
  /** Covariance matrix of (intercept, slope). NaN entries when n ≤ 2 and no absolute σ. */
  covariance: [[number, number], [number, number]];
  /** Coefficient of determination (weighted if weights were given). */
  r2: number;
  /** Number of points. */
  n: number;
  /** Weighted sum of squared residuals. */
  ssr: number;
}

export function fitLine(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  weights?: ArrayLike<number>,
  absoluteSigma = false,
): LineFit {
  const n = x.length;
  if (n !== y.length || (weights && weights.length !== n)) throw new RangeError('x, y and weights must have equal length');
  if (n < 2) throw new RangeError('a straight-line fit needs at least two points');
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    sw += w;
    sx += w * x[i]!;
    sy += w * y[i]!;
  }
  const mx = sx / sw;
  const my = sy / sw;
  // Centred sums for numerical stability (x = 1/T is ~3e-3 with tiny spread).
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxx += w * dx * dx;
    sxy += w * dx * dy;
    syy += w * dy * dy;
  }
  if (!(sxx > 0)) throw new RangeError('all x values are equal; the slope is undefined');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    const r = y[i]! - intercept - slope * x[i]!;
    ssr += w * r * r;
  }
  const scale = weights && absoluteSigma ? 1 : n > 2 ? ssr / (n - 2) : NaN;
  const varSlope = scale / sxx;
  const varIntercept = scale * (1 / sw + (mx * mx) / sxx);
  const cov = (-mx * scale) / sxx;
  return {
    intercept,
    slope,
    covariance: [
      [varIntercept, cov],
      [cov, varSlope],
    ],
    r2: syy > 0 ? 1 - ssr / syy : 1,
    n,
    ssr,
  };
}
