/** Synthetic spectra for the Lin-KK verdict tests: circuits, seeded noise and drift. */
import { createRng } from '../../../src/core/rng.js';
import { createSpectrum, type ImpedanceSpectrum } from '../../../src/impedance/spectrum.js';

export type Z = [number, number];
export const add = (...zs: Z[]): Z => zs.reduce((a, b) => [a[0] + b[0], a[1] + b[1]], [0, 0]);
export const par = (a: Z, b: Z): Z => {
  // a b / (a + b)
  const nr = a[0] * b[0] - a[1] * b[1];
  const ni = a[0] * b[1] + a[1] * b[0];
  const dr = a[0] + b[0];
  const di = a[1] + b[1];
  const d = dr * dr + di * di;
  return [(nr * dr + ni * di) / d, (ni * dr - nr * di) / d];
};
/** CPE 1/(Q (jω)^φ), Q in F s^(φ−1). */
export const cpe = (w: number, q: number, phi: number): Z => {
  const m = 1 / (q * w ** phi);
  return [m * Math.cos((phi * Math.PI) / 2), -m * Math.sin((phi * Math.PI) / 2)];
};
export const cap = (w: number, c: number): Z => [0, -1 / (w * c)];
/** Semi-infinite Warburg σ(1 − j)/√ω, σ in Ω s^-½. */
export const warburg = (w: number, sigma: number): Z => [sigma / Math.sqrt(w), -sigma / Math.sqrt(w)];

/** Log-spaced frequencies from fmax down to fmin (Hz), as a sweep is measured. */
export function sweep(fmax: number, fmin: number, perDecade: number): Float64Array {
  const n = Math.round(Math.log10(fmax / fmin) * perDecade) + 1;
  return Float64Array.from({ length: n }, (_, i) => fmax * 10 ** (-i / perDecade));
}

/** Measurement time (s) at each point of a high→low sweep: max(2 periods, 1 s) per point, normalised to 0…1. */
export function sweepTime(f: Float64Array): Float64Array {
  const t = new Float64Array(f.length);
  let acc = 0;
  for (let i = 0; i < f.length; i++) {
    acc += Math.max(2 / f[i]!, 1);
    t[i] = acc;
  }
  return t.map((x) => x / acc);
}

/**
 * Spectrum of `z(ω, t)` (t = normalised measurement time) with Gaussian noise of standard
 * deviation `noise`·|Z| on each part (seeded).
 */
export function synthetic(f: Float64Array, z: (w: number, t: number) => Z, noise = 0, seed = 1): ImpedanceSpectrum {
  const rng = createRng(seed);
  const t = sweepTime(f);
  const re: number[] = [];
  const im: number[] = [];
  f.forEach((fi, i) => {
    const v = z(2 * Math.PI * fi, t[i]!);
    const m = Math.hypot(v[0], v[1]);
    re.push(v[0] + noise * m * rng.normal());
    im.push(v[1] + noise * m * rng.normal());
  });
  return createSpectrum(f, re, im, { source: 'synthetic' });
}
