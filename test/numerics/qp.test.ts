import { describe, expect, it } from 'vitest';
import { fcnnlsVector } from 'ml-fcnnls';
import { solveBoundedQP, solveBoundedQPScreened } from '../../src/numerics/qp.js';
import { createRng } from '../../src/core/rng.js';
import { makeBasis } from '../../src/impedance/drt/basis.js';
import { impedanceMatrices, penaltyMatrix } from '../../src/impedance/drt/matrices.js';
import { choleskyInPlace } from '../../src/numerics/dense.js';

/** H = AᵀA and c = −Aᵀb for min ‖Ax − b‖². */
function normalEquations(a: number[][], b: number[]) {
  const n = a[0]!.length;
  const h = new Float64Array(n * n);
  const c = new Float64Array(n);
  a.forEach((row, r) => {
    for (let i = 0; i < n; i++) {
      c[i] -= row[i]! * b[r]!;
      for (let j = 0; j < n; j++) h[i * n + j] += row[i]! * row[j]!;
    }
  });
  return { h, c };
}

describe('solveBoundedQP (quadprog) against ml-fcnnls', () => {
  it('matches the README example of quadprog (general QP reduced to bounds: x ≥ 0)', () => {
    // min ½xᵀx − (0,5,0)ᵀx, x ≥ 0 → x = (0, 5, 0)
    const x = solveBoundedQP([1, 0, 0, 0, 1, 0, 0, 0, 1], [0, -5, 0], [0, 0, 0]);
    expect(Array.from(x)).toEqual([expect.closeTo(0, 12), expect.closeTo(5, 12), expect.closeTo(0, 12)]);
    // shifted bound x ≥ 1 in the first and free third variable
    const y = solveBoundedQP([1, 0, 0, 0, 1, 0, 0, 0, 1], [0, -5, 3], [1, 0, -Infinity]);
    expect(Array.from(y)).toEqual([expect.closeTo(1, 12), expect.closeTo(5, 12), expect.closeTo(-3, 12)]);
  });

  it('random non-negative least squares: same solution as fcnnls', () => {
    const rng = createRng(11);
    const rows = 40;
    const cols = 12;
    const a = Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal()));
    const b = Array.from({ length: rows }, () => rng.normal());
    const { h, c } = normalEquations(a, b);
    const x = solveBoundedQP(h, c, new Float64Array(cols));
    const ref = fcnnlsVector(a, b).K.to1DArray();
    const xs = solveBoundedQPScreened(h, c, new Float64Array(cols));
    xs.forEach((v, i) => expect(v).toBeCloseTo(ref[i]!, 6));
    expect(x.filter((v) => v > 1e-12).length).toBeGreaterThan(0);
    expect(x.filter((v) => v <= 1e-12).length).toBeGreaterThan(0); // some bounds active
    x.forEach((v, i) => expect(v).toBeCloseTo(ref[i]!, 6));
  });

  it('a DRT problem (Gaussian RBF, ZARC data, λ = 1e-3): quadprog = fcnnls on [A; √λ Lᵀ]', () => {
    const f = Array.from({ length: 41 }, (_, i) => 10 ** (5 - i / 8));
    const omega = Float64Array.from(f, (v) => 2 * Math.PI * v);
    const m = 40;
    const lnLo = Math.log(1 / omega[0]!) - 1;
    const lnHi = Math.log(1 / omega[40]!) + 1;
    const delta = (lnHi - lnLo) / (m - 1);
    const tau = Float64Array.from({ length: m }, (_, j) => Math.exp(lnLo + j * delta));
    const basis = makeBasis('gaussian', delta);
    const { re, im } = impedanceMatrices(omega, tau, basis);
    const p = penaltyMatrix(basis, m, delta, 1);
    const lambda = 1e-3;
    // data: 50/(1 + (jωτ)^0.8), τ = 1 ms, scaled by 1/50
    const rows: number[][] = [];
    const b: number[] = [];
    for (let part = 0; part < 2; part++) {
      for (let i = 0; i < omega.length; i++) {
        const mm = (omega[i]! * 1e-3) ** 0.8;
        const ca = Math.cos(0.4 * Math.PI);
        const sa = Math.sin(0.4 * Math.PI);
        const d = (1 + mm * ca) ** 2 + (mm * sa) ** 2;
        const z = part === 0 ? (1 + mm * ca) / d : (-mm * sa) / d;
        rows.push(Array.from((part === 0 ? re : im).subarray(i * m, (i + 1) * m)));
        b.push(z);
      }
    }
    const { h, c } = normalEquations(rows, b);
    for (let i = 0; i < m * m; i++) h[i] += lambda * p[i]!;
    const x = solveBoundedQP(h, c, new Float64Array(m));
    const xs = solveBoundedQPScreened(h, c, new Float64Array(m));
    // the same problem as NNLS: P = LLᵀ, append the rows √λ Lᵀ with zero data
    const l = Float64Array.from(p);
    for (let i = 0; i < m; i++) l[i * m + i] += 1e-12;
    expect(choleskyInPlace(l, m)).toBe(true);
    const aug = rows.map((r) => r.slice());
    const baug = b.slice();
    for (let j = 0; j < m; j++) {
      aug.push(Array.from({ length: m }, (_, i) => (i >= j ? Math.sqrt(lambda) * l[i * m + j]! : 0))); // row j of Lᵀ (L is the lower triangle)
      baug.push(0);
    }
    const ref = fcnnlsVector(aug, baug, { gradientTolerance: 1e-12 }).K.to1DArray();
    let maxX = 0;
    let maxDiff = 0;
    x.forEach((v, i) => {
      maxX = Math.max(maxX, Math.abs(v));
      maxDiff = Math.max(maxDiff, Math.abs(v - ref[i]!));
    });
    expect(maxDiff / maxX).toBeLessThan(1e-5);
    let maxDiffScreened = 0;
    xs.forEach((v, i) => (maxDiffScreened = Math.max(maxDiffScreened, Math.abs(v - ref[i]!))));
    expect(maxDiffScreened / maxX).toBeLessThan(1e-5);
  });
});
