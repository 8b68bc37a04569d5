import { describe, expect, it } from 'vitest';
import { Unwrapper } from '../../src/dynamics/unwrap.js';
import type { Cell } from '../../src/atoms/structure.js';
import { createRng } from '../../src/core/rng.js';

const L = 10;
const cell: Cell = [[L, 0, 0], [2, L, 0], [0, 1, L]]; // triclinic on purpose

function wrap(p: Float64Array): Float64Array {
  // fractional = r·H⁻¹ for this lower-triangular H, wrap to [0,1), back to Cartesian
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i += 3) {
    const c = p[i + 2]! / L;
    const b = (p[i + 1]! - c * 1) / L;
    const a = (p[i]! - b * 2) / L;
    const fa = a - Math.floor(a), fb = b - Math.floor(b), fc = c - Math.floor(c);
    out[i] = fa * L + fb * 2;
    out[i + 1] = fb * L + fc * 1;
    out[i + 2] = fc * L;
  }
  return out;
}

describe('unwrapping', () => {
  it('recovers a walk that crosses the (triclinic) cell many times', () => {
    const rng = createRng(3);
    const n = 4, T = 300;
    const truth: Float64Array[] = [];
    let x = new Float64Array(3 * n).map(() => 5);
    const u = new Unwrapper(n, { tracked: [0, 1, 2, 3], masses: [1, 1, 1, 1], drift: 'none' });
    for (let t = 0; t < T; t++) {
      if (t > 0) x = x.map((v) => v + 0.6 * rng.normal());
      truth.push(x.slice());
      u.push(wrap(x), cell);
    }
    const r = u.result();
    expect(r.ambiguousSteps).toBe(0);
    for (let t = 0; t < T; t += 37) for (let j = 0; j < 3 * n; j++) expect(r.positions[t * 3 * n + j]).toBeCloseTo(truth[t]![j]!, 9);
    // the walkers really crossed boundaries
    expect(Math.max(...Array.from(r.positions).map(Math.abs))).toBeGreaterThan(12);
  });

  it('flags big strides as ambiguous, and velocities resolve them', () => {
    const x0 = new Float64Array([1, 1, 1]);
    const x1 = new Float64Array([1 + 6.5, 1, 1]); // moved 0.65 of the cell in one frame
    const noV = new Unwrapper(1, { tracked: [0], masses: [1], drift: 'none' });
    noV.push(wrap(x0), [[L, 0, 0], [0, L, 0], [0, 0, L]]);
    noV.push(wrap(x1), [[L, 0, 0], [0, L, 0], [0, 0, L]]);
    const a = noV.result();
    expect(a.ambiguousSteps).toBe(1);
    expect(a.positions[3]).toBeCloseTo(1 - 3.5, 9); // minimum image guessed wrong
    const withV = new Unwrapper(1, { tracked: [0], masses: [1], drift: 'none', frameIntervalFs: 100 });
    const v = new Float64Array([0.065, 0, 0]); // Å/fs
    withV.push(wrap(x0), [[L, 0, 0], [0, L, 0], [0, 0, L]], v);
    withV.push(wrap(x1), [[L, 0, 0], [0, L, 0], [0, 0, L]], v);
    expect(withV.result().positions[3]).toBeCloseTo(7.5, 9);
  });

  it('subtracts the framework centre-of-mass drift', () => {
    const u = new Unwrapper(3, { tracked: [0], masses: [1, 2, 2], drift: 'framework' });
    for (let t = 0; t < 5; t++) u.push(new Float64Array([1 + 0.5 * t, 1, 1, 3 + 0.1 * t, 3, 3, 5 + 0.1 * t, 5, 5]), [[L, 0, 0], [0, L, 0], [0, 0, L]]);
    const r = u.result();
    expect(r.positions[4 * 3]).toBeCloseTo(1 + 0.4 * 4, 12);
    expect(r.drift[4 * 3]).toBeCloseTo(0.4, 12);
  });
});
