import { describe, expect, it } from 'vitest';
import { levenbergMarquardt, type LeastSquaresProblem } from '../../src/numerics/levenberg-marquardt.js';
import { choleskyInPlace, choleskySolveInPlace, spdInverse } from '../../src/numerics/dense.js';
import { scipyReference } from '../impedance/fit/helpers.js';

describe('bounded Levenberg–Marquardt', () => {
  it('solves Rosenbrock written as least squares (r = [10(x2 − x1²), 1 − x1]) from (−1.2, 1)', () => {
    const p: LeastSquaresProblem = {
      m: 2,
      n: 2,
      evaluate(x, r, J) {
        r[0] = 10 * (x[1]! - x[0]! * x[0]!);
        r[1] = 1 - x[0]!;
        if (J) {
          // column-major
          J[0] = -20 * x[0]!;
          J[1] = -1;
          J[2] = 10;
          J[3] = 0;
        }
        return true;
      },
    };
    const res = levenbergMarquardt(p, Float64Array.of(-1.2, 1));
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 10);
    expect(res.x[1]).toBeCloseTo(1, 10);
    expect(res.cost).toBeLessThan(1e-20);
  });

  it("matches scipy least_squares (MINPACK) on a noisy exponential decay", () => {
    const { t, y, x: ref, sumOfSquares } = scipyReference.exponential;
    const m = t.length;
    const p: LeastSquaresProblem = {
      m,
      n: 3,
      evaluate(x, r, J) {
        for (let i = 0; i < m; i++) {
          const e = Math.exp(-x[1]! * t[i]!);
          r[i] = x[0]! * e + x[2]! - y[i]!;
          if (J) {
            J[i] = e;
            J[m + i] = -x[0]! * t[i]! * e;
            J[2 * m + i] = 1;
          }
        }
        return true;
      },
    };
    const res = levenbergMarquardt(p, Float64Array.of(1, 1, 0));
    expect(res.converged).toBe(true);
    ref.forEach((v, k) => expect(Math.abs(res.x[k]! - v) / Math.abs(v)).toBeLessThan(1e-8));
    expect(Math.abs(res.cost - sumOfSquares) / sumOfSquares).toBeLessThan(1e-10);
  });

  it('respects bounds and reports the variables held on them', () => {
    // minimise (x0 − 3)² + (x1 + 1)² with x0 ≤ 2, x1 ≥ 0 → (2, 0)
    const p: LeastSquaresProblem = {
      m: 2,
      n: 2,
      evaluate(x, r, J) {
        r[0] = x[0]! - 3;
        r[1] = x[1]! + 1;
        if (J) {
          J[0] = 1;
          J[1] = 0;
          J[2] = 0;
          J[3] = 1;
        }
        return true;
      },
    };
    const res = levenbergMarquardt(p, Float64Array.of(0.5, 0.5), { lower: Float64Array.of(-Infinity, 0), upper: Float64Array.of(2, Infinity) });
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBe(2);
    expect(res.x[1]).toBe(0);
    expect(Array.from(res.atBound)).toEqual([1, 1]);
  });

  it('rejects steps into an invalid domain and fails honestly on an invalid start', () => {
    // r = ln(x) − 1 (only x > 0 is valid) from far away
    const p: LeastSquaresProblem = {
      m: 1,
      n: 1,
      evaluate(x, r, J) {
        if (!(x[0]! > 0)) return false;
        r[0] = Math.log(x[0]!) - 1;
        if (J) J[0] = 1 / x[0]!;
        return true;
      },
    };
    const ok = levenbergMarquardt(p, Float64Array.of(0.01));
    expect(ok.converged).toBe(true);
    expect(ok.x[0]).toBeCloseTo(Math.E, 8);
    const bad = levenbergMarquardt(p, Float64Array.of(-1));
    expect(bad.converged).toBe(false);
    expect(bad.reason).toBe('invalid-start');
    expect(bad.cost).toBe(Infinity);
  });
});

describe('small dense Cholesky helpers', () => {
  it('solve and invert a symmetric positive definite matrix', () => {
    const a = Float64Array.of(4, 2, 0.6, 2, 5, 1, 0.6, 1, 3);
    const l = Float64Array.from(a);
    expect(choleskyInPlace(l, 3)).toBe(true);
    const b = Float64Array.of(1, 2, 3);
    choleskySolveInPlace(l, 3, b);
    for (let i = 0; i < 3; i++) {
      const row = a[i * 3]! * b[0]! + a[i * 3 + 1]! * b[1]! + a[i * 3 + 2]! * b[2]!;
      expect(row).toBeCloseTo(i + 1, 12);
    }
    const inv = new Float64Array(9);
    expect(spdInverse(a, 3, inv)).toBe(true);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k]! * inv[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
    expect(choleskyInPlace(Float64Array.of(1, 2, 2, 1), 2)).toBe(false);
  });
});
