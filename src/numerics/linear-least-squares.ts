/**
 * Dense linear least squares min ‖A x − b‖₂ by Householder QR with column equilibration.
 *
 * Why our own and not normal equations: the Lin-KK design matrix (RC columns 1/(1 + jωτ_k)
 * with τ spaced over the whole frequency window) is badly conditioned for large M, and
 * forming AᵀA squares the condition number. QR on the column-scaled matrix keeps the
 * accuracy of numpy's `pinv` for the well-posed cases that matter. Columns whose norm is
 * zero (e.g. an inductance column when only real parts are fitted) or numerically dependent
 * (|R_jj| below `rcond`·max|R_ii|) get coefficient 0, as a minimum-norm pseudo-inverse would
 * give for an exactly zero column.
 *
 * A is row-major, `rows` × `cols`, rows ≥ cols. Nothing is modified.
 */
export interface LeastSquaresResult {
  /** Coefficients (length cols). */
  x: Float64Array;
  /** Number of columns kept (numerical rank). */
  rank: number;
}

export function solveLeastSquares(
  a: ArrayLike<number>,
  rows: number,
  cols: number,
  b: ArrayLike<number>,
  rcond = 1e-13,
): LeastSquaresResult {
  if (a.length !== rows * cols) throw new RangeError('A must have rows × cols entries');
  if (b.length !== rows) throw new RangeError('b must have `rows` entries');
  if (rows < cols) throw new RangeError('least squares needs at least as many rows as columns');

  // Column-major working copy, each column scaled to unit norm.
  const q = new Float64Array(rows * cols);
  const scale = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += a[i * cols + j]! * a[i * cols + j]!;
    s = Math.sqrt(s);
    scale[j] = s > 0 ? s : 0;
    const inv = s > 0 ? 1 / s : 0;
    for (let i = 0; i < rows; i++) q[j * rows + i] = a[i * cols + j]! * inv;
  }
  const y = Float64Array.from(b);
  const diag = new Float64Array(cols);
  // pivotRow[k]: the row of R holding column k's diagonal, −1 for a dropped column.
  const pivotRow = new Int32Array(cols).fill(-1);

  let r = 0;
  let maxDiag = 0;
  for (let k = 0; k < cols; k++) {
    if (scale[k] === 0) continue;
    const col = k * rows;
    let norm = 0;
    for (let i = r; i < rows; i++) norm += q[col + i]! * q[col + i]!;
    norm = Math.sqrt(norm);
    // A column that is (numerically) a combination of the previous ones is dropped.
    if (norm <= rcond * Math.max(maxDiag, 1)) continue;
    const alpha = q[col + r]! > 0 ? -norm : norm;
    // Householder vector v = x − alpha e_r, stored in place (rows r…).
    q[col + r] = q[col + r]! - alpha;
    let vnorm2 = 0;
    for (let i = r; i < rows; i++) vnorm2 += q[col + i]! * q[col + i]!;
    if (vnorm2 > 0) {
      for (let j = k + 1; j < cols; j++) {
        const cj = j * rows;
        let dot = 0;
        for (let i = r; i < rows; i++) dot += q[col + i]! * q[cj + i]!;
        const f = (2 * dot) / vnorm2;
        for (let i = r; i < rows; i++) q[cj + i] = q[cj + i]! - f * q[col + i]!;
      }
      let dot = 0;
      for (let i = r; i < rows; i++) dot += q[col + i]! * y[i]!;
      const f = (2 * dot) / vnorm2;
      for (let i = r; i < rows; i++) y[i] = y[i]! - f * q[col + i]!;
    }
    diag[k] = alpha;
    pivotRow[k] = r++;
    maxDiag = Math.max(maxDiag, Math.abs(alpha));
  }
  // Back substitution on the kept columns; a dropped column's coefficient stays 0.
  const x = new Float64Array(cols);
  for (let k = cols - 1; k >= 0; k--) {
    const pr = pivotRow[k]!;
    if (pr < 0) continue;
    let s = y[pr]!;
    for (let j = k + 1; j < cols; j++) if (pivotRow[j]! >= 0) s -= q[j * rows + pr]! * x[j]!;
    x[k] = s / diag[k]!;
  }
  for (let j = 0; j < cols; j++) x[j] = scale[j]! > 0 ? x[j]! / scale[j]! : 0;
  return { x, rank: r };
}
