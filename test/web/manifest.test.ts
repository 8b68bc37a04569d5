/** What the workbench takes from a study manifest (web/src/lib/manifest.ts). */
import { describe, expect, it } from 'vitest';
import { conductivityPlans, fileContext } from '../../web/src/lib/manifest.js';

const manifest = {
  samples: [
    { id: 'A', label: 'sample A', pellet: { thicknessCm: 0.06, diameterCm: 1 } },
    { id: 'B', label: 'sample B' }, // no pellet: no conductivity plan
  ],
  measurements: [
    { id: 'a40', file: 'eis/a40.csv', technique: 'eis', sample: 'A', temperatureC: 40 },
    { id: 'a25', file: 'eis/a25.csv', technique: 'eis', sample: 'A', temperatureK: 298.15, provenance: { generated: true } },
    { id: 'b25', file: 'eis/b25.csv', technique: 'eis', sample: 'B', temperatureC: 25 },
    { id: 'cyc', file: 'cyc/a.mpr', technique: 'cycling', sample: 'A' },
  ],
  analyses: [{ id: 'fits', type: 'eis-fit', measurements: ['a25', 'a40', 'b25'], circuit: 'R0-p(R1,CPE1)-CPE2', bulk: 'R1' }],
};

describe('study manifest in the workbench', () => {
  it('gives a measurement its sample, temperature, circuit, bulk element and pellet', () => {
    expect(fileContext(manifest, 'eis/a25.csv')).toEqual({
      label: 'sample A · 298.15 K',
      circuit: 'R0-p(R1,CPE1)-CPE2',
      bulk: 'R1',
      pellet: { thicknessCm: 0.06, diameterCm: 1 },
      generated: true,
    });
    expect(fileContext(manifest, 'cyc/a.mpr')?.label).toBe('sample A');
    expect(fileContext(manifest, 'not/listed.csv')).toBeUndefined();
    expect(fileContext(null, 'eis/a25.csv')).toBeUndefined();
    expect(fileContext({ measurements: 'garbage' }, 'eis/a25.csv')).toBeUndefined();
  });

  it('plans an Arrhenius series per sample with a pellet, sorted by temperature', () => {
    const plans = conductivityPlans(manifest);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.sample).toBe('A');
    expect(plans[0]!.measurements.map((m) => [m.id, m.temperatureK])).toEqual([
      ['a25', 298.15],
      ['a40', 313.15],
    ]);
    expect(plans[0]!.measurements[0]!.circuit).toBe('R0-p(R1,CPE1)-CPE2');
  });
});
