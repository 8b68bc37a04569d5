import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { erf, erfc, erfcWithExp } from '../../src/numerics/special.js';
import { fixture } from '../helpers/paths.js';

const ref = JSON.parse(readFileSync(fixture('fixtures/md/erfc_scipy.json'), 'utf8'));

describe('erfc / erf against scipy.special', () => {
  it('erfc to 1e-14 relative (all three Cody intervals and their edges)', () => {
    ref.x.forEach((x: number, i: number) => {
      const r = ref.erfc[i];
      expect(Math.abs(erfc(x) - r) / r).toBeLessThan(1e-14);
    });
  });

  it('erf to 1e-15 absolute', () => {
    ref.x.forEach((x: number, i: number) => expect(Math.abs(erf(x) - ref.erf[i])).toBeLessThan(1e-15));
  });

  it('erfcWithExp equals erfc given e^{-x²} (x ≥ 0)', () => {
    ref.x.forEach((x: number, i: number) => {
      if (x < 0) return;
      expect(Math.abs(erfcWithExp(x, Math.exp(-x * x)) - ref.erfc[i]) / ref.erfc[i]).toBeLessThan(1e-14);
    });
  });
});
