import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixture } from '../../helpers/paths.js';
import { makeBasis, type BasisName } from '../../../src/impedance/drt/basis.js';
import { impedanceMatrices, penaltyMatrix } from '../../../src/impedance/drt/matrices.js';

const ref = JSON.parse(readFileSync(fixture('fixtures/drt/rbf-integrals.json'), 'utf8')) as {
  mu: number;
  alphas: number[];
  bases: Record<string, { re: number[]; im: number[] }>;
  gram1: Record<string, number[]> & { offsets: number[] };
};

describe('DRT matrices against scipy quad (pyDRTtools integrals)', () => {
  const delta = Math.log(10) / 10;
  for (const name of Object.keys(ref.bases) as BasisName[]) {
    it(`${name}: A' and A'' entries`, () => {
      const basis = makeBasis(name, delta, 0.5, ref.mu);
      const omega = Float64Array.from(ref.alphas);
      const { re, im } = impedanceMatrices(omega, Float64Array.of(1), basis);
      const r = ref.bases[name]!;
      // Gaussian by Gauss–Hermite is essentially exact; panels for the heavy-tailed bases to 1e-7.
      const tol = name === 'gaussian' ? 1e-11 : 2e-7;
      ref.alphas.forEach((_, i) => {
        expect(Math.abs(re[i]! - r.re[i]!)).toBeLessThan(tol);
        expect(Math.abs(im[i]! - r.im[i]!)).toBeLessThan(tol);
      });
    });
  }

  it('Gaussian FWHM coefficient 0.5 at 10 points/decade gives μ = 3.6157 (pyDRTtools)', () => {
    expect(makeBasis('gaussian', delta, 0.5).mu).toBeCloseTo(3.6157, 4);
  });

  it('first-derivative Gram entries (closed form for the Gaussian, numeric for the others)', () => {
    for (const name of ['gaussian', 'c2-matern', 'inverse-quadratic'] as BasisName[]) {
      const basis = makeBasis(name, 0.2302585, 0.5, ref.mu);
      const p = penaltyMatrix(basis, 4, 0.2302585, 1);
      const want = ref.gram1[name]!;
      // offsets 0, Δ and 3Δ
      expect(p[0]).toBeCloseTo(want[0]!, 3);
      expect(p[1]).toBeCloseTo(want[1]!, 3);
      expect(p[3]).toBeCloseTo(want[2]!, 3);
    }
  });

  it('Gaussian 2nd-derivative Gram at zero offset: μ³·3·√(π/2) (177.729 at μ = 3.6157)', () => {
    const p = penaltyMatrix(makeBasis('gaussian', delta, 0.5, 3.6157), 2, delta, 2);
    expect(p[0]).toBeCloseTo(177.729026, 3);
  });
});
