/**
 * Residual weights of a complex nonlinear least-squares (CNLS) fit: residuals are
 * w'_i (Z'_model − Z'_data) and w''_i (Z''_model − Z''_data).
 *
 * - `modulus` (default): w' = w'' = 1/|Z_i| — relative residuals, every decade of |Z| counts
 *   alike. Equals impedance.py's `weight_by_modulus=True` (σ = |Z|).
 * - `unit`: w = 1 — plain least squares on Ω; impedance.py's default (no weighting).
 * - `proportional`: w' = 1/|Z'_i|, w'' = 1/|Z''_i| (Boukamp/ZView "data-proportional");
 *   |Z''| is floored at 1e-3·|Z_i| so points on the real axis do not get infinite weight.
 */
export type Weighting = 'modulus' | 'unit' | 'proportional';

export const WEIGHTINGS: readonly Weighting[] = ['modulus', 'unit', 'proportional'];

export function residualWeights(real: Float64Array, imag: Float64Array, weighting: Weighting): { re: Float64Array; im: Float64Array } {
  const n = real.length;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mod = Math.hypot(real[i]!, imag[i]!);
    if (weighting === 'unit') {
      re[i] = 1;
      im[i] = 1;
    } else if (weighting === 'modulus') {
      re[i] = 1 / mod;
      im[i] = 1 / mod;
    } else {
      re[i] = 1 / Math.max(Math.abs(real[i]!), 1e-3 * mod);
      im[i] = 1 / Math.max(Math.abs(imag[i]!), 1e-3 * mod);
    }
  }
  return { re, im };
}
