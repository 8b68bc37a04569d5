/** Shared by the fit tests: the getting-started spectrum and synthetic spectra. */
import { readFileSync } from 'node:fs';
import { createRng } from '../../../src/core/rng.js';
import { readImpedance } from '../../../src/formats/impedance/index.js';
import { CircuitModel } from '../../../src/impedance/circuit/model.js';
import type { SpectrumArrays } from '../../../src/impedance/fit/fit.js';
import { fixture, sharedData } from '../../helpers/paths.js';

export const exampleFile = sharedData('eis', 'impedance.py', 'exampleData.csv');

/** impedance.py's readCSV + ignoreBelowX (keep Im Z < 0): 57 of 66 points. */
export function gettingStarted(): SpectrumArrays {
  const s = readImpedance(new Uint8Array(readFileSync(exampleFile)), exampleFile);
  const keep = Array.from(s.imag.keys()).filter((i) => s.imag[i]! < 0);
  const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i]!);
  return { frequency: pick(s.frequency), real: pick(s.real), imag: pick(s.imag) };
}

export const reference = JSON.parse(readFileSync(sharedData('eis', 'reference-outputs.json'), 'utf8'))['impedance.py/exampleData.csv'] as {
  circuit: string;
  initial_guess: number[];
  params: Record<string, number>;
  std_err: Record<string, number>;
  params_weight_by_modulus: Record<string, number>;
};

export const scipyReference = JSON.parse(readFileSync(fixture('fixtures', 'eis-fit', 'scipy-reference.json'), 'utf8')) as {
  unit: { params: Record<string, number>; stderr: Record<string, number>; sumOfSquares: number };
  modulus: { params: Record<string, number>; stderr: Record<string, number>; sumOfSquares: number };
  exponential: { t: number[]; y: number[]; x: number[]; sumOfSquares: number };
};

export const impedancePyGuess = (): Record<string, number> =>
  Object.fromEntries(Object.keys(reference.params).map((n, k) => [n, reference.initial_guess[k]!]));

/** Log-spaced sweep high → low with optional noise of sd = noise·|Z| on Z' and Z''. */
export function simulate(circuit: string, params: number[], fmax: number, fmin: number, perDecade: number, noise = 0, seed = 1): SpectrumArrays {
  const m = new CircuitModel(circuit);
  const n = Math.round(Math.log10(fmax / fmin) * perDecade) + 1;
  const frequency = Float64Array.from({ length: n }, (_, i) => fmax * Math.pow(10, -i / perDecade));
  const real = new Float64Array(n);
  const imag = new Float64Array(n);
  m.evaluate(frequency, Float64Array.from(params), real, imag);
  const rng = createRng(seed);
  for (let i = 0; i < n; i++) {
    const s = noise * Math.hypot(real[i]!, imag[i]!);
    real[i] = real[i]! + s * rng.normal();
    imag[i] = imag[i]! + s * rng.normal();
  }
  return { frequency, real, imag };
}

/** CPE Q for an arc of resistance R with apex at f (Hz): (RQ)^(1/α) = 1/(2πf). */
export const cpeQ = (r: number, f: number, alpha: number): number => Math.pow(1 / (2 * Math.PI * f), alpha) / r;

export const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
