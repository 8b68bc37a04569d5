/**
 * Powder pattern of a non-crystalline model by the Debye / S(Q) route: a periodic glass cell is
 * not a crystal with a 20 Å lattice, and enumerating its "Bragg peaks" gives a comb of cell
 * artefacts. Instead the Debye scattering equation is evaluated through the partial pair
 * distribution functions (which already include the periodic images up to R):
 *
 *   I(Q)/N = Σ_a c_a f_a(Q)² + Σ_ab c_a c_b f_a(Q) f_b(Q) [S_ab(Q) − 1]
 *
 * (self term + distinct term; S_ab from partialStructureFactors with the real-space window),
 * f from pymatgen's X-ray table, Q = 4π sinθ/λ, times the polarisation factor (1 + cos²2θ)/2 of
 * an unpolarised beam. No Lorentz factor: that factor converts Bragg spots into integrated
 * powder-ring intensities and has no counterpart for diffuse scattering. Scaled to max = 100.
 * Below Q ≈ 2π/R the result is unreliable (g is only known to R); the caller's 2θ range should
 * start above it.
 */
import { composition, partialStructureFactors, type PartialPdfInput } from './partials.js';
import { totalXraySq } from './pdf.js';
import { xrayFormFactor } from './form-factor.js';

export interface AmorphousOptions {
  /** Å */
  wavelength: number;
  /** degrees */
  twoThetaMin: number;
  twoThetaMax: number;
  /** degrees (default 0.05) */
  step?: number;
}

export interface AmorphousPattern {
  /** degrees */
  twoTheta: Float64Array;
  /** 0–100 */
  intensity: Float64Array;
  /** Å⁻¹ */
  q: Float64Array;
  /** X-ray weighted S(Q) (Faber–Ziman, f(Q)). */
  sq: Float64Array;
  /** Local maxima of the halo: 2θ (degrees), d = 2π/Q (Å), intensity. */
  maxima: { twoTheta: number; d: number; intensity: number }[];
  /** Q below which truncation of g(r) at r_max dominates, Å⁻¹ (2π/r_max). */
  qMinReliable: number;
}

export function amorphousPattern(input: PartialPdfInput, o: AmorphousOptions): AmorphousPattern {
  const step = o.step ?? 0.05;
  const n = Math.max(2, Math.floor((o.twoThetaMax - o.twoThetaMin) / step + 1e-9) + 1);
  const tt = new Float64Array(n);
  const q = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    tt[i] = o.twoThetaMin + i * step;
    q[i] = (4 * Math.PI * Math.sin((tt[i]! * Math.PI) / 360)) / o.wavelength;
  }
  const { z, c } = composition(input);
  const sq = totalXraySq(z, c, q, partialStructureFactors(input, q, true), 'q');
  const intensity = new Float64Array(n);
  for (let m = 0; m < n; m++) {
    let self = 0;
    let mean = 0;
    for (let i = 0; i < z.length; i++) {
      const f = xrayFormFactor(z[i]!, q[m]!);
      self += c[i]! * f * f;
      mean += c[i]! * f;
    }
    // Distinct term Σ c_a c_b f_a f_b [S_ab − 1] = ⟨f⟩² [S_X(Q) − 1] (Faber–Ziman, as in pdf.ts).
    const distinct = (sq[m]! - 1) * mean * mean;
    const c2 = Math.cos((tt[m]! * Math.PI) / 180);
    intensity[m] = Math.max(0, self + distinct) * 0.5 * (1 + c2 * c2);
  }
  let max = 0;
  for (let m = 0; m < n; m++) if (intensity[m]! > max) max = intensity[m]!;
  if (max > 0) for (let m = 0; m < n; m++) intensity[m]! *= 100 / max;
  const maxima: AmorphousPattern['maxima'] = [];
  for (let m = 1; m < n - 1; m++) {
    if (intensity[m]! > intensity[m - 1]! && intensity[m]! >= intensity[m + 1]! && intensity[m]! > 5) {
      maxima.push({ twoTheta: tt[m]!, d: (2 * Math.PI) / q[m]!, intensity: intensity[m]! });
    }
  }
  return { twoTheta: tt, intensity, q, sq, maxima, qMinReliable: (2 * Math.PI) / (input.r.length * input.dr) };
}
