/**
 * X-ray atomic form factors as pymatgen's XRDCalculator computes them (Mott–Bethe from the
 * 4-Gaussian electron factors): f(s) = Z − 41.78214 s² Σ_i a_i exp(−b_i s²), s = sinθ/λ = Q/4π
 * in Å⁻¹ (41.78214 = 8π²a0 in Å). f(0) = Z.
 */
import { elementSymbol } from '../core/elements.js';
import { ATOMIC_SCATTERING_PARAMS } from './atomic-scattering-params.js';

const MOTT_BETHE = 41.78214;

/** Coefficients [a1, b1, …, a4, b4] of element z, or undefined when the table lacks it. */
export function formFactorCoefficients(z: number): Float64Array | undefined {
  let sym: string;
  try {
    sym = elementSymbol(z);
  } catch {
    return undefined;
  }
  const c = ATOMIC_SCATTERING_PARAMS[sym];
  if (!c) return undefined;
  const out = new Float64Array(8);
  c.forEach(([a, b], i) => {
    out[2 * i] = a;
    out[2 * i + 1] = b;
  });
  return out;
}

/** f(s²) for element z with its coefficients (from formFactorCoefficients). s² in Å⁻². */
export function formFactorS2(z: number, coeff: Float64Array, s2: number): number {
  let sum = 0;
  for (let i = 0; i < 8; i += 2) sum += coeff[i]! * Math.exp(-coeff[i + 1]! * s2);
  return z - MOTT_BETHE * s2 * sum;
}

/** X-ray form factor of element z at momentum transfer Q (Å⁻¹), in electrons. */
export function xrayFormFactor(z: number, q: number): number {
  const c = formFactorCoefficients(z);
  if (!c) throw new RangeError(`no X-ray form-factor coefficients for ${elementSymbol(z)}`);
  const s = q / (4 * Math.PI);
  return formFactorS2(z, c, s * s);
}
