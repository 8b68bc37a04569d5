/** Synthetic spectra with analytic DRTs for the DRT tests (research/eis-drt.md §6). */
import { createSpectrum, type ImpedanceSpectrum } from '../../../src/impedance/spectrum.js';
import { createRng } from '../../../src/core/rng.js';

/** Z of R/(1 + (jωτ)^φ) as [Z', Z''] (Ω). */
export function zarc(w: number, r: number, tau: number, phi: number): [number, number] {
  const m = (w * tau) ** phi;
  const a = (phi * Math.PI) / 2;
  const dr = 1 + m * Math.cos(a);
  const di = m * Math.sin(a);
  const d = dr * dr + di * di;
  return [(r * dr) / d, (-r * di) / d];
}

/** Analytic DRT of a ZARC: γ(ln τ) = (R/2π) sin(φπ)/(cosh(φ ln(τ/τ0)) + cos(φπ)) (Ω). */
export function zarcGamma(tau: number, r: number, tau0: number, phi: number): number {
  return ((r / (2 * Math.PI)) * Math.sin(phi * Math.PI)) / (Math.cosh(phi * Math.log(tau / tau0)) + Math.cos(phi * Math.PI));
}

/** log-uniform frequencies from 10^hi down to 10^lo Hz, `perDecade` points per decade. */
export function logFrequencies(hi: number, lo: number, perDecade: number): Float64Array {
  const n = Math.round((hi - lo) * perDecade) + 1;
  return Float64Array.from({ length: n }, (_, i) => 10 ** (hi - i / perDecade));
}

/** Spectrum of z(ω) at f, with optional Gaussian noise of `relative`·|Z| on both parts (seeded). */
export function synthesize(f: Float64Array, z: (w: number) => [number, number], relative = 0, seed = 1): ImpedanceSpectrum {
  const rng = createRng(seed);
  const re: number[] = [];
  const im: number[] = [];
  for (const fi of f) {
    const [a, b] = z(2 * Math.PI * fi);
    const sd = relative * Math.hypot(a, b);
    re.push(a + sd * rng.normal());
    im.push(b + sd * rng.normal());
  }
  return createSpectrum(f, re, im, { source: 'synthetic' });
}

/** The two-ZARC resolution case: R∞ = 10 Ω, two ZARCs R = 50 Ω, φ = 0.8, 1.5 decades apart. */
export const twoZarcs = (w: number): [number, number] => {
  const a = zarc(w, 50, 1e-1, 0.8);
  const b = zarc(w, 50, 10 ** -2.5, 0.8);
  return [10 + a[0] + b[0], a[1] + b[1]];
};
