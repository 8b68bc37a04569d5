import { describe, expect, it } from 'vitest';
import { analyzeGitt, type GittSkippedPulse } from '../../src/cycling/gitt.js';
import type { CyclerRecord } from '../../src/cycling/record.js';

// A pulse whose voltage never moves (ΔEτ = 0) cannot give a diffusion coefficient: it must be
// reported as skipped, not returned with D = ∞ (which JSON would print as null).
describe('GITT: flat pulses', () => {
  it('skips a pulse with ΔEτ = 0 and says why; keeps the good one', () => {
    const t: number[] = [];
    const V: number[] = [];
    const I: number[] = [];
    const seg = (n: number, dt: number, v: (k: number) => number, i: number) => {
      const t0 = t.length ? t[t.length - 1]! + dt : 0;
      for (let k = 0; k < n; k++) {
        t.push(t0 + k * dt);
        V.push(v(k));
        I.push(i);
      }
    };
    seg(10, 10, () => 3.0, 0); // rest
    seg(20, 1, () => 3.0, 1e-4); // flat pulse: no voltage response at all
    seg(10, 10, () => 3.0, 0); // rest
    seg(20, 1, (k) => 3.0 + 0.002 * Math.sqrt(k + 1), 1e-4); // a real √t transient
    seg(10, 10, () => 3.004, 0); // rest, relaxed higher
    const rec: CyclerRecord = { time: Float64Array.from(t), voltage: Float64Array.from(V), current: Float64Array.from(I), meta: {} };
    const skipped: GittSkippedPulse[] = [];
    const pulses = analyzeGitt(rec, { massG: 0.005, molarMass: 100, molarVolume: 30, areaCm2: 1 }, skipped);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.reason).toMatch(/ΔEτ = 0/);
    expect(pulses).toHaveLength(1);
    expect(Number.isFinite(pulses[0]!.diffusionCoefficient)).toBe(true);
    expect(pulses[0]!.diffusionCoefficient).toBeGreaterThan(0);
  });
});
