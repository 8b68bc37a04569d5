/**
 * Fits from automatic starting values on synthetic spectra with known truth: the case
 * impedance.py fails (p(R,C), 1e9 Ω, 1e-12 F), every element type, and noisy two-arc pellet
 * spectra with a blocking-electrode spur.
 */
import { describe, expect, it } from 'vitest';
import { fitCircuit } from '../../../src/impedance/fit/fit.js';
import { bulkParameter } from '../../../src/impedance/fit/bulk.js';
import { CircuitModel } from '../../../src/impedance/circuit/model.js';
import { cpeQ, rel, simulate } from './helpers.js';

describe('p(R1,C1) with R = 1e9 Ω, C = 1e-12 F (noise-free, 51 points 100 kHz–1 Hz)', () => {
  const data = simulate('p(R1,C1)', [1e9, 1e-12], 1e5, 1, 10);

  it('fits to 1e-3 from automatic starting values (1e-9 here)', () => {
    const fit = fitCircuit(data, 'p(R1,C1)');
    expect(fit.converged).toBe(true);
    expect(rel(fit.values[0]!, 1e9)).toBeLessThan(1e-9);
    expect(rel(fit.values[1]!, 1e-12)).toBeLessThan(1e-9);
  });

  it('converges from the starts where impedance.py failed, in both weightings, and from ±1 decade', () => {
    const starts = [
      [5e8, 5e-12],
      [1.2e9, 8e-13],
      [1e8, 1e-11],
      [1e10, 1e-13],
      [1e8, 1e-13],
      [1e10, 1e-11],
    ];
    for (const [r, c] of starts) {
      for (const weighting of ['modulus', 'unit'] as const) {
        const fit = fitCircuit(data, 'p(R1,C1)', { weighting, initial: { R1: r!, C1: c! }, restarts: 0 });
        expect(fit.converged, `${r} ${c} ${weighting}`).toBe(true);
        expect(rel(fit.values[0]!, 1e9), `${r} ${c} ${weighting}`).toBeLessThan(1e-6);
        expect(rel(fit.values[1]!, 1e-12), `${r} ${c} ${weighting}`).toBeLessThan(1e-6);
      }
    }
  });
});

describe('every element type is recovered from automatic starting values (noise-free, 1 MHz–10 mHz)', () => {
  const cases: [string, number[]][] = [
    ['R0-p(R1,C1)', [10, 1000, 1e-9]],
    ['R0-Zarc1', [10, 1000, 1e-4, 0.8]],
    ['R0-HN1', [10, 1000, 1e-4, 0.8, 0.7]],
    ['R0-G1', [10, 1000, 1e-3]],
    ['R0-K1', [10, 1000, 1e-3]],
    ['R0-p(R1,C1)-W1', [10, 1000, 1e-8, 300]],
    ['R0-p(R1,C1)-Wo1', [10, 1000, 1e-8, 500, 10]],
    ['R0-p(R1,C1)-Ws1', [10, 1000, 1e-8, 500, 10]],
    ['R0-p(R1,CPE1)-CPE2', [10, 1000, 1e-8, 0.85, 1e-5, 0.9]],
    ['L1-R0-p(R1,CPE1)', [1e-6, 10, 1000, 1e-8, 0.85]],
    ['R0-p(R1,C1)-C2', [10, 1000, 1e-9, 1e-6]],
    ['R0-p(C1,R1-p(C2,R2))', [10, 1e-9, 1000, 1e-6, 3000]],
    ['R0-p(R1-Wo1,C1)', [20, 100, 300, 5, 1e-6]],
  ];
  it.each(cases)('%s', (circuit, truth) => {
    const fit = fitCircuit(simulate(circuit, truth, 1e6, 1e-2, 10), circuit);
    expect(fit.converged).toBe(true);
    truth.forEach((v, k) => expect(rel(fit.values[k]!, v), fit.names[k]).toBeLessThan(1e-6));
  });
});

describe('noisy two-arc pellet spectra with a blocking-electrode spur, R0-p(R1,CPE1)-p(R2,CPE2)-CPE3', () => {
  const circuit = 'R0-p(R1,CPE1)-p(R2,CPE2)-CPE3';
  // [R0, R_bulk, f_bulk, α_bulk, R_gb, f_gb, α_gb, Q_spur, α_spur], noise
  const pellets: [string, number[], number][] = [
    ['2 kΩ bulk at 500 kHz, 5 kΩ grain boundary at 5 kHz, 1 % noise', [5, 2000, 5e5, 0.9, 5000, 5e3, 0.8, 2e-6, 0.85], 0.01],
    ['10 kΩ bulk at 100 kHz, 30 kΩ grain boundary at 500 Hz, 1 % noise', [20, 1e4, 1e5, 0.9, 3e4, 500, 0.8, 1e-6, 0.9], 0.01],
    ['200 Ω bulk at 1 MHz, 800 Ω grain boundary at 20 kHz, 0.5 % noise', [3, 200, 1e6, 0.92, 800, 2e4, 0.75, 5e-6, 0.8], 0.005],
  ];
  for (const [label, [r0, rb, fb, ab, rg, fg, ag, q3, a3], noise] of pellets) {
    for (const seed of [1, 2]) {
      it(`${label} (seed ${seed})`, () => {
        const truth = [r0!, rb!, cpeQ(rb!, fb!, ab!), ab!, rg!, cpeQ(rg!, fg!, ag!), ag!, q3!, a3!];
        const data = simulate(circuit, truth, 7e6, 0.1, 10, noise, seed);
        const fit = fitCircuit(data, circuit);
        expect(fit.converged).toBe(true);
        // the bulk resistance within a few % and within 3 standard errors of the truth
        expect(rel(fit.values[1]!, rb!)).toBeLessThan(0.03);
        expect(Math.abs(fit.values[1]! - rb!)).toBeLessThan(3 * fit.stderr[1]!);
        // the global optimum: a fit started at the truth ends at the same χ²
        const named = Object.fromEntries(fit.names.map((n, k) => [n, truth[k]!]));
        const fromTruth = fitCircuit(data, circuit, { initial: named, restarts: 0 });
        expect(fit.sumOfSquares).toBeLessThanOrEqual(fromTruth.sumOfSquares * (1 + 1e-6));
        // reduced χ² ≈ noise² for modulus weighting (noise on both parts relative to |Z|)
        expect(Math.sqrt(fit.chiSquare) / noise).toBeGreaterThan(0.8);
        expect(Math.sqrt(fit.chiSquare) / noise).toBeLessThan(1.2);
        // default bulk = the arc with the smallest time constant
        expect(bulkParameter(new CircuitModel(circuit), fit.values)).toBe('R1');
      });
    }
  }

  it('finds the bulk by time constant whatever order the arcs are written in', () => {
    // Two R‖CPE arcs in series are interchangeable: which label ends up holding the bulk arc is
    // not fixed, so the bulk is chosen by time constant, and its value is what counts.
    const truth = [5, 5000, cpeQ(5000, 5e3, 0.8), 0.8, 2000, cpeQ(2000, 5e5, 0.9), 0.9, 2e-6, 0.85];
    const c = 'R0-p(R2,CPE2)-p(R1,CPE1)-CPE3';
    const fit = fitCircuit(simulate(c, truth, 7e6, 0.1, 10, 0.005, 3), c);
    const bulk = bulkParameter(new CircuitModel(c), fit.values)!;
    expect(rel(fit.values[fit.names.indexOf(bulk)]!, 2000)).toBeLessThan(0.03);
    const other = bulk === 'R1' ? 'R2' : 'R1';
    expect(rel(fit.values[fit.names.indexOf(other)]!, 5000)).toBeLessThan(0.03);
  });

  it('proportional weighting recovers the bulk from noisy data; unit weighting from exact data', () => {
    // (With noise ∝ |Z|, unweighted residuals are dominated by the spur's kΩ–MΩ points, whose
    // noise exceeds the whole bulk arc: unit weighting is then the wrong choice, hence exact data.)
    const truth = [5, 2000, cpeQ(2000, 5e5, 0.9), 0.9, 5000, cpeQ(5000, 5e3, 0.8), 0.8, 2e-6, 0.85];
    const noisy = simulate(circuit, truth, 7e6, 0.1, 10, 0.005, 4);
    const exact = simulate(circuit, truth, 7e6, 0.1, 10);
    for (const [weighting, data, tol] of [['proportional', noisy, 0.05], ['unit', exact, 1e-4]] as const) {
      const fit = fitCircuit(data, circuit, { weighting });
      expect(fit.weighting).toBe(weighting);
      expect(fit.converged, weighting).toBe(true);
      const bulk = bulkParameter(new CircuitModel(circuit), fit.values)!;
      expect(rel(fit.values[fit.names.indexOf(bulk)]!, 2000), weighting).toBeLessThan(tol);
    }
  });
});

describe('fit options and honesty', () => {
  const truth = [10, 1000, 1e-8, 0.85, 1e-5, 0.9];
  const data = simulate('R0-p(R1,CPE1)-CPE2', truth, 1e6, 1e-2, 10, 0.003, 5);

  it('a partial --initial is used and the rest found automatically', () => {
    const fit = fitCircuit(data, 'R0-p(R1,CPE1)-CPE2', { initial: { R1: 300 }, restarts: 0 });
    expect(fit.converged).toBe(true);
    expect(rel(fit.values[1]!, 1000)).toBeLessThan(0.02);
  });

  it('reports converged: false when the iteration budget runs out', () => {
    const fit = fitCircuit(data, 'R0-p(R1,CPE1)-CPE2', { initial: { R0: 1, R1: 1, CPE1_0: 1e-3, CPE1_1: 0.5, CPE2_0: 1, CPE2_1: 0.5 }, maxIterations: 2 });
    expect(fit.converged).toBe(false);
    expect(fit.stopReason).toBe('max-iterations');
  });

  it('is deterministic (same seed, same numbers)', () => {
    const a = fitCircuit(data, 'R0-p(R1,CPE1)-CPE2', { seed: 7 });
    const b = fitCircuit(data, 'R0-p(R1,CPE1)-CPE2', { seed: 7 });
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
  });

  it('an exponent that ends on its bound (ideal capacitor as CPE) gets no stderr', () => {
    const d = simulate('R0-p(R1,C1)', [10, 1000, 1e-8], 1e6, 1, 10);
    const fit = fitCircuit(d, 'R0-p(R1,CPE1)');
    expect(fit.values[3]).toBeGreaterThan(1 - 1e-9);
    expect(Number.isNaN(fit.stderr[3]!)).toBe(true);
    expect(rel(fit.values[1]!, 1000)).toBeLessThan(1e-6);
    expect(fit.stderr[1]! >= 0).toBe(true);
  });

  it('an element the spectrum does not show ends on its bound, is listed in atBound and gets no stderr', () => {
    // a series capacitor fitted to a spectrum without a spur: C2 → ∞ (1e8 beyond the data's scale)
    const d = simulate('R0-p(R1,C1)', [10, 1000, 1e-8], 1e6, 0.1, 10, 0.002, 3);
    const fit = fitCircuit(d, 'R0-p(R1,C1)-C2');
    expect(fit.converged).toBe(true);
    expect(fit.atBound).toEqual(['C2']);
    expect(Number.isNaN(fit.stderr[3]!)).toBe(true);
    expect(rel(fit.values[1]!, 1000)).toBeLessThan(0.01);
  });
});

describe('a point no start can weigh (Z = 0 Ω under modulus weighting, weight 1/|Z| = ∞)', () => {
  it('reports no fit at all — not numbers from a half-evaluated residual vector', () => {
    const data = simulate('R0-p(R1,C1)', [10, 1000, 1e-8], 1e6, 1, 5);
    data.real[data.real.length - 1] = 0;
    data.imag[data.imag.length - 1] = 0;
    const fit = fitCircuit(data, 'R0-p(R1,C1)', { restarts: 2 });
    expect(fit.converged).toBe(false);
    expect(fit.stopReason).toBe('invalid-start');
    expect(fit.sumOfSquares).toBeNaN();
    expect(Array.from(fit.stderr).every(Number.isNaN)).toBe(true);
  });
});
