import { describe, expect, it } from 'vitest';
import { solveLeastSquares } from '../../src/numerics/linear-least-squares.js';
import { createRng } from '../../src/core/rng.js';

describe('solveLeastSquares (Householder QR)', () => {
  it('recovers a polynomial fit exactly from consistent data', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i / 19);
    const a = xs.flatMap((x) => [1, x, x * x, x * x * x]);
    const b = xs.map((x) => 2 - 3 * x + 0.5 * x * x + 7 * x * x * x);
    const { x, rank } = solveLeastSquares(a, 20, 4, b);
    expect(rank).toBe(4);
    expect(Array.from(x)).toEqual([2, -3, 0.5, 7].map((v) => expect.closeTo(v, 10)));
  });

  it('matches the normal-equation solution on noisy data (residual ⟂ columns)', () => {
    const rng = createRng(3);
    const rows = 30;
    const cols = 5;
    const a = Array.from({ length: rows * cols }, () => rng.normal());
    const b = Array.from({ length: rows }, () => rng.normal());
    const { x } = solveLeastSquares(a, rows, cols, b);
    for (let j = 0; j < cols; j++) {
      let g = 0;
      for (let i = 0; i < rows; i++) {
        let r = b[i]!;
        for (let k = 0; k < cols; k++) r -= a[i * cols + k]! * x[k]!;
        g += a[i * cols + j]! * r;
      }
      expect(Math.abs(g)).toBeLessThan(1e-12);
    }
  });

  it('gives 0 for a zero column and for an exactly dependent column, fitting the rest', () => {
    const xs = Array.from({ length: 10 }, (_, i) => i);
    const a = xs.flatMap((x) => [1, 0, x, 2 * x]);
    const b = xs.map((x) => 1 + 4 * x);
    const { x, rank } = solveLeastSquares(a, 10, 4, b);
    expect(rank).toBe(2);
    expect(x[1]).toBe(0);
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[2]! + 2 * x[3]!).toBeCloseTo(4, 12);
  });
});
