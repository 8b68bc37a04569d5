import { describe, expect, it } from 'vitest';
import { estimateNoise } from '../../../src/impedance/drt/noise.js';
import { discrepancyLambda, residual, standardForm } from '../../../src/impedance/drt/lambda.js';
import { createRng } from '../../../src/core/rng.js';
import { logFrequencies, twoZarcs } from './synthetic.js';

/** The DRT's rows for unit weights: u = [1 | ω/ω_max] (R∞ on Re, L on Im), b = Z/scale. */
function rows(sigma: number, seed: number) {
  const f = logFrequencies(6, -2, 10);
  const n = f.length;
  const omega = Float64Array.from(f, (x) => 2 * Math.PI * x);
  const rng = createRng(seed);
  const scale = 100;
  const k = 2;
  const u = new Float64Array(2 * n * k);
  const b = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [re, im] = twoZarcs(omega[i]!);
    u[i * k] = 1;
    u[(n + i) * k + 1] = omega[i]! / omega[0]!;
    b[i] = (re + sigma * rng.normal()) / scale;
    b[n + i] = (im + sigma * rng.normal()) / scale;
  }
  return { omega, weights: new Float64Array(n).fill(1), u, k, b, n, scale };
}

describe('noise level from a Lin-KK fit (discrepancy principle of gcv-kk)', () => {
  it('recovers the σ of white noise (0.5 Ω on a 10–110 Ω spectrum) within 8 %, averaged over 5 seeds', () => {
    let sum = 0;
    for (let seed = 1; seed <= 5; seed++) {
      const r = rows(0.5, seed);
      const est = estimateNoise(r.omega, r.weights, r.u, r.k, r.b);
      sum += Math.sqrt(est.sumSquares / (2 * r.n)) * r.scale;
    }
    expect(Math.abs(sum / 5 / 0.5 - 1)).toBeLessThan(0.08);
  });

  it('is tiny on noise-free data (only the Lin-KK model error is left)', () => {
    const r = rows(0, 1);
    const est = estimateNoise(r.omega, r.weights, r.u, r.k, r.b);
    expect(Math.sqrt(est.sumSquares / (2 * r.n)) * r.scale).toBeLessThan(0.01);
  });

  it('discrepancyLambda returns the λ at which ‖r(λ)‖² = n σ², clamped to the search range', () => {
    // Small random ridge problem with an identity penalty.
    const rng = createRng(7);
    const rowsN = 40;
    const m = 12;
    const a = Float64Array.from({ length: rowsN * m }, () => rng.normal());
    const b = Float64Array.from({ length: rowsN }, () => rng.normal());
    const u = new Float64Array(rowsN).fill(1);
    const p = new Float64Array(m * m);
    for (let i = 0; i < m; i++) p[i * m + i] = 1;
    const sf = standardForm({ u, k: 1, a, m, rows: rowsN, b, p });
    const lo = residual(sf, 1e-8);
    const hi = residual(sf, 1e3);
    const target = 0.5 * (lo + hi);
    const lambda = discrepancyLambda(sf, target / rowsN, -8, 3);
    expect(residual(sf, lambda) / target).toBeCloseTo(1, 3);
    expect(discrepancyLambda(sf, (0.5 * lo) / rowsN, -8, 3)).toBeCloseTo(1e-8, 12);
    expect(discrepancyLambda(sf, (2 * hi) / rowsN, -8, 3)).toBeCloseTo(1e3, 6);
  });
});
