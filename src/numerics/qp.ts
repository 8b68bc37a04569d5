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
