import { describe, expect, it } from 'vitest';
import { profilePattern, pseudoVoigt, scherrerFwhm } from '../../src/scattering/profile.js';
import { snipBackground } from '../../src/scattering/background.js';

describe('profiles', () => {
  it('pseudo-Voigt is area-normalised with FWHM h for any η', () => {
    for (const eta of [0, 0.3, 1]) {
      let area = 0;
      for (let x = -200; x <= 200; x += 0.001) area += pseudoVoigt(x, 0.2, eta) * 0.001;
      expect(area).toBeCloseTo(1, eta > 0 ? 3 : 6); // Lorentzian tails beyond ±200 h hold ~1e-4
      expect(pseudoVoigt(0.1, 0.2, eta) / pseudoVoigt(0, 0.2, eta)).toBeCloseTo(0.5, 12);
    }
  });

  it('Scherrer: β = Kλ/(L cosθ)', () => {
    // 10 nm, Cu Kα, 2θ = 60°: 0.9·1.54184/(100·cos 30°) rad.
    expect(scherrerFwhm(60, 1.54184, 10)).toBeCloseTo(((0.9 * 1.54184) / (100 * Math.cos(Math.PI / 6)) * 180) / Math.PI, 12);
  });

  it('a profile keeps integrated intensities (unscaled)', () => {
    const c = profilePattern([{ twoTheta: 30, intensity: 100 }, { twoTheta: 50, intensity: 40 }], {
      wavelength: 1.54184, twoThetaMin: 20, twoThetaMax: 60, step: 0.001, crystalliteNm: 30, eta: 0, scaled: false,
    });
    let a1 = 0;
    let a2 = 0;
    c.twoTheta.forEach((x, i) => (x < 40 ? (a1 += c.intensity[i]! * 0.001) : (a2 += c.intensity[i]! * 0.001)));
    expect(a1).toBeCloseTo(100, 4);
    expect(a2).toBeCloseTo(40, 4);
  });

  it('SNIP follows a smooth background under narrow peaks', () => {
    const n = 2000;
    const y = new Float64Array(n);
    const base = (i: number) => 1000 + 300 * Math.sin(i / 400);
    for (let i = 0; i < n; i++) y[i] = base(i) + 5000 * Math.exp(-(((i - 700) / 8) ** 2)) + 3000 * Math.exp(-(((i - 1300) / 6) ** 2));
    const bg = snipBackground(y, 60);
    for (const i of [200, 700, 1000, 1300, 1800]) expect(Math.abs(bg[i]! - base(i)) / base(i)).toBeLessThan(0.05); // clipping cuts a little into concave background
  });
});

describe('Kα doublet', () => {
  it('splits a stick by Bragg law at λ1 and λ2 with 2:1 intensity', async () => {
    const { kalphaDoublet } = await import('../../src/scattering/profile.js');
    const [a, b] = kalphaDoublet([{ d: 2.82, intensity: 90 }]);
    expect(a!.twoTheta).toBeCloseTo((360 / Math.PI) * Math.asin(1.54056 / 5.64), 12);
    expect(b!.twoTheta - a!.twoTheta).toBeCloseTo(0.0806, 3);
    expect(a!.intensity).toBeCloseTo(60, 12);
    expect(b!.intensity).toBeCloseTo(30, 12);
  });
});
