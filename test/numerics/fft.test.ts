import { describe, expect, it } from 'vitest';
import { Autocorrelator, autocorrelation, nextPowerOfTwo } from '../../src/numerics/fft.js';

describe('FFT autocorrelation', () => {
  it('equals the direct linear (non-circular) sum for any length', () => {
    for (const n of [1, 2, 5, 64, 100, 257]) {
      const x = Array.from({ length: n }, (_, k) => Math.sin(0.3 * k) + 0.01 * k * k - 2);
      const a = autocorrelation(x);
      for (let m = 0; m < n; m++) {
        let d = 0;
        for (let k = 0; k + m < n; k++) d += x[k]! * x[k + m]!;
        expect(Math.abs(a[m]! - d)).toBeLessThan(1e-12 * Math.max(1, Math.abs(d)) + 1e-9);
      }
    }
  });

  it('reads strided series and accumulates', () => {
    const data = new Float64Array([1, 10, 2, 20, 3, 30]); // two interleaved series
    const out = new Float64Array(3);
    const ac = new Autocorrelator(3);
    ac.accumulate(data, 3, out, 2, 0);
    ac.accumulate(data, 3, out, 2, 1);
    expect(Array.from(out).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([14 + 1400, 8 + 800, 3 + 300]);
  });

  it('pads to powers of two', () => {
    expect(nextPowerOfTwo(5)).toBe(8);
    expect(nextPowerOfTwo(1024)).toBe(1024);
  });
});
