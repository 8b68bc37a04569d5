/**
 * Ionic conductivity of a pellet between blocking electrodes: σ = L/(R·A), L the thickness
 * (cm), A the electrode area (cm²; a disc of diameter D has A = πD²/4), R the bulk (or total)
 * resistance (Ω) → σ in S/cm.
 *
 * Standard errors propagate to first order for independent errors:
 * (δσ/σ)² = (δL/L)² + (δR/R)² + (δA/A)², with δA/A = 2·δD/D for a disc.
 */
import { InputError } from '../core/errors.js';
import { quantity, type Quantity } from '../core/quantity.js';

export interface PelletGeometry {
  /** Thickness in cm. */
  thicknessCm: number;
  thicknessStderrCm?: number;
  /** Electrode area in cm² (or give the diameter). */
  areaCm2?: number;
  areaStderrCm2?: number;
  /** Disc diameter in cm. */
  diameterCm?: number;
  diameterStderrCm?: number;
}

/** Electrode area in cm² with its standard error, from an area or a disc diameter. */
export function pelletArea(g: PelletGeometry): Quantity {
  if (g.areaCm2 !== undefined && g.diameterCm !== undefined) {
    throw new InputError('--area-cm2', undefined, 'give either the area or the diameter, not both');
  }
  if (g.areaCm2 !== undefined) {
    if (!(g.areaCm2 > 0)) throw new InputError('--area-cm2', undefined, `area must be positive, got ${g.areaCm2}`);
    return quantity(g.areaCm2, 'cm^2', g.areaStderrCm2);
  }
  if (g.diameterCm !== undefined) {
    if (!(g.diameterCm > 0)) throw new InputError('--diameter-cm', undefined, `diameter must be positive, got ${g.diameterCm}`);
    const a = (Math.PI * g.diameterCm * g.diameterCm) / 4;
    return quantity(a, 'cm^2', g.diameterStderrCm !== undefined ? (2 * a * g.diameterStderrCm) / g.diameterCm : undefined);
  }
  throw new InputError('--area-cm2', undefined, 'the electrode area is needed: give --area-cm2 or --diameter-cm');
}

/** σ = L/(R·A) in S/cm with first-order error propagation. */
export function pelletConductivity(resistance: Quantity, g: PelletGeometry): Quantity {
  if (!(g.thicknessCm > 0)) throw new InputError('--thickness-cm', undefined, `thickness must be positive, got ${g.thicknessCm}`);
  if (!(resistance.value > 0)) throw new InputError('resistance', undefined, `resistance must be positive, got ${resistance.value} Ohm`);
  const area = pelletArea(g);
  const sigma = g.thicknessCm / (resistance.value * area.value);
  const rel2 =
    (resistance.stderr !== undefined ? (resistance.stderr / resistance.value) ** 2 : 0) +
    (area.stderr !== undefined ? (area.stderr / area.value) ** 2 : 0) +
    (g.thicknessStderrCm !== undefined ? (g.thicknessStderrCm / g.thicknessCm) ** 2 : 0);
  const anyError = resistance.stderr !== undefined || area.stderr !== undefined || g.thicknessStderrCm !== undefined;
  return quantity(sigma, 'S/cm', anyError ? sigma * Math.sqrt(rel2) : undefined);
}
