/** The Arrhenius input table: delimiters, unit conversion and errors that name the right line. */
import { describe, expect, it } from 'vitest';
import { readConductivityTable } from '../../../src/formats/transport/conductivity-table.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('readConductivityTable', () => {
  it('converts T_C to K and mS/cm to S/cm, whatever the delimiter', () => {
    for (const sep of [',', ';', '\t', '  ']) {
      const text = ['T_C', 'sigma_mS_cm', 'sigma_stderr_mS_cm'].join(sep) + '\n' + ['25', '1.5', '0.1'].join(sep) + '\n' + ['75', '6', '0.2'].join(sep) + '\n';
      const p = readConductivityTable(enc(text), 's.csv');
      expect(p.map((x) => x.temperatureK)).toEqual([298.15, 348.15]);
      expect(p[0]!.conductivity).toBeCloseTo(1.5e-3, 15);
      expect(p[1]!.conductivityStderr).toBeCloseTo(2e-4, 15);
    }
  });

  it('names the header line (after comments) when a column is missing, and the row line for bad values', () => {
    expect(() => readConductivityTable(enc('# pellet A\n\nT_K,conductivity\n300,1e-4\n'), 'a.csv')).toThrow(/^a\.csv:3: no conductivity column/);
    expect(() => readConductivityTable(enc('# pellet A\ntemp,sigma_S_cm\n300,1e-4\n'), 'a.csv')).toThrow(/^a\.csv:2: no temperature column/);
    expect(() => readConductivityTable(enc('T_K,sigma_S_cm\n300,1e-4\n# note\n310,-1\n'), 'a.csv')).toThrow(/^a\.csv:4: conductivity must be positive/);
    expect(() => readConductivityTable(enc('T_K,sigma_S_cm\n300,1e-4\n310\n'), 'a.csv')).toThrow(/^a\.csv:3: expected 2 columns/);
  });
});
