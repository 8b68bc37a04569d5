/**
 * Nernst–Einstein conductivity and the Haven ratio.
 *   σ = N (z e)² D / (V k_B T)          (tracer D*: σ_NE; charge/collective D_σ: σ itself)
 *   H_R = D* / D_σ
 * N ions of charge z (units of e) in volume V. D in Å²/ps (1 Å²/ps = 1e-4 cm²/s), V in Å³,
 * σ in S/cm.
 */
import { BOLTZMANN_J_PER_K, ELEMENTARY_CHARGE_C } from '../core/constants.js';

/** 1 Å²/ps in cm²/s. */
export const A2_PER_PS_IN_CM2_PER_S = 1e-4;

/** Nernst–Einstein σ in S/cm for `ions` ions of charge `z`, D in Å²/ps, volume in Å³, T in K. */
export function nernstEinstein(ions: number, z: number, dA2ps: number, volumeA3: number, temperatureK: number): number {
  const nPerCm3 = ions / (volumeA3 * 1e-24);
  const q = z * ELEMENTARY_CHARGE_C;
  return (nPerCm3 * q * q * dA2ps * A2_PER_PS_IN_CM2_PER_S) / (BOLTZMANN_J_PER_K * temperatureK);
}

/** Haven ratio D* / D_σ and its standard error by first-order propagation (independent errors). */
export function havenRatio(dTracer: number, dTracerErr: number, dCharge: number, dChargeErr: number): { value: number; stderr: number } {
  const h = dTracer / dCharge;
  const rel = Math.hypot(dTracerErr / dTracer, dChargeErr / dCharge);
  return { value: h, stderr: Math.abs(h) * rel };
}

/** Formal charge of common mobile ions (units of e), for the Nernst–Einstein default. */
export const FORMAL_CHARGE: Record<string, number> = {
  H: 1, Li: 1, Na: 1, K: 1, Rb: 1, Cs: 1, Ag: 1, Cu: 1, Mg: 2, Ca: 2, Zn: 2, Al: 3,
  F: -1, Cl: -1, Br: -1, I: -1, O: -2, S: -2,
};
