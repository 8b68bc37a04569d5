/**
 * Choosing the regularisation parameter λ of
 *     min_x ‖U u + A g − b‖² + λ gᵀ P g
 * (u: unpenalised R∞, L and 1/C coefficients, g: DRT coefficients) on the UNCONSTRAINED problem,
 * where every criterion has a closed form in λ after one transformation to standard form:
 *   1. project the unpenalised columns U out (Schur complement of the normal equations):
 *      A'ᵀA' = AᵀA − AᵀU(UᵀU)⁻¹UᵀA, A'ᵀb' and ‖b'‖² likewise;
 *   2. P = LLᵀ (Cholesky), G = L⁻¹ A'ᵀA' L⁻ᵀ = V S Vᵀ (eigen), d = Vᵀ L⁻¹ A'ᵀ b'.
 * Then y(λ) = V diag(1/(s_i + λ)) d, g = L⁻ᵀ y, and
 *   residual ρ(λ) = ‖b'‖² − Σ d_i² (s_i + 2λ)/(s_i + λ)²,
 *   seminorm η(λ) = gᵀPg = Σ d_i²/(s_i + λ)²,
 *   trace of the influence matrix = k + Σ s_i/(s_i + λ)   (k unpenalised columns).
 * One O(m³) decomposition, then each λ costs O(m): the whole range is scanned on a fine grid,
 * then the best cell refined by golden-section search. The non-negativity constraint is
 * applied afterwards, in the single QP at the chosen λ (as in pyDRTtools' GCV/L-curve, which
 * also score the unconstrained ridge problem, but there from a local start).
 *
 * Criteria: GCV (Golub, Heath & Wahba 1979): n ρ / (n − tr)²; mGCV and robust GCV (variants
 * that penalise small λ harder); GCV with a discrepancy floor (the default, 'gcv-kk'): GCV
 * minimised over λ ≥ λ_DP where ρ(λ_DP) = n σ̂², σ̂² from a Lin-KK fit (noise.ts) — GCV assumes
 * independent errors, and on measured spectra, whose errors are correlated, it runs to the
 * lower bound; L-curve: maximum curvature of (ln ρ, ln η); re-im cross-validation (Saccoccio et
 * al., Electrochim. Acta 147 (2014) 470): fit Re alone and Im alone, score how each predicts
 * the other part.
 */
import { choleskyInPlace, spdInverse } from '../../numerics/dense.js';
import { backSolveTransposed, forwardSolve, gram, symmetricEigen, symmetricEigenProject, transposeTimes } from './dense.js';

export type LambdaMethod = 'gcv-kk' | 'gcv' | 'mgcv' | 'rgcv' | 'lcurve' | 're-im';

export interface RegularisedProblem {
  /** Unpenalised columns, row-major rows × k (k may be 0). */
  u: Float64Array;
  k: number;
  /** Penalised columns, row-major rows × m. */
  a: Float64Array;
  m: number;
  rows: number;
  b: Float64Array;
  /** Penalty Gram matrix m × m. */
  p: Float64Array;
}

export interface StandardForm {
  rows: number;
  k: number;
  m: number;
  s: Float64Array;
  d: Float64Array;
  /** ‖b'‖² */
  b2: number;
  /** Cholesky factor of the (ridged) penalty. */
  chol: Float64Array;
  /** Eigenvectors (columns), row-major m × m — empty unless requested (re-im's predictionMap needs them). */
  v: Float64Array;
}

/**
 * The normal-equation blocks of the full design [U A] (k unpenalised + m penalised columns):
 * FᵀF (row-major (k+m)²), Fᵀb and bᵀb. computeDrt builds them once and shares them with its QP.
 */
export interface NormalEquations {
  ftf: Float64Array;
  ftb: Float64Array;
  btb: number;
  k: number;
  m: number;
  rows: number;
}

/** FᵀF, Fᵀb, bᵀb for F = [U A]. */
export function normalEquations(prob: RegularisedProblem): NormalEquations {
  const { rows, k, m, u, a, b } = prob;
  const nv = k + m;
  const f = new Float64Array(rows * nv);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < k; j++) f[r * nv + j] = u[r * k + j]!;
    for (let j = 0; j < m; j++) f[r * nv + k + j] = a[r * m + j]!;
  }
  let btb = 0;
  for (let r = 0; r < rows; r++) btb += b[r]! * b[r]!;
  return { ftf: gram(f, rows, nv), ftb: transposeTimes(f, rows, nv, b), btb, k, m, rows };
}

/** Transforms the problem to standard form (see the file comment). */
export function standardForm(prob: RegularisedProblem, withVectors = false): StandardForm {
  return standardFormFromNormal(normalEquations(prob), prob.p, withVectors);
}

/**
 * Standard form from the normal equations. Projecting the unpenalised columns out is the Schur
 * complement A'ᵀA' = AᵀA − AᵀU (UᵀU)⁻¹ UᵀA (and likewise for A'ᵀb' and ‖b'‖²); UᵀU is k × k
 * (k ≤ 3: R∞, L, 1/C), and columns of U that are zero are ignored.
 */
export function standardFormFromNormal(ne: NormalEquations, p: Float64Array, withVectors = false): StandardForm {
  const { k, m, rows, ftf } = ne;
  const nv = k + m;
  const g0 = new Float64Array(m * m);
  const c = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) g0[i * m + j] = ftf[(k + i) * nv + k + j]!;
    c[i] = ne.ftb[k + i]!;
  }
  let b2 = ne.btb;
  // Unpenalised columns in use (non-zero) and the inverse of their Gram matrix.
  const used: number[] = [];
  for (let j = 0; j < k; j++) if (ftf[j * nv + j]! > 0) used.push(j);
  const ku = used.length;
  const uu = new Float64Array(ku * ku);
  for (let a = 0; a < ku; a++) for (let b = 0; b < ku; b++) uu[a * ku + b] = ftf[used[a]! * nv + used[b]!]!;
  const inv = new Float64Array(ku * ku);
  if (!spdInverse(uu, ku, inv)) throw new RangeError('the R∞, L and 1/C columns are linearly dependent');
  if (ku > 0) {
    // B = UᵀA (ku × m), β = Uᵀb; W = (UᵀU)⁻¹B, ω = (UᵀU)⁻¹β
    const w = new Float64Array(ku * m);
    const omega = new Float64Array(ku);
    for (let a = 0; a < ku; a++) {
      for (let b = 0; b < ku; b++) {
        const iab = inv[a * ku + b]!;
        omega[a] += iab * ne.ftb[used[b]!]!;
        for (let j = 0; j < m; j++) w[a * m + j] += iab * ftf[used[b]! * nv + k + j]!;
      }
    }
    for (let a = 0; a < ku; a++) {
      const ua = used[a]!;
      b2 -= ne.ftb[ua]! * omega[a]!;
      for (let i = 0; i < m; i++) {
        const bai = ftf[ua * nv + k + i]!;
        c[i] -= bai * omega[a]!;
        for (let j = 0; j < m; j++) g0[i * m + j] -= bai * w[a * m + j]!;
      }
    }
  }
  // P = LLᵀ, with a relative ridge so null spaces (2nd-derivative penalty on hat functions) stay factorable.
  const chol = Float64Array.from(p);
  let maxDiag = 0;
  for (let i = 0; i < m; i++) maxDiag = Math.max(maxDiag, chol[i * m + i]!);
  for (let i = 0; i < m; i++) chol[i * m + i] += 1e-10 * maxDiag;
  if (!choleskyInPlace(chol, m)) throw new RangeError('penalty matrix is not positive definite');
  // G = L⁻¹ G0 L⁻ᵀ
  const w = new Float64Array(m * m);
  const col = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) col[i] = g0[i * m + j]!;
    forwardSolve(chol, m, col);
    for (let i = 0; i < m; i++) w[j * m + i] = col[i]!; // row j of Wᵀ = column j of W
  }
  const g = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) col[i] = w[i * m + j]!; // column j of Wᵀ
    forwardSolve(chol, m, col);
    for (let i = 0; i < m; i++) g[i * m + j] = col[i]!;
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) g[i * m + j] = g[j * m + i] = 0.5 * (g[i * m + j]! + g[j * m + i]!);
  forwardSolve(chol, m, c);
  const s = new Float64Array(m);
  let d: Float64Array;
  let vectors: Float64Array = new Float64Array(0);
  if (withVectors) {
    const eig = symmetricEigen(g, m);
    vectors = eig.vectors;
    d = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      s[i] = Math.max(0, eig.values[i]!);
      let t = 0;
      for (let r = 0; r < m; r++) t += vectors[r * m + i]! * c[r]!;
      d[i] = t;
    }
  } else {
    const eig = symmetricEigenProject(g, m, c);
    for (let i = 0; i < m; i++) s[i] = Math.max(0, eig.values[i]!);
    d = eig.projections;
  }
  return { rows, k: ku, m, s, d, b2: Math.max(b2, 0), chol, v: vectors };
}

/** Residual ‖Ux + Ag − b‖² of the unconstrained solution at λ. */
export function residual(sf: StandardForm, lambda: number): number {
  let r = sf.b2;
  for (let i = 0; i < sf.m; i++) {
    const t = sf.s[i]! + lambda;
    r -= (sf.d[i]! * sf.d[i]! * (sf.s[i]! + 2 * lambda)) / (t * t);
  }
  return Math.max(r, 1e-300);
}

/**
 * Morozov's discrepancy principle: the λ at which the residual of the unconstrained fit reaches
 * the expected size of the noise, ‖r(λ)‖² = n σ² (n rows, σ² an independent noise variance).
 * ‖r‖² grows monotonically with λ, so bisection in log10 λ within [lo, hi]; lo if even the
 * least regularised fit is above the target, hi if the most regularised is below.
 * (The variant ‖r‖² = (n − tr H) σ², which credits the fit's own degrees of freedom, hardly
 * ever bound GCV on the measured spectra of our fixtures and was dropped: it let GCV keep its
 * combs, e.g. 7 peaks on impedance.py's exampleData.csv.)
 */
export function discrepancyLambda(sf: StandardForm, sigma2: number, lo: number, hi: number): number {
  const target = sigma2 * sf.rows;
  if (residual(sf, 10 ** lo) >= target) return 10 ** lo;
  if (residual(sf, 10 ** hi) <= target) return 10 ** hi;
  let a = lo;
  let b = hi;
  for (let it = 0; it < 40 && b - a > 1e-4; it++) {
    const c = 0.5 * (a + b);
    if (residual(sf, 10 ** c) < target) a = c;
    else b = c;
  }
  return 10 ** (0.5 * (a + b));
}

/** gᵀPg of the unconstrained solution at λ. */
export function seminorm(sf: StandardForm, lambda: number): number {
  let e = 0;
  for (let i = 0; i < sf.m; i++) {
    const t = sf.s[i]! + lambda;
    e += (sf.d[i]! * sf.d[i]!) / (t * t);
  }
  return Math.max(e, 1e-300);
}

/**
 * Generalised cross-validation score n ρ / (n − c·tr)² (lower is better); c = 1 is GCV, c > 1
 * the modified GCV of Cummins, Filloon & Nychka (2001), which counters GCV's tendency to
 * under-smooth (pyDRTtools' mGCV uses c = 2 for n ≥ 50, 1.3 below).
 */
export function gcv(sf: StandardForm, lambda: number, c = 1): number {
  let tr = sf.k;
  for (let i = 0; i < sf.m; i++) tr += sf.s[i]! / (sf.s[i]! + lambda);
  const dof = Math.max(sf.rows - c * tr, 1e-9);
  return (sf.rows * residual(sf, lambda)) / (dof * dof);
}

/**
 * Robust GCV (Lukas, Inverse Problems 22 (2006) 1883): [ξ + (1 − ξ) μ₂] · GCV with
 * μ₂ = tr(H²)/n, 0 < ξ ≤ 1 (ξ = 1 is GCV); it penalises small λ, where H → I, harder.
 */
export function rgcv(sf: StandardForm, lambda: number, xi: number): number {
  let tr2 = sf.k;
  for (let i = 0; i < sf.m; i++) {
    const f = sf.s[i]! / (sf.s[i]! + lambda);
    tr2 += f * f;
  }
  return (xi + ((1 - xi) * tr2) / sf.rows) * gcv(sf, lambda);
}

/**
 * Signed curvature of the L-curve (x, y) = (ln ρ, ln η) traversed with increasing t = ln λ:
 * κ = (x′y″ − y′x″)/(x′² + y′²)^{3/2}, derivatives by central differences in t (ρ and η are
 * O(m) each, so this is cheap and avoids sign conventions of closed forms). The corner turns
 * the curve from going down to going right (κ > 0, the maximum); the bend at very large λ, where
 * the solution shrinks to zero, turns the other way (κ < 0) and is never picked.
 */
export function lcurveCurvature(sf: StandardForm, lambda: number): number {
  const h = 0.02;
  const t = Math.log(lambda);
  const x = (tt: number) => Math.log(residual(sf, Math.exp(tt)));
  const y = (tt: number) => Math.log(seminorm(sf, Math.exp(tt)));
  const x0 = x(t);
  const xp = x(t + h);
  const xm = x(t - h);
  const y0 = y(t);
  const yp = y(t + h);
  const ym = y(t - h);
  const dx = (xp - xm) / (2 * h);
  const dy = (yp - ym) / (2 * h);
  const ddx = (xp - 2 * x0 + xm) / (h * h);
  const ddy = (yp - 2 * y0 + ym) / (h * h);
  return (dx * ddy - dy * ddx) / (dx * dx + dy * dy) ** 1.5;
}

/**
 * Precomputed map from the filtered coefficients d_i/(s_i + λ) to the prediction A_other g,
 * for re-im cross-validation: B = A_other L⁻ᵀ V (rows_other × m).
 */
export function predictionMap(sf: StandardForm, other: Float64Array, otherRows: number): Float64Array {
  const { m, v } = sf;
  if (v.length !== m * m) throw new RangeError('predictionMap needs the standard form with eigenvectors');
  const lv = new Float64Array(m * m); // L⁻ᵀ V, row-major
  const col = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) col[i] = v[i * m + j]!;
    backSolveTransposed(sf.chol, m, col);
    for (let i = 0; i < m; i++) lv[i * m + j] = col[i]!;
  }
  const out = new Float64Array(otherRows * m);
  for (let r = 0; r < otherRows; r++) {
    for (let i = 0; i < m; i++) {
      const ari = other[r * m + i]!;
      if (ari === 0) continue;
      for (let j = 0; j < m; j++) out[r * m + j] += ari * lv[i * m + j]!;
    }
  }
  return out;
}

/**
 * Minimises `score` over log10 λ ∈ [lo, hi]: a grid of `step` decades over the whole range,
 * then golden-section search inside the best grid cell's neighbours.
 */
export function searchLambda(score: (lambda: number) => number, lo: number, hi: number, step: number): { lambda: number; grid: { log10Lambda: number[]; score: number[] } } {
  const xs: number[] = [];
  const ys: number[] = [];
  const n = Math.max(2, Math.round((hi - lo) / step) + 1);
  let best = 0;
  for (let i = 0; i < n; i++) {
    const x = lo + ((hi - lo) * i) / (n - 1);
    const y = score(10 ** x);
    xs.push(x);
    ys.push(y);
    if (!(y >= ys[best]!)) best = i;
  }
  let a = xs[Math.max(0, best - 1)]!;
  let b = xs[Math.min(n - 1, best + 1)]!;
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = score(10 ** c);
  let fd = score(10 ** d);
  for (let it = 0; it < 30 && b - a > 1e-4; it++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = score(10 ** c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = score(10 ** d);
    }
  }
  let x = 0.5 * (a + b);
  // Never return worse than the best grid point (the refinement assumes one minimum per cell).
  if (!(score(10 ** x) <= ys[best]!)) x = xs[best]!;
  return { lambda: 10 ** x, grid: { log10Lambda: xs, score: ys } };
}
