/** The statistics behind the Lin-KK 'trend' verdict, on residual sequences with known answers. */
import { describe, expect, it } from 'vitest';
import { residualStatistics, TREND_WINDOW } from '../../../src/impedance/kk/residual-verdict.js';

const n = 20;
const frequency = Float64Array.from({ length: n }, (_, i) => 10 ** (i / 4));

describe('residualStatistics', () => {
  it('a constant offset c is all trend: systematic = max = rms = c', () => {
    const c = 0.02;
    const s = residualStatistics(new Float64Array(n).fill(c), new Float64Array(n).fill(-c), frequency);
    expect(s.systematicResidual).toBeCloseTo(c, 15);
    expect(s.maxResidual).toBeCloseTo(c, 15);
    expect(s.rmsResidual).toBeCloseTo(c, 15);
  });

  it('residuals alternating ±a average out: systematic a/5 (the 5-point window one in from each end), lag-1 −(n−1)/n', () => {
    expect(TREND_WINDOW).toBe(7);
    const a = 0.01;
    const alt = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? a : -a));
    const s = residualStatistics(alt, alt, frequency);
    // Interior 7-point means are ±a/7; the truncated windows of 4, 5 and 6 points at each end
    // give 0, ±a/5 and 0.
    expect(s.systematicResidual).toBeCloseTo(a / 5, 15);
    expect(s.maxResidual).toBeCloseTo(a, 15);
    expect(s.rmsResidual).toBeCloseTo(a, 15);
    expect(s.lag1Autocorrelation).toBeCloseTo(-(n - 1) / n, 12);
  });

  it('orders the points by frequency, whatever order they come in', () => {
    const a = 0.01;
    const alt = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? a : -a));
    const perm = Array.from({ length: n }, (_, i) => (7 * i) % n); // 7 and 20 coprime: a permutation
    const f = Float64Array.from(perm, (i) => frequency[i]!);
    const re = Float64Array.from(perm, (i) => alt[i]!);
    const s = residualStatistics(re, re, f);
    expect(s.lag1Autocorrelation).toBeCloseTo(-(n - 1) / n, 12);
    expect(s.systematicResidual).toBeCloseTo(a / 5, 15);
  });
});
