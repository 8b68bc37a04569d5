/**
 * Peak profiles for simulated powder patterns: pseudo-Voigt line shapes whose width comes from
 * the Scherrer equation, β = K λ / (L cos θ) (β the FWHM in radians of 2θ, K the shape factor,
 * default 0.9, L the crystallite size), combined in quadrature with an instrumental FWHM.
 * Each stick's intensity is the peak AREA (integrated intensity), as in a real measurement.
 */
import type { XrdPeak } from './xrd.js';

/** Area-normalised pseudo-Voigt at offset dx from the centre, FWHM h, Lorentzian fraction eta (0–1). */
export function pseudoVoigt(dx: number, h: number, eta: number): number {
  const u = dx / h;
  const lorentz = 2 / (Math.PI * h) / (1 + 4 * u * u);
  const gauss = (2 / h) * Math.sqrt(Math.LN2 / Math.PI) * Math.exp(-4 * Math.LN2 * u * u);
  return eta * lorentz + (1 - eta) * gauss;
}

/**
 * Scherrer FWHM in degrees of 2θ for crystallite size `sizeNm` (nm) at Bragg angle 2θ (degrees),
 * wavelength in Å, shape factor K (0.9 for spheres, FWHM-based).
 */
export function scherrerFwhm(twoTheta: number, wavelength: number, sizeNm: number, k = 0.9): number {
  const theta = (twoTheta * Math.PI) / 360;
  const beta = (k * wavelength) / (sizeNm * 10 * Math.cos(theta));
  return (beta * 180) / Math.PI;
}

export interface ProfileOptions {
  /** Å (for the Scherrer width). */
  wavelength: number;
  /** 2θ grid in degrees: start, stop, step. */
  twoThetaMin: number;
  twoThetaMax: number;
  step?: number;
  /** Crystallite size in nm; undefined = no size broadening. */
  crystalliteNm?: number;
  /** Instrumental FWHM in degrees of 2θ (default 0.05°), added in quadrature. */
  instrumentFwhm?: number;
  /** Lorentzian fraction of the pseudo-Voigt (default 0.5). */
  eta?: number;
  /** Scherrer constant (default 0.9). */
  k?: number;
  /** Scale the curve maximum to 100 (default true). */
  scaled?: boolean;
}

export interface ProfileCurve {
  /** degrees */
  twoTheta: Float64Array;
  intensity: Float64Array;
}

/** FWHM (degrees of 2θ) of a peak at 2θ under these options. */
export function peakFwhm(twoTheta: number, o: ProfileOptions): number {
  const inst = o.instrumentFwhm ?? 0.05;
  const size = o.crystalliteNm ? scherrerFwhm(twoTheta, o.wavelength, o.crystalliteNm, o.k) : 0;
  return Math.sqrt(inst * inst + size * size);
}

/** A continuous pattern from sticks: Σ I_k pV(2θ − 2θ_k; FWHM_k, η), evaluated within ±30 FWHM of each peak. */
export function profilePattern(peaks: readonly Pick<XrdPeak, 'twoTheta' | 'intensity'>[], o: ProfileOptions): ProfileCurve {
  const step = o.step ?? 0.02;
  const n = Math.max(2, Math.floor((o.twoThetaMax - o.twoThetaMin) / step + 1e-9) + 1);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = o.twoThetaMin + i * step;
  const y = new Float64Array(n);
  const eta = o.eta ?? 0.5;
  for (const p of peaks) {
    const h = peakFwhm(p.twoTheta, o);
    const reach = 30 * h;
    const i0 = Math.max(0, Math.floor((p.twoTheta - reach - o.twoThetaMin) / step));
    const i1 = Math.min(n - 1, Math.ceil((p.twoTheta + reach - o.twoThetaMin) / step));
    for (let i = i0; i <= i1; i++) y[i] += p.intensity * pseudoVoigt(x[i]! - p.twoTheta, h, eta);
  }
  if (o.scaled ?? true) {
    let max = 0;
    for (let i = 0; i < n; i++) if (y[i]! > max) max = y[i]!;
    if (max > 0) for (let i = 0; i < n; i++) y[i]! /= max / 100;
  }
  return { twoTheta: x, intensity: y };
}

/** Cu Kα1 and Kα2 wavelengths in Å (as pymatgen lists them) and the usual Kα2/Kα1 intensity ratio. */
export const CU_KALPHA = { ka1: 1.54056, ka2: 1.54439, ratio: 0.5 } as const;

/**
 * Splits sticks computed for the Kα mean into a Kα1/Kα2 doublet: each stick at spacing d gives
 * one peak at 2 asin(λ1/2d) with 1/(1 + ratio) of its intensity and one at 2 asin(λ2/2d) with
 * ratio/(1 + ratio) (the LP change between the two is below 0.1 % and ignored).
 */
export function kalphaDoublet(
  peaks: readonly Pick<XrdPeak, 'd' | 'intensity'>[],
  ka1: number = CU_KALPHA.ka1,
  ka2: number = CU_KALPHA.ka2,
  ratio: number = CU_KALPHA.ratio,
): { twoTheta: number; intensity: number }[] {
  const out: { twoTheta: number; intensity: number }[] = [];
  for (const p of peaks) {
    for (const [wl, w] of [[ka1, 1 / (1 + ratio)], [ka2, ratio / (1 + ratio)]] as const) {
      const s = wl / (2 * p.d);
      if (s < 1) out.push({ twoTheta: (360 / Math.PI) * Math.asin(s), intensity: p.intensity * w });
    }
  }
  return out;
}
