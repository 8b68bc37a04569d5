import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixture } from '../../helpers/paths.js';
import { createSpectrum } from '../../../src/impedance/spectrum.js';
import { linKK, linKKMu, linKKTimeConstants } from '../../../src/impedance/kk/lin-kk.js';
import { InputError } from '../../../src/core/errors.js';
import { createRng } from '../../../src/core/rng.js';

interface Case { c: number; maxM: number; fit: 'real' | 'complex'; capacitance: boolean; M: number; mu: number; residualsReal: number[]; residualsImag: number[] }
interface Ref { frequency: number[]; real: number[]; imag: number[]; documented: { M: number; mu: number }; cases: Case[] }
const ref = JSON.parse(readFileSync(fixture('fixtures/kk/linkk-reference.json'), 'utf8')) as Record<string, Ref>;
const spectrumOf = (r: Ref) => createSpectrum(r.frequency, r.real, r.imag, { source: 'ref' });

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('Lin-KK against impedance.py / Schönleber reference', () => {
  it('Circuit3_EIS_1, real fit, c = 0.69 → documented M = 10 and μ', () => {
    const r = ref.circuit3!;
    const out = linKK(spectrumOf(r), { mSelection: 'mu', fit: 'real', muCutoff: 0.69, capacitance: false });
    expect(out.M).toBe(r.documented.M);
    expect(out.mu).toBeCloseTo(r.documented.mu, 9);
    const c = r.cases[0]!;
    expect(maxAbsDiff(out.residuals.real, c.residualsReal)).toBeLessThan(1e-9);
    expect(maxAbsDiff(out.residuals.imag, c.residualsImag)).toBeLessThan(1e-9);
  });

  it('same M and μ with a series capacitance in the real fit (C only enters the imaginary part)', () => {
    const r = ref.circuit3!;
    const out = linKK(spectrumOf(r), { mSelection: 'mu', fit: 'real', muCutoff: 0.69, capacitance: true });
    expect(out.M).toBe(10);
    expect(out.mu).toBeCloseTo(r.documented.mu, 9);
  });

  it('complex fits match the numpy replica (Circuit3 with C, c = 0.69; without C, c = 0.85)', () => {
    const r = ref.circuit3!;
    for (const c of r.cases.slice(1)) {
      const out = linKK(spectrumOf(r), { mSelection: 'mu', fit: c.fit, muCutoff: c.c, capacitance: c.capacitance });
      expect(out.M).toBe(c.M);
      expect(out.mu).toBeCloseTo(c.mu, 7);
      expect(maxAbsDiff(out.residuals.real, c.residualsReal)).toBeLessThan(1e-7);
    }
  });

  it('exampleData f < 1 kHz, complex + C, c = 0.5 → documented M = 26, μ = 0.306', () => {
    const r = ref.exampleData!;
    const out = linKK(spectrumOf(r), { mSelection: 'mu', fit: 'complex', muCutoff: 0.5, capacitance: true, maxM: 100 });
    expect(out.M).toBe(26);
    expect(out.mu).toBeCloseTo(r.documented.mu, 3);
    // documented residuals: max |Δ| 2.95e-3 (re), 3.55e-3 (im)
    expect(out.maxResidual).toBeGreaterThan(3.0e-3);
    expect(out.maxResidual).toBeLessThan(3.8e-3);
    expect(out.valid).toBe(true);
  });

  it('auto capacitance turns on for the diffusion tail of exampleData', () => {
    const out = linKK(spectrumOf(ref.exampleData!));
    expect(out.capacitance).toBe(true);
    expect(out.maxResidual).toBeLessThan(0.01);
  });
});

describe('Lin-KK verdicts on synthetic spectra', () => {
  const f = Float64Array.from({ length: 71 }, (_, i) => 10 ** (5 - i / 10));
  function spectrum(z: (w: number, i: number) => [number, number]) {
    const re: number[] = [];
    const im: number[] = [];
    f.forEach((fi, i) => {
      const [a, b] = z(2 * Math.PI * fi, i);
      re.push(a);
      im.push(b);
    });
    return createSpectrum(f, re, im, { source: 'synthetic' });
  }
  /** R/(1 + (jωτ)^φ) */
  const zarc = (w: number, R: number, tau: number, phi: number): [number, number] => {
    const m = (w * tau) ** phi;
    const a = (phi * Math.PI) / 2;
    const dr = 1 + m * Math.cos(a);
    const di = m * Math.sin(a);
    const d = dr * dr + di * di;
    return [(R * dr) / d, (-R * di) / d];
  };

  it('KK-compliant 10 + ZARC + RC → valid, tiny residuals', () => {
    const s = spectrum((w) => {
      const a = zarc(w, 50, 1e-2, 0.8);
      const b = zarc(w, 20, 1e-4, 1);
      return [10 + a[0] + b[0], a[1] + b[1]];
    });
    const out = linKK(s);
    expect(out.valid).toBe(true);
    expect(out.maxResidual).toBeLessThan(1e-3);
  });

  it('anti-causal element → not valid (residuals ≫ 1 %)', () => {
    const s = spectrum((w) => {
      const wt = w * 1e-2;
      return [10 + 50 / (1 + wt * wt), (50 * wt) / (1 + wt * wt)]; // 50/(1 − jωτ)
    });
    const out = linKK(s);
    expect(out.valid).toBe(false);
    expect(out.maxResidual).toBeGreaterThan(0.1);
  });

  it('drift during the sweep → not valid', () => {
    const s = spectrum((w, i) => {
      const drift = 1 + 0.3 * (i / 70);
      const z = zarc(w, 50, 1e-2, 1);
      return [(10 + z[0]) * drift, z[1] * drift];
    });
    expect(linKK(s).valid).toBe(false);
  });

  it('0.1 % noise → valid', () => {
    const rng = createRng(7);
    const s = spectrum((w) => {
      const z = zarc(w, 50, 1e-2, 0.8);
      const m = Math.hypot(10 + z[0], z[1]);
      return [10 + z[0] + 1e-3 * m * rng.normal(), z[1] + 1e-3 * m * rng.normal()];
    });
    const out = linKK(s);
    expect(out.valid).toBe(true);
    expect(out.rmsResidual).toBeLessThan(2e-3);
  });
});

describe('Lin-KK building blocks and input checks', () => {
  it('μ and time constants as defined', () => {
    expect(linKKMu([1, 2, 3, -3, -2, -1])).toBe(0);
    expect(linKKMu([-1, 2, 4, -3, 4, -1])).toBe(0.5);
    const ts = linKKTimeConstants([1, 10, 100], 3);
    expect(ts[0]).toBeCloseTo(1 / (2 * Math.PI * 100), 15);
    expect(ts[2]).toBeCloseTo(1 / (2 * Math.PI), 15);
    expect(ts[1]).toBeCloseTo(1 / (2 * Math.PI * 10), 15);
  });

  it('rejects too few points, NaN, duplicate frequencies', () => {
    expect(() => linKK(createSpectrum([1, 2, 3], [1, 1, 1], [0, 0, 0], { source: 'x' }))).toThrow(InputError);
    expect(() => linKK(createSpectrum([1, 2, 3, 4, 5, 6], [1, 1, NaN, 1, 1, 1], [-1, -1, -1, -1, -1, -1]))).toThrow(/finite/);
    expect(() => linKK(createSpectrum([1, 2, 3, 3, 5, 6], [1, 1, 1, 1, 1, 1], [-1, -1, -1, -1, -1, -1]))).toThrow(/duplicate/);
  });
});

describe('Lin-KK series terms', () => {
  it('a spectrum with a series inductance needs the L term; without it the residuals grow', () => {
    const f = Float64Array.from({ length: 61 }, (_, i) => 10 ** (6 - i / 10));
    const re: number[] = [];
    const im: number[] = [];
    for (const fi of f) {
      const w = 2 * Math.PI * fi;
      // 10 Ω + ZARC(100 Ω, 1 ms, φ = 0.8) + jωL, L = 1 µH (6 Ω at 1 MHz)
      const m = (w * 1e-3) ** 0.8;
      const dr = 1 + m * Math.cos(0.4 * Math.PI);
      const di = m * Math.sin(0.4 * Math.PI);
      const d = dr * dr + di * di;
      re.push(10 + (100 * dr) / d);
      im.push((-100 * di) / d + w * 1e-6);
    }
    const s = createSpectrum(f, re, im, { source: 'rl' });
    // Without the τ-range extension: RC elements with τ < 1/ω_max and R < 0 can stand in for L.
    const withL = linKK(s, { capacitance: false, tauExtension: 0 });
    const withoutL = linKK(s, { capacitance: false, inductance: false, tauExtension: 0 });
    expect(withL.inductance).toBe(true);
    expect(withoutL.inductance).toBe(false);
    expect(Math.abs(withL.model.inductance / 1e-6 - 1)).toBeLessThan(0.05);
    expect(withL.maxResidual).toBeLessThan(1e-3);
    expect(withoutL.maxResidual).toBeGreaterThan(10 * withL.maxResidual);
  });
});
