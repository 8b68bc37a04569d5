/**
 * Arrhenius analysis of diffusion coefficients at several temperatures:
 *   D(T) = D₀ exp(−E_a / k_B T)  ⇒  ln D = ln D₀ − (E_a/k_B)·(1/T),
 * fitted by weighted least squares on ln D with weights 1/σ_lnD² (σ_lnD = σ_D/D), so the
 * honest GLS errors of each D carry through to E_a. E_a in eV, D₀ in the unit of D.
 */
import { BOLTZMANN_EV_PER_K } from '../core/constants.js';
import { fitLine } from '../numerics/regression.js';

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
  for (const p of points) {
    if (!(p.D > 0) || !(p.temperatureK > 0)) throw new RangeError('D and T must be positive for an Arrhenius fit');
  }
  const x = points.map((p) => 1 / p.temperatureK);
  const y = points.map((p) => Math.log(p.D));
  // With every point's error known, its GLS σ is taken as absolute (weights 1/σ_lnD², no
  // rescaling); otherwise ordinary least squares scaled by the residual variance.
  const weighted = points.every((p) => p.stderr && p.stderr > 0);
  const w = weighted ? points.map((p) => (p.D / p.stderr!) ** 2) : undefined;
  const line = fitLine(x, y, w, true);
  const [[varIcpt, covSI], [, varSlope]] = line.covariance;
  const fit: ArrheniusFit = {
    activationEnergyEv: -line.slope * BOLTZMANN_EV_PER_K,
    activationEnergyStderrEv: Math.sqrt(varSlope) * BOLTZMANN_EV_PER_K,
    prefactor: Math.exp(line.intercept),
    prefactorStderr: Math.exp(line.intercept) * Math.sqrt(varIcpt),
  };
  if (atK !== undefined) {
    const xt = 1 / atK;
    const lnD = line.intercept + line.slope * xt;
    const v = varIcpt + xt * xt * varSlope + 2 * xt * covSI;
    fit.extrapolated = { temperatureK: atK, D: Math.exp(lnD), stderr: Math.exp(lnD) * Math.sqrt(Math.max(v, 0)) };
  }
  return fit;
}
