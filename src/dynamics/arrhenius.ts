/**
 * Arrhenius analysis of diffusion coefficients at several temperatures:
 *   D(T) = D₀ exp(−E_a / k_B T)  ⇒  ln D = ln D₀ − (E_a/k_B)·(1/T),
 * fitted by weighted least squares on ln D with weights 1/σ_lnD² (σ_lnD = σ_D/D), so the
 * honest GLS errors of each D carry through to E_a. E_a in eV, D₀ in the unit of D.
 */
import { BOLTZMANN_EV_PER_K } from '../core/constants.js';

export interface ArrheniusPoint {
  temperatureK: number;
  D: number;
  stderr?: number;
}

export interface ArrheniusFit {
  activationEnergyEv: number;
  activationEnergyStderrEv: number;
  prefactor: number;
  prefactorStderr: number;
  /** D extrapolated to `atK` if requested. */
  extrapolated?: { temperatureK: number; D: number; stderr: number };
}

export function fitArrhenius(points: ArrheniusPoint[], atK?: number): ArrheniusFit {
  if (points.length < 2) throw new RangeError('an Arrhenius fit needs at least two temperatures');
  let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const p of points) {
    if (!(p.D > 0) || !(p.temperatureK > 0)) throw new RangeError('D and T must be positive for an Arrhenius fit');
    const x = 1 / p.temperatureK;
    const y = Math.log(p.D);
    const s = p.stderr && p.stderr > 0 ? p.stderr / p.D : 1;
    const w = 1 / (s * s);
    sw += w; sx += w * x; sy += w * y; sxx += w * x * x; sxy += w * x * y;
  }
  const det = sw * sxx - sx * sx;
  const slope = (sw * sxy - sx * sy) / det;
  const icpt = (sxx * sy - sx * sxy) / det;
  let varSlope = sw / det, varIcpt = sxx / det, covSI = -sx / det;
  const weighted = points.every((p) => p.stderr && p.stderr > 0);
  if (!weighted) {
    // No per-point errors: scale by the residual variance (ordinary least squares).
    let rss = 0;
    for (const p of points) rss += (Math.log(p.D) - icpt - slope / p.temperatureK) ** 2;
    const s2 = points.length > 2 ? rss / (points.length - 2) : NaN;
    varSlope *= s2; varIcpt *= s2; covSI *= s2;
  }
  const fit: ArrheniusFit = {
    activationEnergyEv: -slope * BOLTZMANN_EV_PER_K,
    activationEnergyStderrEv: Math.sqrt(varSlope) * BOLTZMANN_EV_PER_K,
    prefactor: Math.exp(icpt),
    prefactorStderr: Math.exp(icpt) * Math.sqrt(varIcpt),
  };
  if (atK !== undefined) {
    const x = 1 / atK;
    const lnD = icpt + slope * x;
    const v = varIcpt + x * x * varSlope + 2 * x * covSI;
    fit.extrapolated = { temperatureK: atK, D: Math.exp(lnD), stderr: Math.exp(lnD) * Math.sqrt(Math.max(v, 0)) };
  }
  return fit;
}
