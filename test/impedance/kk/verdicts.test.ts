/**
 * Default Lin-KK verdicts (M by minimum BIC, trend verdict) on seeded synthetic spectra and on
 * the demo's generated pellet spectra. Compliant circuits with 0.1–0.5 % noise must pass;
 * drift during the sweep and an anti-causal element must fail. The μ rule is shown failing the
 * textbook R‖C case, which is why it is not the default.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linKK } from '../../../src/impedance/kk/lin-kk.js';
import { readImpedance } from '../../../src/formats/impedance/index.js';
import { add, cap, cpe, par, sweep, synthetic, warburg, type Z } from './synthetic-spectra.js';

const f = sweep(1e6, 0.1, 10); // 71 points, high → low as measured
const rc = (w: number, r = 1000): Z => add([10, 0], par([r, 0], cap(w, 1e-7)));
const spur = (w: number, r = 5000): Z => add([20, 0], par([r, 0], cpe(w, 1e-9, 0.85)), cpe(w, 2e-6, 0.8));
const randles = (w: number): Z => add([15, 0], par(add([200, 0], warburg(w, 300)), cap(w, 2e-5)));

describe('Lin-KK default verdict on KK-compliant spectra with noise', () => {
  const cases: [string, (w: number) => Z][] = [
    ['R‖C', (w) => rc(w)],
    ['R-p(R,CPE)-CPE (blocking spur)', (w) => spur(w)],
    ['Randles with Warburg', (w) => randles(w)],
  ];
  for (const [name, z] of cases) {
    for (const noise of [0.001, 0.003, 0.005]) {
      it(`${name}, ${noise * 100} % noise, seeds 1–3 → valid`, () => {
        for (const seed of [1, 2, 3]) {
          const r = linKK(synthetic(f, z, noise, seed));
          expect(r.valid, `seed ${seed}: ${r.verdictReason}`).toBe(true);
          expect(r.mSelection).toBe('auto');
          // max of 7-point means of noise over 2 × 71 residuals: ≈ 1–1.4 σ
          expect(r.systematicResidual).toBeLessThan(Math.max(0.002, 1.5 * noise));
          // rms near the noise level: the model neither under- nor grossly over-fits
          expect(r.rmsResidual).toBeGreaterThan(0.6 * noise);
          expect(r.rmsResidual).toBeLessThan(1.3 * noise);
        }
      });
    }
  }

  it('noise-free R‖C is fitted to 1e-6 (the criterion takes M large enough)', () => {
    const r = linKK(synthetic(f, (w) => rc(w)));
    expect(r.valid).toBe(true);
    expect(r.maxResidual).toBeLessThan(1e-6);
  });

  it('the μ rule (Schönleber) stops too early on R‖C with 0.1 % noise; the classic max rule rejects 0.5 % noise', () => {
    const mu = linKK(synthetic(f, (w) => rc(w), 0.001, 1), { mSelection: 'mu', verdict: 'max' });
    expect(mu.M).toBeLessThan(10);
    expect(mu.maxResidual).toBeGreaterThan(0.2);
    expect(mu.valid).toBe(false);
    const noisy = synthetic(f, (w) => rc(w), 0.005, 1);
    const byMax = linKK(noisy, { verdict: 'max' });
    const byTrend = linKK(noisy);
    expect(byMax.M).toBe(byTrend.M);
    expect(byMax.maxResidual).toBeGreaterThan(0.01);
    expect(byMax.valid).toBe(false);
    expect(byMax.verdictReason).toMatch(/max \|residual\|/);
    expect(byTrend.valid).toBe(true);
  });
});

describe('Lin-KK default verdict on non-compliant spectra', () => {
  it('R of the R‖C drifting linearly by 10 % with measurement time, 0.1–0.5 % noise → not valid', () => {
    for (const noise of [0.001, 0.003, 0.005]) {
      for (const seed of [1, 2, 3]) {
        const r = linKK(synthetic(f, (w, t) => rc(w, 1000 * (1 + 0.1 * t)), noise, seed));
        expect(r.valid, `noise ${noise}, seed ${seed}`).toBe(false);
        expect(r.systematicResidual).toBeGreaterThan(0.012);
        expect(r.verdictReason).toMatch(/systematic residual/);
      }
    }
  });

  it('the whole cell impedance growing by 10 % during the sweep (non-stationary) → not valid, trend visible in r₁', () => {
    const r = linKK(synthetic(f, (w, t) => rc(w).map((x) => x * (1 + 0.1 * t)) as Z, 0.001, 4));
    expect(r.valid).toBe(false);
    expect(r.lag1Autocorrelation).toBeGreaterThan(0.4);
  });

  it('a 10 % drift is hidden by a τ range widened by 1 decade (why the default is 0)', () => {
    const s = synthetic(f, (w, t) => rc(w, 1000 * (1 + 0.1 * t)), 0.001, 1);
    const plain = linKK(s);
    const widened = linKK(s, { tauExtension: 1 });
    expect(plain.tauExtension).toBe(0);
    expect(widened.systematicResidual).toBeLessThan(plain.systematicResidual / 2);
  });

  it('anti-causal element 1000/(1 − jωτ), 0.3 % noise → not valid by either verdict', () => {
    const z = (w: number): Z => {
      const wt = w * 1e-4;
      return [10 + 1000 / (1 + wt * wt), (1000 * wt) / (1 + wt * wt)];
    };
    const s = synthetic(f, z, 0.003, 5);
    expect(linKK(s).valid).toBe(false);
    expect(linKK(s).systematicResidual).toBeGreaterThan(0.5);
    expect(linKK(s, { verdict: 'max' }).valid).toBe(false);
  });
});

describe('Lin-KK on the demo pellet spectra (examples/nhoc/data/eis: R0-p(R1,CPE1)-CPE2, 0.2 % noise)', () => {
  const dir = join(import.meta.dirname, '../../../examples/nhoc/data/eis');
  const files = readdirSync(dir).filter((n) => n.endsWith('.csv'));
  it('finds the 18 generated spectra', () => expect(files.length).toBe(18));
  it('every one is valid, with the residuals at the 0.2 % noise level', () => {
    for (const name of files) {
      const s = readImpedance(new Uint8Array(readFileSync(join(dir, name))), name);
      const r = linKK(s);
      expect(r.valid, `${name}: ${r.verdictReason}`).toBe(true);
      expect(r.capacitance, name).toBe(true);
      expect(r.rmsResidual, name).toBeLessThan(0.003);
      expect(r.systematicResidual, name).toBeLessThan(0.005);
    }
  });
});
