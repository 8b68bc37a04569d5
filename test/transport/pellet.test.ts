import { describe, expect, it } from 'vitest';
import { pelletArea, pelletConductivity } from '../../src/transport/pellet.js';
import { quantity } from '../../src/core/quantity.js';
import { InputError } from '../../src/core/errors.js';

describe('pellet conductivity σ = L/(R·A)', () => {
  it('reproduces NHOC-like numbers: 10 mm disc, 0.6 mm, 147 Ω → 0.52 mS/cm', () => {
    const s = pelletConductivity(quantity(147, 'Ohm'), { thicknessCm: 0.06, diameterCm: 1.0 });
    expect(s.unit).toBe('S/cm');
    expect(s.value).toBeCloseTo(0.06 / (147 * (Math.PI / 4)), 15);
    expect(s.value * 1e3).toBeCloseTo(0.5197, 3);
    expect(s.stderr).toBeUndefined();
  });

  it('propagates standard errors of R, L and D (δA/A = 2δD/D)', () => {
    const R = quantity(1000, 'Ohm', 20); // 2 %
    const s = pelletConductivity(R, { thicknessCm: 0.05, thicknessStderrCm: 0.001, diameterCm: 1.0, diameterStderrCm: 0.005 });
    const rel = Math.sqrt(0.02 ** 2 + 0.02 ** 2 + 0.01 ** 2);
    expect(s.stderr! / s.value).toBeCloseTo(rel, 12);
    const only = pelletConductivity(R, { thicknessCm: 0.05, areaCm2: 0.5 });
    expect(only.value).toBeCloseTo(0.05 / (1000 * 0.5), 15);
    expect(only.stderr! / only.value).toBeCloseTo(0.02, 12);
  });

  it('disc area from the diameter; errors on missing or contradictory geometry', () => {
    expect(pelletArea({ thicknessCm: 1, diameterCm: 2 }).value).toBeCloseTo(Math.PI, 14);
    expect(() => pelletArea({ thicknessCm: 1 })).toThrow(InputError);
    expect(() => pelletArea({ thicknessCm: 1, diameterCm: 1, areaCm2: 1 })).toThrow(/either the area or the diameter/);
    expect(() => pelletConductivity(quantity(10, 'Ohm'), { thicknessCm: -1, areaCm2: 1 })).toThrow(/thickness must be positive/);
  });
});
