import { describe, expect, it } from 'vitest';
import { segmentHalfCycles } from '../../src/cycling/segment.js';
import { pairCycles, retention } from '../../src/cycling/cycles.js';
import { rateTable } from '../../src/cycling/rate.js';
import { halfCycleProfile } from '../../src/cycling/profile.js';
import { differentialCapacity } from '../../src/cycling/dqdv.js';
import { buildRecord, galvanostatic } from './synthetic.js';

describe('half cycles and cycles', () => {
  it('integrates capacity exactly for constant-current steps and gives CE = Q_dis/Q_ch', () => {
    const r = galvanostatic([
      { qCh: 1e-3, qDis: 0.9e-3 },
      { qCh: 0.95e-3, qDis: 0.855e-3 },
    ]);
    const h = segmentHalfCycles(r);
    expect(h.map((x) => x.direction)).toEqual(['charge', 'discharge', 'charge', 'discharge']);
    expect(h[0]!.capacity).toBeCloseTo(1e-3, 12);
    expect(h[1]!.capacity).toBeCloseTo(0.9e-3, 12);
    expect(h[0]!.current).toBe(1e-3);
    // V rises linearly from 3 to 4 − 1/points: mean ≈ 3.5
    expect(h[0]!.averageVoltage).toBeGreaterThan(3.49);
    expect(h[0]!.averageVoltage).toBeLessThan(3.5);
    const t = pairCycles(h);
    expect(t.initial).toBeUndefined();
    expect(t.cycles).toHaveLength(2);
    expect(t.cycles[0]!.coulombicEfficiency).toBeCloseTo(0.9, 12);
    expect(t.cycles[1]!.coulombicEfficiency).toBeCloseTo(0.9, 12);
  });

  it('sets a leading partial discharge aside as cycle 0 (cathode-first)', () => {
    const r = galvanostatic([{ qCh: 1e-3, qDis: 0.8e-3 }], 3.6, 0.2e-3);
    const t = pairCycles(segmentHalfCycles(r));
    expect(t.initial?.direction).toBe('discharge');
    expect(t.initial?.capacity).toBeCloseTo(0.2e-3, 12);
    expect(t.cycles).toHaveLength(1);
    expect(t.cycles[0]!.coulombicEfficiency).toBeCloseTo(0.8, 12);
  });

  it('pairs discharge-first for anode half cells (CE = Q_ch/Q_dis)', () => {
    const r = galvanostatic([{ qCh: 1e-3, qDis: 0.8e-3 }], 3.6, 1.25e-3);
    const t = pairCycles(segmentHalfCycles(r), 'discharge-first');
    expect(t.initial).toBeUndefined();
    // discharge 1.25 mAh then charge 1 mAh → CE 0.8
    expect(t.cycles[0]!.coulombicEfficiency).toBeCloseTo(0.8, 12);
    expect(t.cycles[1]!.discharge!.capacity).toBeCloseTo(0.8e-3, 12);
    expect(t.cycles[1]!.coulombicEfficiency).toBeNull();
  });

  it('treats rest and same-sign CV tails as one half cycle and drops tiny blips', () => {
    const r = buildRecord([
      { current: 0, points: 5, voltage: () => 3 },
      { current: 1e-3, points: 100, voltage: () => 4 },
      { current: 0, points: 5, voltage: () => 4 },
      { current: 2e-4, points: 50, voltage: () => 4.2 },
      { current: -1e-7, points: 1, voltage: () => 4.1 },
      { current: 0, points: 5, voltage: () => 4.1 },
      { current: -1e-3, points: 100, voltage: () => 3 },
    ]);
    const h = segmentHalfCycles(r);
    expect(h).toHaveLength(2);
    expect(h[0]!.capacity).toBeCloseTo((100 * 10 * 1e-3 + 50 * 10 * 2e-4) / 3600, 12);
  });

  it('computes retention against a stated reference and cycle life to 80 %', () => {
    const cycles = Array.from({ length: 10 }, (_, k) => ({ qCh: 1e-3, qDis: 1e-3 * (1 - 0.03 * k) }));
    const t = pairCycles(segmentHalfCycles(galvanostatic(cycles)));
    const r1 = retention(t)!;
    expect(r1.reference).toBe(1);
    expect(r1.last).toBe(10);
    expect(r1.value).toBeCloseTo(0.73, 10);
    // 1 − 0.03k < 0.8 first at k = 7 → cycle 8
    expect(r1.cycleLife).toBe(8);
    const r2 = retention(t, 2)!;
    expect(r2.value).toBeCloseTo(0.73 / 0.97, 10);
  });

  it('groups cycles by discharge current into rate steps with recovery', () => {
    const mass = 0.005; // g; 1C = 120 mA/g → 0.6 mA
    const c = (i: number, q: number) => ({ qCh: q * 1.01, qDis: q, i });
    const cycles = [
      c(0.06e-3, 0.6e-3), c(0.06e-3, 0.6e-3),
      c(0.3e-3, 0.5e-3), c(0.3e-3, 0.5e-3),
      c(0.6e-3, 0.4e-3), c(0.6e-3, 0.4e-3),
      c(0.06e-3, 0.57e-3), c(0.06e-3, 0.57e-3),
    ];
    const rt = rateTable(pairCycles(segmentHalfCycles(galvanostatic(cycles, 60))), { massG: mass });
    expect(rt.steps.map((s) => s.cycles)).toEqual([[1, 2], [3, 4], [5, 6], [7, 8]]);
    expect(rt.steps.map((s) => s.cRate)).toEqual([0.1, 0.5, 1, 0.1].map((x) => expect.closeTo(x, 10)));
    expect(rt.steps[1]!.meanDischarge).toBeCloseTo(0.5e-3, 9);
    expect(rt.recovery).toBeCloseTo(0.95, 3);
  });

  it('gives constant dQ/dV for a linear V–Q profile', () => {
    // 1 mAh over 3.0 → 4.0 V: dQ/dV = 1e-3 Ah/V
    const r = buildRecord([
      { current: 0, points: 5, voltage: () => 3 },
      { current: 1e-3, points: 3600, voltage: (k) => 3 + k / 3600 },
    ], 1);
    const h = segmentHalfCycles(r)[0]!;
    const p = halfCycleProfile(r, h);
    expect(p.capacity[p.capacity.length - 1]).toBeCloseTo(1e-3, 12);
    const d = differentialCapacity(p, { binV: 0.01 });
    // the last bin is partial and the filter reaches 4 bins in; compare the interior
    const mid = d.dqdv.slice(10, -10);
    expect(mid.length).toBeGreaterThan(70);
    for (const x of mid) expect(x).toBeCloseTo(1e-3, 6);
  });
});
