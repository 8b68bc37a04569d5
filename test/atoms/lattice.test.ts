import { describe, expect, it } from 'vitest';
import {
  cellFromParameters,
  cellInverse,
  cellParameters,
  minimumImage,
  perpendicularWidths,
  toCartesian,
  toFractional,
  wrapPositions,
} from '../../src/atoms/lattice.js';
import { cellVolume, type Cell } from '../../src/atoms/structure.js';
import { createRng } from '../../src/core/rng.js';

describe('lattice', () => {
  const cell = cellFromParameters(5, 6, 7, 80, 95, 110);

  it('builds cells from lengths and angles and back', () => {
    const p = cellParameters(cell);
    expect(p.a).toBeCloseTo(5, 12);
    expect(p.b).toBeCloseTo(6, 12);
    expect(p.c).toBeCloseTo(7, 12);
    expect(p.alpha).toBeCloseTo(80, 10);
    expect(p.beta).toBeCloseTo(95, 10);
    expect(p.gamma).toBeCloseTo(110, 10);
    expect(cell[0][1]).toBe(0);
    expect(cell[1][2]).toBe(0);
  });

  it('converts fractional ↔ Cartesian and inverts the cell', () => {
    const f = Float64Array.from([0.1, 0.2, 0.3, -0.5, 1.5, 0.25]);
    const back = toFractional(cell, toCartesian(cell, f));
    back.forEach((x, i) => expect(x).toBeCloseTo(f[i]!, 13));
    const inv = cellInverse(cell);
    // cell · inv = identity
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += cell[i]![k]! * inv[3 * k + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 13);
      }
  });

  it('gives perpendicular widths with V = w_a·|b×c|', () => {
    const w = perpendicularWidths([[4, 0, 0], [0, 5, 0], [0, 0, 6]]);
    expect(w).toEqual([4, 5, 6]);
    const [wa] = perpendicularWidths(cell);
    const [, b, c] = cell;
    const bxc = Math.hypot(b[1] * c[2] - b[2] * c[1], b[2] * c[0] - b[0] * c[2], b[0] * c[1] - b[1] * c[0]);
    expect(wa * bxc).toBeCloseTo(cellVolume(cell), 10);
  });

  it('wraps positions into the cell', () => {
    const p = wrapPositions(cell, toCartesian(cell, Float64Array.from([1.25, -0.25, 2.5])));
    Array.from(toFractional(cell, p)).forEach((x, i) => expect(x).toBeCloseTo([0.25, 0.75, 0.5][i]!, 12));
  });

  it('finds the shortest image even where fractional rounding does not (skewed cell)', () => {
    const skew: Cell = [[10, 0, 0], [9.8, 0.7, 0], [0, 0, 10]];
    const rng = createRng(4);
    let roundingWrong = 0;
    for (let t = 0; t < 200; t++) {
      const d = [rng.uniform() * 40 - 20, rng.uniform() * 40 - 20, rng.uniform() * 40 - 20];
      const m = minimumImage(skew, d);
      // Brute force over translations.
      let best = Infinity;
      for (let i = -45; i <= 45; i++)
        for (let j = -35; j <= 35; j++)
          for (let k = -3; k <= 3; k++) {
            const v = [d[0]! + i * 10 + j * 9.8, d[1]! + j * 0.7, d[2]! + k * 10];
            best = Math.min(best, Math.hypot(v[0]!, v[1]!, v[2]!));
          }
      expect(Math.hypot(m[0]!, m[1]!, m[2]!)).toBeCloseTo(best, 10);
      const f = toFractional(skew, Float64Array.from(d)).map((x) => x - Math.round(x));
      const r = toCartesian(skew, f);
      if (Math.hypot(r[0]!, r[1]!, r[2]!) > best + 1e-9) roundingWrong++;
    }
    expect(roundingWrong).toBeGreaterThan(0); // the case this function exists for
  });
});
