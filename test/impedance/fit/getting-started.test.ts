/**
 * impedance.py's getting-started fit (exampleData.csv, R0-p(R1,C1)-p(R2-Wo1,C2), 57 points).
 * References: impedance.py 1.7.1's documented/measured results (shared reference-outputs.json)
 * and scipy least_squares (MINPACK lm, tolerances 1e-15) on a numpy model of the same circuit
 * (test/fixtures/eis-fit/make_reference.py).
 */
import { describe, expect, it } from 'vitest';
import { fitCircuit } from '../../../src/impedance/fit/fit.js';
import { CircuitModel } from '../../../src/impedance/circuit/model.js';
import { residualWeights } from '../../../src/impedance/fit/weighting.js';
import { gettingStarted, impedancePyGuess, reference, rel, scipyReference } from './helpers.js';

const data = gettingStarted();
const names = Object.keys(reference.params);

function sumOfSquaresAt(values: Record<string, number>, weighting: 'unit' | 'modulus'): number {
  const m = new CircuitModel(reference.circuit);
  const n = data.frequency.length;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  m.evaluate(data.frequency, Float64Array.from(names, (k) => values[k]!), re, im);
  const w = residualWeights(data.real, data.imag, weighting);
  let s = 0;
  for (let i = 0; i < n; i++) s += ((re[i]! - data.real[i]!) * w.re[i]!) ** 2 + ((im[i]! - data.imag[i]!) * w.im[i]!) ** 2;
  return s;
}

describe("impedance.py's getting-started fit", () => {
  it('reads 57 points after dropping inductive ones, as ignoreBelowX', () => {
    expect(data.frequency.length).toBe(57);
  });

  it('modulus-weighted from impedance.py\'s initial guess: its documented parameters to 1e-3 (1e-5 here)', () => {
    const fit = fitCircuit(data, reference.circuit, { weighting: 'modulus', initial: impedancePyGuess() });
    expect(fit.converged).toBe(true);
    expect(fit.names).toEqual(names);
    names.forEach((n, k) => {
      expect(rel(fit.values[k]!, reference.params_weight_by_modulus[n]!), n).toBeLessThan(1e-5);
      expect(rel(fit.values[k]!, scipyReference.modulus.params[n]!), n).toBeLessThan(1e-5);
    });
  });

  it("unweighted from impedance.py's initial guess: the true optimum (scipy MINPACK) to 1e-6; impedance.py's documented values to 1e-3 except the flat Warburg pair", () => {
    const fit = fitCircuit(data, reference.circuit, { weighting: 'unit', initial: impedancePyGuess() });
    expect(fit.converged).toBe(true);
    names.forEach((n, k) => expect(rel(fit.values[k]!, scipyReference.unit.params[n]!), n).toBeLessThan(1e-6));
    for (const n of ['R0', 'R1', 'C1', 'R2', 'C2']) expect(rel(fit.values[names.indexOf(n)]!, reference.params[n]!), n).toBeLessThan(1e-3);
    // impedance.py (curve_fit TRF) stops early along the flat Wo1 direction: Wo1_1 = 232.5 where
    // the minimum is at 237.85 (impedance.py's own bounded run reports 2.38e2). Ours is lower:
    const wo1 = fit.values[names.indexOf('Wo1_1')]!;
    expect(rel(wo1, 238)).toBeLessThan(2e-3);
    expect(rel(wo1, reference.params.Wo1_1!)).toBeLessThan(3e-2);
    expect(fit.sumOfSquares).toBeLessThan(sumOfSquaresAt(reference.params, 'unit'));
    expect(rel(fit.sumOfSquares, scipyReference.unit.sumOfSquares)).toBeLessThan(1e-9);
  });

  it('standard errors equal curve_fit\'s (absolute_sigma=False) to a few %', () => {
    const fit = fitCircuit(data, reference.circuit, { weighting: 'unit', initial: impedancePyGuess() });
    names.forEach((n, k) => {
      expect(rel(fit.stderr[k]!, scipyReference.unit.stderr[n]!), n).toBeLessThan(1e-3);
      // against impedance.py's conf_ at its (slightly different) stopping point
      expect(rel(fit.stderr[k]!, reference.std_err[n]!), n).toBeLessThan(0.07);
    });
    expect(fit.degreesOfFreedom).toBe(2 * 57 - 7);
    expect(fit.chiSquare).toBeCloseTo(fit.sumOfSquares / 107, 15);
    expect(fit.aic).toBeCloseTo(2 * 57 * Math.log(fit.sumOfSquares / 114) + 14, 9);
  });

  it('automatic starting values reach a lower χ² than the documented local optimum: the one impedance.py\'s global search finds', () => {
    // impedance.py's basinhopping result (docs, rtol 1e-1 in its tests): the two RC time constants swapped
    const global = { R0: 1.65e-2, R1: 5.34e-3, C1: 0.22, R2: 9.15e-3, C2: 2.78 };
    for (const weighting of ['unit', 'modulus'] as const) {
      const fit = fitCircuit(data, reference.circuit, { weighting });
      expect(fit.converged, weighting).toBe(true);
      const documented = weighting === 'unit' ? reference.params : reference.params_weight_by_modulus;
      expect(fit.sumOfSquares, weighting).toBeLessThan(0.93 * sumOfSquaresAt(documented, weighting));
      for (const [n, v] of Object.entries(global)) expect(rel(fit.values[names.indexOf(n)]!, v), `${weighting} ${n}`).toBeLessThan(weighting === 'unit' ? 1e-2 : 0.1);
    }
  });
});
