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
import { choleskyInPlace, choleskySolveInPlace } from './dense.js';

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
 * Minimiser of ½xᵀHx + cᵀx over the variables with free[i] = 1, the others held at x[i] (their
 * bounds); by Cholesky of the free block. Returns false if that block is not positive definite.
 */
function solveFreeBlock(h: ArrayLike<number>, c: ArrayLike<number>, n: number, free: Uint8Array, x: Float64Array): boolean {
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (free[i]) idx.push(i);
  const m = idx.length;
  const l = new Float64Array(m * m);
  const y = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    const ia = idx[a]!;
    let r = -c[ia]!;
    for (let j = 0; j < n; j++) if (!free[j] && x[j] !== 0) r -= h[ia * n + j]! * x[j]!;
    y[a] = r;
    for (let b = 0; b <= a; b++) l[a * m + b] = h[ia * n + idx[b]!]!;
  }
  if (!choleskyInPlace(l, m)) return false;
  choleskySolveInPlace(l, m, y);
  idx.forEach((ia, a) => (x[ia] = y[a]!));
  return true;
}

/**
 * The same problem, solved faster when many bounds are active at the optimum (a DRT is zero over
 * much of its τ range). quadprog's dual method adds one active bound per iteration, each
 * costing O(n·q), so it pays to hand it only the variables likely to be free:
 *  1. guess the free set by repeated unconstrained solves on the current set, dropping the
 *     variables that land below their bound (cheap Cholesky solves);
 *  2. solve the QP on that set with quadprog, the other variables held at their bounds;
 *  3. check the KKT conditions of the FULL problem (gradient ≥ −tol for every variable held at
 *     its bound); violators and their index neighbours join the set and step 2 repeats.
 * So the answer is the full QP's optimum, not an approximation; after `maxRounds` the whole
 * problem goes to quadprog.
 */
export function solveBoundedQPScreened(h: ArrayLike<number>, c: ArrayLike<number>, lower: ArrayLike<number>, maxRounds = 6): Float64Array {
  const n = c.length;
  const free = new Uint8Array(n).fill(1);
  const guess = new Float64Array(n);
  for (let it = 0; it < 12; it++) {
    for (let i = 0; i < n; i++) if (!free[i]) guess[i] = lower[i]!;
    if (!solveFreeBlock(h, c, n, free, guess)) return solveBoundedQP(h, c, lower);
    let dropped = false;
    for (let i = 0; i < n; i++) {
      if (free[i] && Number.isFinite(lower[i]!) && guess[i]! < lower[i]!) {
        free[i] = 0;
        dropped = true;
      }
    }
    if (!dropped) break;
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
    const add: number[] = [];
    for (let i = 0; i < n; i++) {
      if (free[i]) continue;
      let g = c[i]!;
      for (let j = 0; j < n; j++) g += h[i * n + j]! * x[j]!;
      if (g < -1e-7 * scaleG) {
        add.push(i);
        violated = true;
      }
    }
    if (!violated) return x;
    for (const i of add) for (let j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) free[j] = 1;
  }
  return solveBoundedQP(h, c, lower);
}
