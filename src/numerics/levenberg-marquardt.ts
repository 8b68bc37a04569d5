/**
 * Bounded Levenberg–Marquardt for small nonlinear least-squares problems: minimise Σ r_i(x)²
 * subject to lower ≤ x ≤ upper, with an analytic Jacobian supplied by the caller.
 *
 * - Steps solve (JᵀJ + λD) δ = −Jᵀr by Cholesky (normal equations: n is small, m moderate),
 *   with Marquardt's scaling D = running max of diag(JᵀJ) (Moré 1978), so parameters of very
 *   different magnitude are treated alike.
 * - Bounds by projection with an active set: a variable sitting on a bound whose gradient
 *   pushes it outward is held fixed for the step; trial points are clipped into the box.
 * - λ update by gain ratio ρ (Nielsen 1999): accepted steps λ ← λ·max(1/3, 1 − (2ρ − 1)³),
 *   rejected steps λ ← λ·ν, ν ← 2ν.
 * - In the Gauss–Newton regime (λ small) a step that lowered the cost much more than predicted
 *   (ρ > 1.25: large-residual problems, curved valleys) is extended to the minimum of the
 *   parabola along it, kept only if lower — this halves the iterations on finite-Warburg fits.
 * - Converged when the scaled gradient max_i |(Jᵀr)_i| / (‖r‖·‖J_i‖) ≤ gtol (MINPACK's
 *   cosine test), or an accepted step changes the cost by ≤ ftol relative while the model
 *   predicted as much (ρ near 1, small λ), or the step is ≤ xtol relative.
 * Workspace is allocated once per call; the iteration loop allocates nothing.
 */
import { choleskyInPlace, choleskySolveInPlace } from './dense.js';

export interface LeastSquaresProblem {
  /** Number of residuals. */
  m: number;
  /** Number of variables. */
  n: number;
  /**
   * Fills r (length m) and, when `jac` is given, the Jacobian ∂r_i/∂x_k at jac[k·m + i]
   * (column-major: each variable's column is contiguous, which keeps JᵀJ a set of dot products).
   * Returns false when x is outside the model's domain (the step is then rejected).
   */
  evaluate(x: Float64Array, r: Float64Array, jac: Float64Array | null): boolean;
}

export interface LMOptions {
  lower?: Float64Array;
  upper?: Float64Array;
  maxIterations?: number;
  ftol?: number;
  xtol?: number;
  gtol?: number;
  /** Initial damping relative to max diag(JᵀJ). */
  lambda0?: number;
}

export interface LMResult {
  x: Float64Array;
  /** Σ r_i² at x; Infinity when x0 is outside the model's domain ('invalid-start'). */
  cost: number;
  /** Residuals and Jacobian at x (for covariance). */
  residuals: Float64Array;
  jacobian: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Why it stopped. */
  reason: 'gradient' | 'cost' | 'step' | 'max-iterations' | 'no-progress' | 'invalid-start';
  /** Variables that ended on a bound (held fixed in the last step). */
  atBound: Uint8Array;
}

export function levenbergMarquardt(problem: LeastSquaresProblem, x0: Float64Array, opts: LMOptions = {}): LMResult {
  const { m, n } = problem;
  const lower = opts.lower ?? new Float64Array(n).fill(-Infinity);
  const upper = opts.upper ?? new Float64Array(n).fill(Infinity);
  const maxIter = opts.maxIterations ?? 200;
  const ftol = opts.ftol ?? 1e-12;
  const xtol = opts.xtol ?? 1e-12;
  const gtol = opts.gtol ?? 1e-10;

  let x = Float64Array.from(x0);
  for (let k = 0; k < n; k++) x[k] = Math.min(upper[k]!, Math.max(lower[k]!, x[k]!));
  let xt = new Float64Array(n);
  let r = new Float64Array(m);
  let rt = new Float64Array(m);
  let J = new Float64Array(m * n);
  let Jt = new Float64Array(m * n);
  // third set for an extrapolated trial point
  let xe = new Float64Array(n);
  let re = new Float64Array(m);
  let Je = new Float64Array(m * n);
  const A = new Float64Array(n * n);
  const g = new Float64Array(n);
  const D = new Float64Array(n);
  const M = new Float64Array(n * n);
  const b = new Float64Array(n);
  const step = new Float64Array(n);
  const free = new Int32Array(n);
  const atBound = new Uint8Array(n);

  let evaluations = 1;
  const result = (converged: boolean, reason: LMResult['reason'], iterations: number): LMResult => ({
    x,
    // at an invalid start r is only partly filled: its sum must not pass for a cost
    cost: reason === 'invalid-start' ? Infinity : sumSquares(r),
    residuals: r,
    jacobian: J,
    iterations,
    evaluations,
    converged,
    reason,
    atBound,
  });

  if (!problem.evaluate(x, r, J) || !Number.isFinite(sumSquares(r))) return result(false, 'invalid-start', 0);
  let cost = sumSquares(r);
  const cost0 = cost;
  let lambda = -1;
  let nu = 2;

  for (let iter = 1; iter <= maxIter; iter++) {
    normalEquations(J, r, m, n, A, g);

    // Active set and the scaled-gradient test.
    let nf = 0;
    let gmax = 0;
    const rnorm = Math.sqrt(cost);
    for (let k = 0; k < n; k++) {
      const held = (x[k]! <= lower[k]! && g[k]! > 0) || (x[k]! >= upper[k]! && g[k]! < 0);
      atBound[k] = held ? 1 : 0;
      if (held) continue;
      free[nf++] = k;
      const akk = A[k * n + k]!;
      D[k] = Math.max(D[k]!, akk, 1e-300);
      if (akk > 0 && rnorm > 0) gmax = Math.max(gmax, Math.abs(g[k]!) / (rnorm * Math.sqrt(akk)));
    }
    if (nf === 0 || gmax <= gtol || cost === 0) return result(true, 'gradient', iter - 1);
    // λ multiplies D, which already carries the scale of JᵀJ.
    if (lambda < 0) lambda = opts.lambda0 ?? 1e-3;

    // Inner loop: find an acceptable step.
    for (;;) {
      for (let s = 0; s < nf; s++) {
        const a = free[s]!;
        for (let t = 0; t < nf; t++) M[s * nf + t] = A[a * n + free[t]!]!;
        M[s * nf + s] += lambda * D[a]!;
        b[s] = -g[a]!;
      }
      if (!choleskyInPlace(M, nf)) {
        lambda = Math.max(lambda * nu, 1e-12);
        nu *= 2;
        if (lambda > 1e30) return result(false, 'no-progress', iter);
        continue;
      }
      choleskySolveInPlace(M, nf, b);
      step.fill(0);
      for (let s = 0; s < nf; s++) step[free[s]!] = b[s]!;
      let snorm = 0;
      let xnorm = 0;
      for (let k = 0; k < n; k++) {
        const v = Math.min(upper[k]!, Math.max(lower[k]!, x[k]! + step[k]!));
        step[k] = v - x[k]!;
        xt[k] = v;
        snorm += step[k]! * step[k]!;
        xnorm += x[k]! * x[k]!;
      }
      snorm = Math.sqrt(snorm);
      xnorm = Math.sqrt(xnorm);
      const predicted = predictedReduction(A, g, step, n);
      evaluations++;
      const ok = problem.evaluate(xt, rt, Jt);
      const costT = ok ? sumSquares(rt) : Infinity;
      if (Number.isFinite(costT) && costT < cost) {
        const actual = cost - costT;
        const rho = predicted > 0 ? actual / predicted : 0;
        let accepted = costT;
        if (rho > 1.25 && lambda < 1e-4) {
          // Gauss–Newton regime, and the cost fell much more than the model predicted: on
          // large-residual problems (curved valleys, e.g. a finite Warburg's τ) GN steps are
          // then systematically too short and converge only linearly. Try the minimum of the
          // parabola through f(0), f'(0), f(1) along the step; keep it only if it is lower.
          const slope = 2 * dot(g, step, n);
          const curv = costT - cost - slope;
          const t = curv > 0 ? Math.min(-slope / (2 * curv), 10) : 0;
          if (t > 1.5) {
            for (let k = 0; k < n; k++) xe[k] = Math.min(upper[k]!, Math.max(lower[k]!, x[k]! + t * step[k]!));
            evaluations++;
            const costE = problem.evaluate(xe, re, Je) ? sumSquares(re) : Infinity;
            if (Number.isFinite(costE) && costE < costT) {
              [xt, xe] = [xe, xt];
              [rt, re] = [re, rt];
              [Jt, Je] = [Je, Jt];
              accepted = costE;
            }
          }
        }
        [x, xt] = [xt, x];
        [r, rt] = [rt, r];
        [J, Jt] = [Jt, J];
        const previous = cost;
        cost = accepted;
        const f = 1 - Math.pow(2 * rho - 1, 3);
        lambda *= Math.max(1 / 3, f);
        nu = 2;
        if (snorm <= xtol * (xnorm + xtol)) return result(true, 'step', iter);
        if (previous - cost <= ftol * previous && predicted <= ftol * previous && lambda < 1) return result(true, 'cost', iter);
        break;
      }
      lambda *= nu;
      nu *= 2;
      if (snorm <= xtol * (xnorm + xtol) || lambda > 1e30) {
        // No decrease even for vanishing steps: a minimum to working precision if the
        // gradient is (loosely) zero or the residuals are at round-off (exact data).
        return result(gmax <= 1e-6 || cost <= 1e-20 * cost0, 'no-progress', iter);
      }
    }
  }
  return result(false, 'max-iterations', maxIter);
}

/** A = JᵀJ (full symmetric), g = Jᵀr for the column-major m×n Jacobian. */
function normalEquations(J: Float64Array, r: Float64Array, m: number, n: number, A: Float64Array, g: Float64Array): void {
  for (let a = 0; a < n; a++) {
    const ca = a * m;
    g[a] = dotAt(J, ca, r, 0, m);
    for (let c = 0; c <= a; c++) {
      const t = dotAt(J, ca, J, c * m, m);
      A[a * n + c] = t;
      A[c * n + a] = t;
    }
  }
}

/** Σ_i x[xo + i]·y[yo + i] for i < m, four accumulators (shorter dependency chains). */
function dotAt(x: Float64Array, xo: number, y: Float64Array, yo: number, m: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < m; i += 4) {
    s0 += x[xo + i]! * y[yo + i]!;
    s1 += x[xo + i + 1]! * y[yo + i + 1]!;
    s2 += x[xo + i + 2]! * y[yo + i + 2]!;
    s3 += x[xo + i + 3]! * y[yo + i + 3]!;
  }
  for (; i < m; i++) s0 += x[xo + i]! * y[yo + i]!;
  return s0 + s1 + (s2 + s3);
}

/** Reduction of Σr² predicted by the linear model for step s: −(2gᵀs + sᵀAs). */
function predictedReduction(A: Float64Array, g: Float64Array, s: Float64Array, n: number): number {
  let gs = 0;
  let sAs = 0;
  for (let a = 0; a < n; a++) {
    const sa = s[a]!;
    gs += g[a]! * sa;
    let t = 0;
    for (let c = 0; c < n; c++) t += A[a * n + c]! * s[c]!;
    sAs += sa * t;
  }
  return -(2 * gs + sAs);
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let k = 0; k < n; k++) s += a[k]! * b[k]!;
  return s;
}

function sumSquares(r: Float64Array): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i]! * r[i]!;
  return s;
}
