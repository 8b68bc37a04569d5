/**
 * Generalised least squares for a straight line y = slope·x + intercept with a full covariance
 * matrix Σ of the observations: β = (XᵀΣ⁻¹X)⁻¹XᵀΣ⁻¹y, Cov(β) = (XᵀΣ⁻¹X)⁻¹.
 *
 * Σ from MSD windows is nearly singular (neighbouring lags are correlated > 0.99), so it is
 * inverted through its eigen-decomposition with eigenvalues clipped from below at
 * λ_max / maxCondition — the same regularisation kinisi applies (minimum-eigenvalue method)
 * before it samples the posterior; for a linear-Gaussian model with flat priors that posterior
 * is exactly this Gaussian.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { fitLine } from './regression.js';

export interface LineFit {
  slope: number;
  intercept: number;
  slopeStderr: number;
  interceptStderr: number;
  /** Cov(slope, intercept). */
  covariance: number;
}

/** `cov` is n×n row-major (symmetric positive semi-definite). */
export function glsLine(x: ArrayLike<number>, y: ArrayLike<number>, cov: Float64Array, maxCondition = 1e12): LineFit {
  const n = x.length;
  if (y.length !== n || cov.length !== n * n) throw new RangeError('glsLine: inconsistent sizes');
  if (n < 2) throw new RangeError('glsLine: need at least two points');
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(cov.subarray(i * n, (i + 1) * n)));
  const eig = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true });
  const w = eig.realEigenvalues;
  const U = eig.eigenvectorMatrix;
  let wMax = 0;
  for (const v of w) wMax = Math.max(wMax, v);
  if (!(wMax > 0)) throw new RangeError('glsLine: covariance has no positive eigenvalue');
  const floor = wMax / maxCondition;
  // Project x, 1 and y on the eigenvectors: Σ⁻¹ = U diag(1/w) Uᵀ.
  let sxx = 0, sx1 = 0, s11 = 0, sxy = 0, s1y = 0;
  for (let k = 0; k < n; k++) {
    let px = 0, p1 = 0, py = 0;
    for (let i = 0; i < n; i++) {
      const u = U.get(i, k);
      px += u * x[i]!;
      p1 += u;
      py += u * y[i]!;
    }
    const inv = 1 / Math.max(w[k]!, floor);
    sxx += px * px * inv;
    sx1 += px * p1 * inv;
    s11 += p1 * p1 * inv;
    sxy += px * py * inv;
    s1y += p1 * py * inv;
  }
  const det = sxx * s11 - sx1 * sx1;
  const slope = (s11 * sxy - sx1 * s1y) / det;
  const intercept = (sxx * s1y - sx1 * sxy) / det;
  return {
    slope,
    intercept,
    slopeStderr: Math.sqrt(Math.max(s11 / det, 0)),
    interceptStderr: Math.sqrt(Math.max(sxx / det, 0)),
    covariance: -sx1 / det,
  };
}

/**
 * Ordinary least squares line with the textbook (independent-errors) standard errors: the
 * unweighted `fitLine` of numerics/regression, in this module's LineFit shape.
 */
export function olsLine(x: ArrayLike<number>, y: ArrayLike<number>): LineFit {
  const f = fitLine(x, y);
  const [[varIntercept, cov], [, varSlope]] = f.covariance;
  return { slope: f.slope, intercept: f.intercept, slopeStderr: Math.sqrt(varSlope), interceptStderr: Math.sqrt(varIntercept), covariance: cov };
}
