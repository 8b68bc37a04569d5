import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MATERIALS, TEMPERATURES_C, conductivity, csv as eisCsv, spectrum } from '../../examples/nhoc/generate/eis.js';
import { csv as gittCsv } from '../../examples/nhoc/generate/gitt.js';
import { csv as lsvCsv } from '../../examples/nhoc/generate/lsv.js';
import { EXAMPLE } from './helpers.js';

// The bundled generated files must be exactly what their committed generators produce.
describe('bundled demo data', () => {
  it('every EIS spectrum is reproduced by generate/eis.ts', () => {
    let seed = 1;
    for (const m of MATERIALS) {
      for (const tc of TEMPERATURES_C) {
        const text = eisCsv(spectrum(conductivity(m.sigma25, m.ea, tc + 273.15), seed++));
        expect(readFileSync(`${EXAMPLE}data/eis/${m.id}_${tc}C.csv`, 'utf8')).toBe(text);
      }
    }
  });

  it('the generator turns the reported σ25 into the pellet bulk resistance', () => {
    // NHOC: 0.52 mS/cm, 10 mm × 0.6 mm → R = 0.06 / (0.52e-3 · π/4) = 146.9 Ω
    expect(spectrum(0.52e-3, 1).R1).toBeCloseTo(146.92, 1);
    expect(conductivity(0.52e-3, 0.36, 298.15)).toBeCloseTo(0.52e-3, 12);
  });

  it('the voltammogram and the GITT run are reproduced by their generators', () => {
    expect(readFileSync(`${EXAMPLE}data/lsv/nhoc_window.csv`, 'utf8')).toBe(lsvCsv());
    expect(readFileSync(`${EXAMPLE}data/gitt/illustrative_gitt.csv`, 'utf8')).toBe(gittCsv());
  });
});
