/**
 * Small dense linear-algebra kernels on row-major Float64Arrays for the DRT (sizes ~100), kept
 * allocation-light: the two triangular solves of a Cholesky factor (numerics/dense.ts
 * `choleskyInPlace`) used separately, AᵀA, Aᵀb and symmetric eigen-decomposition.
 */

/** Solves L y = b in place (L lower triangular, row-major n × n). */
export function forwardSolve(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
}

/** Solves Lᵀ x = b in place. */
export function backSolveTransposed(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
}

/** AᵀA for row-major A (rows × cols). */
export function gram(a: Float64Array, rows: number, cols: number): Float64Array {
  const g = new Float64Array(cols * cols);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let i = 0; i < cols; i++) {
      const ai = a[o + i]!;
      if (ai === 0) continue;
      const gi = i * cols;
      for (let j = i; j < cols; j++) g[gi + j] += ai * a[o + j]!;
    }
  }
  for (let i = 0; i < cols; i++) for (let j = 0; j < i; j++) g[i * cols + j] = g[j * cols + i]!;
  return g;
}

/** Aᵀb. */
export function transposeTimes(a: Float64Array, rows: number, cols: number, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const br = b[r]!;
    if (br === 0) continue;
    const o = r * cols;
    for (let i = 0; i < cols; i++) out[i] += a[o + i]! * br;
  }
  return out;
}

/**
 * Eigen-decomposition of a symmetric matrix: values ascending, vectors as columns (row-major
 * n × n). Householder tridiagonalisation then the implicit QL algorithm with shifts (the EISPACK
 * tred2/tql2 pair, Wilkinson & Reinsch), on typed arrays: ~5× faster than going through
 * ml-matrix's Matrix objects at n ≈ 100.
 */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const v = Float64Array.from(a.subarray(0, n * n));
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const V = (i: number, j: number) => i * n + j;
  // --- tridiagonalisation (V accumulates the orthogonal transformation) ---
  for (let j = 0; j < n; j++) d[j] = v[V(n - 1, j)]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = v[V(i - 1, j)]!;
        v[V(i, j)] = 0;
        v[V(j, i)] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] = d[k]! / scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        v[V(j, i)] = f;
        g = e[j]! + v[V(j, j)]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[V(k, j)]! * d[k]!;
          e[k] += v[V(k, j)]! * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] = e[j]! / h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j]!;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        for (let k = j; k <= i - 1; k++) v[V(k, j)] -= f * e[k]! + g * d[k]!;
        d[j] = v[V(i - 1, j)]!;
        v[V(i, j)] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    v[V(n - 1, i)] = v[V(i, i)]!;
    v[V(i, i)] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[V(k, i + 1)]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[V(k, i + 1)]! * v[V(k, j)]!;
        for (let k = 0; k <= i; k++) v[V(k, j)] -= g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[V(k, i + 1)] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[V(n - 1, j)]!;
    v[V(n - 1, j)] = 0;
  }
  v[V(n - 1, n - 1)] = 1;
  e[0] = 0;
  // --- implicit QL on the tridiagonal matrix ---
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]!) > eps * tst1) m++;
    if (m > l) {
      for (let iter = 0; iter < 60; iter++) {
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.sqrt(p * p + 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.sqrt(p * p + e[i]! * e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          for (let k = 0; k < n; k++) {
            const hk = v[V(k, i + 1)]!;
            v[V(k, i + 1)] = s * v[V(k, i)]! + c * hk;
            v[V(k, i)] = c * v[V(k, i)]! - s * hk;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (!(Math.abs(e[l]!) > eps * tst1)) break;
      }
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
  // --- sort ascending ---
  const order = Array.from(d.keys()).sort((x, y) => d[x]! - d[y]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = d[src]!;
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[V(k, src)]!;
  });
  return { values, vectors };
}

/**
 * Eigenvalues s (ascending) of a symmetric matrix and the projections w = Vᵀc of a vector c on
 * its eigenvectors, without forming V: Householder tridiagonalisation applied to c as it goes,
 * then implicit QL whose Givens rotations are applied to w only. ~4n³/3 flops instead of ~6n³
 * with eigenvectors — all the λ criteria that need only s and Vᵀc (GCV, L-curve) use this.
 */
export function symmetricEigenProject(a: Float64Array, n: number, c: ArrayLike<number>): { values: Float64Array; projections: Float64Array } {
  const g = Float64Array.from(a.subarray(0, n * n));
  const w = Float64Array.from(c);
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    // Householder vector for g[k+1.., k]
    let alpha = 0;
    for (let i = k + 1; i < n; i++) alpha += g[i * n + k]! * g[i * n + k]!;
    alpha = Math.sqrt(alpha);
    if (alpha === 0) continue;
    const x0 = g[(k + 1) * n + k]!;
    if (x0 > 0) alpha = -alpha;
    for (let i = 0; i <= k; i++) v[i] = 0;
    v[k + 1] = x0 - alpha;
    for (let i = k + 2; i < n; i++) v[i] = g[i * n + k]!;
    let vv = 0;
    for (let i = k + 1; i < n; i++) vv += v[i]! * v[i]!;
    if (vv === 0) continue;
    const beta = 2 / vv;
    // Symmetric two-sided update G ← (I − βvvᵀ) G (I − βvvᵀ) on the trailing block (rows/cols ≥ k).
    // p = β G v, K = β/2 vᵀp, q = p − K v, G ← G − v qᵀ − q vᵀ
    for (let i = k; i < n; i++) {
      let s = 0;
      for (let j = k + 1; j < n; j++) s += g[i * n + j]! * v[j]!;
      p[i] = beta * s;
    }
    let kk = 0;
    for (let i = k + 1; i < n; i++) kk += v[i]! * p[i]!;
    kk *= beta / 2;
    for (let i = k; i < n; i++) p[i] = p[i]! - kk * v[i]!;
    for (let i = k; i < n; i++) {
      const vi = v[i]!;
      const pi = p[i]!;
      for (let j = k; j < n; j++) g[i * n + j] -= vi * p[j]! + pi * v[j]!;
    }
    // w ← (I − βvvᵀ) w
    let dot = 0;
    for (let i = k + 1; i < n; i++) dot += v[i]! * w[i]!;
    dot *= beta;
    for (let i = k + 1; i < n; i++) w[i] -= dot * v[i]!;
  }
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = g[i * n + i]!;
  for (let i = 0; i < n - 1; i++) e[i] = g[(i + 1) * n + i]!;
  // Implicit QL with Wilkinson-type shifts (same iteration as tql2), rotations applied to w.
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]!) > eps * tst1) m++;
    if (m > l) {
      for (let iter = 0; iter < 60; iter++) {
        let gg = d[l]!;
        let pp = (d[l + 1]! - gg) / (2 * e[l]!);
        let r = Math.sqrt(pp * pp + 1);
        if (pp < 0) r = -r;
        d[l] = e[l]! / (pp + r);
        d[l + 1] = e[l]! * (pp + r);
        const dl1 = d[l + 1]!;
        let h = gg - d[l]!;
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        pp = d[m]!;
        let cc = 1;
        let c2 = cc;
        let c3 = cc;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = cc;
          s2 = s;
          gg = cc * e[i]!;
          h = cc * pp;
          r = Math.sqrt(pp * pp + e[i]! * e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          cc = pp / r;
          pp = cc * d[i]! - s * gg;
          d[i + 1] = h + s * (cc * gg + s * d[i]!);
          const wi1 = w[i + 1]!;
          w[i + 1] = s * w[i]! + cc * wi1;
          w[i] = cc * w[i]! - s * wi1;
        }
        pp = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * pp;
        d[l] = cc * pp;
        if (!(Math.abs(e[l]!) > eps * tst1)) break;
      }
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
  const order = Array.from(d.keys()).sort((x, y) => d[x]! - d[y]!);
  return { values: Float64Array.from(order, (i) => d[i]!), projections: Float64Array.from(order, (i) => w[i]!) };
}
