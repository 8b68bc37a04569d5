/**
 * Small dense linear algebra on row-major Float64Arrays, allocation-free: the normal equations
 * of least-squares fits with a handful of parameters (n ≲ 30), where a plain Cholesky beats any
 * general matrix library by avoiding object churn.
 */

/**
 * Cholesky factorisation in place: the lower triangle of `a` (n×n, row-major, symmetric
 * positive definite) becomes L with A = L·Lᵀ. Returns false if A is not positive definite.
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let s = a[j * n + j]!;
    for (let k = 0; k < j; k++) s -= a[j * n + k]! * a[j * n + k]!;
    if (!(s > 0) || !Number.isFinite(s)) return false;
    const d = Math.sqrt(s);
    a[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let t = a[i * n + j]!;
      for (let k = 0; k < j; k++) t -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = t / d;
    }
  }
  return true;
}

/** Solves L·Lᵀ x = b with the factor from `choleskyInPlace`; b is overwritten by x. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
}

/**
 * Inverse of a symmetric positive definite matrix (n×n) into `out`, or false if singular.
 * Equilibrated first (D⁻¹AD⁻¹ with D = √diag A) so parameters of very different scale do not
 * make a well-posed problem look singular.
 */
export function spdInverse(a: Float64Array, n: number, out: Float64Array): boolean {
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i * n + i]!;
    if (!(v > 0)) return false;
    d[i] = Math.sqrt(v);
  }
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) l[i * n + j] = a[i * n + j]! / (d[i]! * d[j]!);
  if (!choleskyInPlace(l, n)) return false;
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    col.fill(0);
    col[j] = 1;
    choleskySolveInPlace(l, n, col);
    for (let i = 0; i < n; i++) out[i * n + j] = col[i]! / (d[i]! * d[j]!);
  }
  return true;
}
