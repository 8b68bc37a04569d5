import { describe, expect, it } from 'vitest';
import { createRng, createRngFromState } from '../../src/core/rng.js';

describe('seeded RNG', () => {
  it('gives the same stream for the same seed and resumes from a saved state', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 5 }, () => a.normal());
    expect(Array.from({ length: 5 }, () => b.normal())).toEqual(xs);
    a.normal(); // leaves a spare normal in the state
    const saved = JSON.parse(JSON.stringify(a.state()));
    const next = [a.normal(), a.uniform(), a.int(100)];
    const c = createRngFromState(saved);
    expect([c.normal(), c.uniform(), c.int(100)]).toEqual(next);
  });

  it('has standard-normal moments', () => {
    const r = createRng(123);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.01);
  });
});
