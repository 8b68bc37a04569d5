import { describe, expect, it } from 'vitest';
import { fitArrhenius } from '../../src/dynamics/arrhenius.js';
import { OccupancyGrid, findSites, detectHops } from '../../src/dynamics/sites.js';
import { nernstEinstein } from '../../src/dynamics/conductivity.js';
import type { Cell } from '../../src/atoms/structure.js';

describe('Arrhenius over temperatures', () => {
  it('recovers Ea and D0 of exact data and extrapolates', () => {
    const kB = 8.617333262e-5, Ea = 0.33, D0 = 2e-3;
    const pts = [500, 600, 800, 1000].map((T) => ({ temperatureK: T, D: D0 * Math.exp(-Ea / (kB * T)), stderr: 0.05 * D0 * Math.exp(-Ea / (kB * T)) }));
    const f = fitArrhenius(pts, 300);
    expect(f.activationEnergyEv).toBeCloseTo(Ea, 10);
    expect(f.prefactor / D0).toBeCloseTo(1, 10);
    expect(f.extrapolated!.D / (D0 * Math.exp(-Ea / (kB * 300)))).toBeCloseTo(1, 10);
    expect(f.activationEnergyStderrEv).toBeGreaterThan(0.005);
  });
});

describe('Nernst-Einstein', () => {
  it('matches the hand calculation', () => {
    // 64 Na+ in 19.17883532^3 Å^3, D = 1 Å²/ps = 1e-4 cm²/s, 300 K
    const n = 64 / (19.17883532 ** 3 * 1e-24);
    const expected = (n * (1.602176634e-19) ** 2 * 1e-4) / (1.380649e-23 * 300);
    expect(nernstEinstein(64, 1, 1, 19.17883532 ** 3, 300) / expected).toBeCloseTo(1, 12);
  });
});

describe('sites and hops', () => {
  const cell: Cell = [[10, 0, 0], [0, 10, 0], [0, 0, 10]];
  it('finds two sites and counts hops between them', () => {
    // one ion: 20 frames near (2.5,2.5,2.5), then 20 near (7.5,2.5,2.5), then back
    const T = 60;
    const pos = new Float64Array(3 * T);
    for (let t = 0; t < T; t++) {
      const x = t < 20 || t >= 40 ? 2.5 : 7.5;
      pos[3 * t] = x + 0.1 * Math.sin(t);
      pos[3 * t + 1] = 2.5 + 0.1 * Math.cos(t);
      pos[3 * t + 2] = 2.5;
    }
    const grid = new OccupancyGrid(cell, [5, 5, 5]);
    for (let t = 0; t < T; t++) grid.add(pos.subarray(3 * t, 3 * t + 3), [0]);
    const dens = grid.density();
    const total = dens.reduce((a, b) => a + b) * (1000 / 125);
    expect(total).toBeCloseTo(1, 12); // one ion on average
    const sites = findSites(dens, [5, 5, 5], 1e-6);
    expect(sites.length).toBe(2);
    const h = detectHops(pos, T, 1, cell, sites, 1.0);
    expect(h.hops.map((x) => x.frame)).toEqual([20, 40]);
    expect(h.occupiedFraction).toBe(1);
  });
});
