/** Savitzky–Golay smoothing (dQ/dV) against scipy.signal.savgol_filter(mode='interp'), fixture made by test/fixtures/cycling/make_savgol.py. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { savitzkyGolay } from '../../src/cycling/dqdv.js';

const ref = JSON.parse(readFileSync(new URL('../fixtures/cycling/savgol.json', import.meta.url), 'utf8')) as {
  cases: { window: number; order: number; y: number[]; expected: number[] }[];
};

describe('savitzkyGolay', () => {
  for (const c of ref.cases) {
    it(`window ${c.window}, order ${c.order} equals scipy`, () => {
      const out = savitzkyGolay(Float64Array.from(c.y), c.window, c.order);
      let worst = 0;
      for (let i = 0; i < out.length; i++) worst = Math.max(worst, Math.abs(out[i]! - c.expected[i]!));
      expect(worst).toBeLessThan(1e-10);
    });
  }
});
