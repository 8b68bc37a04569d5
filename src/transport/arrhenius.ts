/**
 * Arrhenius analysis of ionic conductivity (CONTRACT §3).
 *
 * Form "sigmaT" (default, the usual form for ion hopping):  ln(σT) = ln σ0 − Ea/(kB·T),
 *   σ0 in S·K/cm.
 * Form "sigma":                                              ln σ    = ln σ0 − Ea/(kB·T),
 *   σ0 in S/cm.
 * The fit is a straight line in (1/T, ln y) by least squares; Ea = −slope·kB with its standard
 * error from the line's covariance; σ at 25 °C and its standard error follow from the fitted
 * line by the delta method (using the full intercept–slope covariance). With per-point
 * uncertainties of σ the fit is weighted by (σ/δσ)², i.e. 1/var(ln σ).
 */
import { BOLTZMANN_EV_PER_K, ZERO_CELSIUS_K } from '../core/constants.js';
import { quantity, type Quantity } from '../core/quantity.js';
import { fitLine } from '../numerics/regression.js';

export type ArrheniusForm = 'sigmaT' | 'sigma';

export interface ArrheniusPoint {
  /** K */
  temperatureK: number;
  /** S/cm */
  conductivity: number;
  /** S/cm, one standard error of σ, optional */
  conductivityStderr?: number;
}

export interface ArrheniusResult {
  form: ArrheniusForm;
  activationEnergy: Quantity;
  prefactor: Quantity;
  conductivityAt25C: Quantity;
  r2: number;
  points: number;
}

export const T25C_K = 25 + ZERO_CELSIUS_K;

/** Fits the Arrhenius law; throws RangeError on fewer than two points or non-positive values. */
export function fitArrhenius(points: readonly ArrheniusPoint[], form: ArrheniusForm = 'sigmaT'): ArrheniusResult {
  if (points.length < 2) throw new RangeError('an Arrhenius fit needs at least two temperatures');
  const x = new Float64Array(points.length);
  const y = new Float64Array(points.length);
  const weighted = points.every((p) => p.conductivityStderr !== undefined && p.conductivityStderr > 0);
  const w = weighted ? new Float64Array(points.length) : undefined;
  points.forEach((p, i) => {
    if (!(p.temperatureK > 0)) throw new RangeError(`temperature ${p.temperatureK} K is not positive`);
    if (!(p.conductivity > 0)) throw new RangeError(`conductivity ${p.conductivity} S/cm is not positive`);
    x[i] = 1 / p.temperatureK;
    y[i] = Math.log(form === 'sigmaT' ? p.conductivity * p.temperatureK : p.conductivity);
    if (w) w[i] = (p.conductivity / p.conductivityStderr!) ** 2;
  });
  const fit = fitLine(x, y, w);
  const [[varA, covAB], [, varB]] = fit.covariance;
  const ea = -fit.slope * BOLTZMANN_EV_PER_K;
  const eaErr = Math.sqrt(varB) * BOLTZMANN_EV_PER_K;
  const sigma0 = Math.exp(fit.intercept);
  const sigma0Err = sigma0 * Math.sqrt(varA);

  // ln σ(T) = a + b/T − [ln T if sigmaT]; var(ln σ) = var a + var b/T² + 2 cov/T.
  const t = T25C_K;
  const lnSigma25 = fit.intercept + fit.slope / t - (form === 'sigmaT' ? Math.log(t) : 0);
  const sigma25 = Math.exp(lnSigma25);
  const sigma25Err = sigma25 * Math.sqrt(varA + varB / (t * t) + (2 * covAB) / t);

  return {
    form,
    activationEnergy: quantity(ea, 'eV', eaErr),
    prefactor: quantity(sigma0, form === 'sigmaT' ? 'S K/cm' : 'S/cm', sigma0Err),
    conductivityAt25C: quantity(sigma25, 'S/cm', sigma25Err),
    r2: fit.r2,
    points: points.length,
  };
}
