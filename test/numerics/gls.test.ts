import { describe, expect, it } from 'vitest';
import { glsLine, olsLine } from '../../src/numerics/gls.js';

describe('straight-line fits', () => {
  const x = [0, 1, 2, 3, 4, 5];
  const y = [1.1, 2.9, 5.2, 6.8, 9.1, 11.0];

  it('GLS with Σ = σ²I equals OLS, and its slope error is σ/√Sxx', () => {
    const n = x.length;
    const cov = new Float64Array(n * n);
    for (let i = 0; i < n; i++) cov[i * n + i] = 0.04;
    const g = glsLine(x, y, cov);
    const o = olsLine(x, y);
    expect(g.slope).toBeCloseTo(o.slope, 12);
    expect(g.intercept).toBeCloseTo(o.intercept, 12);
    expect(g.slopeStderr).toBeCloseTo(0.2 / Math.sqrt(17.5), 12); // Sxx = 17.5
  });

  it('weights points by the inverse covariance (a very uncertain point is ignored)', () => {
    const n = 4;
    const cov = new Float64Array(n * n);
    [1, 1, 1, 1e12].forEach((v, i) => (cov[i * n + i] = v));
    const g = glsLine([0, 1, 2, 3], [0, 2, 4, 100], cov);
    expect(g.slope).toBeCloseTo(2, 6);
    expect(g.intercept).toBeCloseTo(0, 6);
  });

  it('fully correlated points do not shrink the error (random-walk covariance)', () => {
    // Cov of a random walk sampled at t_i is min(t_i, t_j): neighbouring points carry almost the
    // same information, so the honest slope error is far above OLS's independent-points value
    const t = [1, 2, 3, 4, 5, 6, 7, 8];
    const n = t.length;
    const cov = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cov[i * n + j] = Math.min(t[i]!, t[j]!);
    const y = t.map((v) => 0.5 * v);
    const g = glsLine(t, y, cov);
    expect(g.slope).toBeCloseTo(0.5, 10);
    expect(g.slopeStderr).toBeGreaterThan(10 * olsLine(t, y.map((v, i) => v + 0.01 * Math.sin(i))).slopeStderr);
    expect(g.slopeStderr).toBeGreaterThan(0.3); // of order 1/√t_max
  });
});
