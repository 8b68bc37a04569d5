/** Model impedance for the plots: a dense log grid for the curve and the data points for residuals. */
import { CircuitModel } from '../../../src/impedance/circuit/model.js';
import type { Curve } from './plots.js';
import type { SpectrumData } from './protocol.js';

export function modelCurve(model: CircuitModel, p: Float64Array, fMin: number, fMax: number, count = 240): Curve {
  const frequency = new Float64Array(count);
  const a = Math.log10(fMin) - 0.05;
  const b = Math.log10(fMax) + 0.05;
  for (let i = 0; i < count; i++) frequency[i] = Math.pow(10, a + ((b - a) * i) / (count - 1));
  const real = new Float64Array(count);
  const imag = new Float64Array(count);
  model.evaluate(frequency, p, real, imag);
  return { frequency, real, imag };
}

/** Relative residuals (Z − Ẑ)/|Z| at the measured frequencies. */
export function relativeResiduals(model: CircuitModel, p: Float64Array, s: SpectrumData): { re: Float64Array; im: Float64Array; rms: number } {
  const n = s.frequency.length;
  const real = new Float64Array(n);
  const imag = new Float64Array(n);
  model.evaluate(s.frequency, p, real, imag);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const m = Math.hypot(s.real[i]!, s.imag[i]!);
    re[i] = (s.real[i]! - real[i]!) / m;
    im[i] = (s.imag[i]! - imag[i]!) / m;
    sum += re[i]! * re[i]! + im[i]! * im[i]!;
  }
  return { re, im, rms: Math.sqrt(sum / (2 * n)) };
}
