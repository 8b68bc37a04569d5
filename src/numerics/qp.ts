/**
 * Dense strictly convex quadratic programs with lower bounds, over `quadprog` (Goldfarb–Idnani
 * dual active-set method, a port of R's quadprog) — hiding its 1-indexed API:
 *
 *   minimise ½ xᵀ H x + cᵀ x   subject to   x_i ≥ lower_i  for every i with a finite lower_i.
 *
 * H (n × n, row-major, symmetric positive definite) and c are not modified. The problem is
 * passed to quadprog in Jacobi-scaled variables x = D x̃, D = diag(H)^{-1/2} (so diag H̃ = 1):
 * the DRT's columns differ by orders of magnitude, and the dual method then needs fewer and
 * better-conditioned active-set steps. Bounds are scaled with the variables.
 */
import quadprog from 'quadprog';
import { ConvergenceError } from '../core/errors.js';

export function solveBoundedQP(h: ArrayLike<number>, c: ArrayLike<number>, lower: ArrayLike<number>): Float64Array {
  const n = c.length;
  if (h.length !== n * n || lower.length !== n) throw new RangeError('H must be n × n and lower must have n entries');
  const dscale = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hii = h[i * n + i]!;
    if (!(hii > 0)) throw new ConvergenceError('quadratic program: H is not positive definite');
    dscale[i] = 1 / Math.sqrt(hii);
  }
  const dmat: number[][] = [[]];
  const dvec: number[] = [0];
  for (let i = 0; i < n; i++) {
    const row: number[] = [0];
    for (let j = 0; j < n; j++) row.push(h[i * n + j]! * dscale[i]! * dscale[j]!);
    dmat.push(row);
    dvec.push(-c[i]! * dscale[i]!);
  }
  const bounded: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(lower[i]!)) bounded.push(i);
  const q = bounded.length;
  const amat: number[][] = [[]];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(q + 1).fill(0);
    amat.push(row);
  }
  const bvec: number[] = [0];
  bounded.forEach((i, j) => {
    amat[i + 1]![j + 1] = 1;
    bvec.push(lower[i]! / dscale[i]!);
  });
  if (q === 0) {
    // quadprog needs at least one constraint column: add a vacuous one.
    for (let i = 1; i <= n; i++) amat[i]![1] = 0;
    bvec.push(-1);
  }
  const res = quadprog.solveQP(dmat, dvec, amat, bvec, 0);
  if (res.message) throw new ConvergenceError(`quadratic program: ${res.message}`);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = res.solution[i + 1]! * dscale[i]!;
  return x;
}

/**
 * The same problem, solved faster when many bounds are active at the optimum (a DRT is zero over
 * much of its τ range): quadprog only sees the variables that the unconstrained minimiser puts
 * clearly above their bound (by > 2 % of the largest excursion), their index neighbours (±`spread`) and the unbounded ones; the others are
 * held at their bounds. The result is then checked against the KKT conditions of the FULL
 * problem (gradient ≥ −tol for every variable held at its bound); violators join the free set
 * and the reduced QP is solved again. So the answer is the full QP's optimum, not an
 * approximation; at worst (after `maxRounds`) the full problem goes to quadprog.
 */
export function solveBoundedQPScreened(h: ArrayLike<number>, c: ArrayLike<number>, lower: ArrayLike<number>, spread = 2, maxRounds = 4): Float64Array {
  const n = c.length;
  // Unconstrained minimiser −H⁻¹c by Cholesky.
  const l = Float64Array.from(h as ArrayLike<number>);
  let spd = true;
  for (let j = 0; j < n && spd; j++) {
    let d = l[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! * l[j * n + k]!;
    if (!(d > 0)) {
      spd = false;
      break;
    }
    d = Math.sqrt(d);
    l[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let s = l[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / d;
    }
  }
  if (!spd) throw new ConvergenceError('quadratic program: H is not positive definite');
  const xu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = -c[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * xu[k]!;
    xu[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = xu[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * xu[k]!;
    xu[i] = s / l[i * n + i]!;
  }
  // Guess: variables clearly above their bound (the ridge solution oscillates around the bound
  // where the constrained one sits on it, so small excursions do not count).
  let big = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(lower[i]!)) big = Math.max(big, xu[i]! - lower[i]!);
  const free = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(lower[i]!) || xu[i]! - lower[i]! > 0.02 * big) {
      for (let j = Math.max(0, i - spread); j <= Math.min(n - 1, i + spread); j++) free[j] = 1;
    }
  }
  let scaleG = 0;
  for (let i = 0; i < n; i++) scaleG = Math.max(scaleG, Math.abs(c[i]!));
  for (let round = 0; round < maxRounds; round++) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (free[i]) idx.push(i);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) if (!free[i]) x[i] = lower[i]!;
    if (idx.length > 0) {
      const m = idx.length;
      const hs = new Float64Array(m * m);
      const cs = new Float64Array(m);
      const ls = new Float64Array(m);
      for (let a = 0; a < m; a++) {
        const ia = idx[a]!;
        let ca = c[ia]!;
        // contribution of the variables held at nonzero bounds
        for (let j = 0; j < n; j++) if (!free[j] && x[j] !== 0) ca += h[ia * n + j]! * x[j]!;
        cs[a] = ca;
        ls[a] = lower[ia]!;
        for (let b = 0; b < m; b++) hs[a * m + b] = h[ia * n + idx[b]!]!;
      }
      const xs = solveBoundedQP(hs, cs, ls);
      idx.forEach((ia, a) => (x[ia] = xs[a]!));
    }
    // KKT for the variables held at their bounds: ∂f/∂x_i = (Hx + c)_i ≥ 0.
    let violated = false;
    for (let i = 0; i < n; i++) {
      if (free[i]) continue;
      let g = c[i]!;
      for (let j = 0; j < n; j++) g += h[i * n + j]! * x[j]!;
      if (g < -1e-7 * scaleG) {
        for (let j = Math.max(0, i - spread); j <= Math.min(n - 1, i + spread); j++) free[j] = 1;
        violated = true;
      }
    }
    if (!violated) return x;
  }
  return solveBoundedQP(h, c, lower);
}
