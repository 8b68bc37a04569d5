/**
 * Types for `quadprog` 1.6.1 (a port of R's quadprog, Goldfarb–Idnani dual method). Its arrays
 * are 1-indexed like the Fortran original: element 0 is unused. Use `numerics/qp.ts` instead
 * of calling this directly.
 */
declare module 'quadprog' {
  export interface QPResult {
    /** 1-indexed solution. */
    solution: number[];
    Lagrangian: number[];
    value: number[];
    unconstrained_solution: number[];
    iterations: number[];
    iact: number[];
    /** Empty on success. */
    message: string;
  }
  /**
   * min −dᵀb + ½ bᵀDb subject to Aᵀb ≥ b0 (first `meq` as equalities). Dmat[i][j], Amat[i][j]
   * (variable i, constraint j), all 1-indexed. Dmat and dvec are overwritten.
   */
  export function solveQP(Dmat: number[][], dvec: number[], Amat: number[][], bvec?: number[], meq?: number, factorized?: number[]): QPResult;
}
