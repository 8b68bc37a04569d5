/**
 * Equivalent-circuit fitting (CNLS) with automatic starting values and restarts.
 *
 * Statistics (stated in `eis fit --help`):
 * - S = Σ_i [w'_i(Z'_model − Z'_data)]² + [w''_i(Z''_model − Z''_data)]² over the N points;
 *   ν = 2N − P degrees of freedom.
 * - chiSquare = S/ν (reduced χ²; with modulus weighting √χ² is the typical relative misfit).
 * - AIC = 2N·ln(S/(2N)) + 2P (Gaussian residuals of unknown common variance, constants dropped).
 * - Covariance = (J_pᵀJ_p)⁻¹·S/ν with J_p the weighted Jacobian w.r.t. the parameters at the
 *   optimum (as scipy's curve_fit with absolute_sigma=False); stderr = √diag. Parameters that
 *   end on a bound (exponent = 1) are treated as fixed and get no stderr.
 */
import { createRng } from '../../core/rng.js';
import { spdInverse } from '../../numerics/dense.js';
import { levenbergMarquardt, type LMResult } from '../../numerics/levenberg-marquardt.js';
import { CircuitModel } from '../circuit/model.js';
import type { ImpedanceSpectrum } from '../spectrum.js';
import { spectrumFeatures } from './features.js';
import { arcUnits, initialParameters, matchArcs } from './initial.js';
import { CircuitProblem } from './problem.js';
import { residualWeights, type Weighting } from './weighting.js';

export interface FitOptions {
  weighting?: Weighting;
  /** Starting values by parameter name; the rest come from the spectrum. */
  initial?: Record<string, number>;
  /** Extra starts beyond the structural one (deterministic, seeded). Default 8; 0 = single start. */
  restarts?: number;
  seed?: number;
  maxIterations?: number;
}

export interface CircuitFit {
  circuit: string;
  points: number;
  converged: boolean;
  names: string[];
  units: string[];
  values: Float64Array;
  /** One standard error per parameter (NaN where not defined). */
  stderr: Float64Array;
  /** P×P covariance (row-major; NaN rows/columns for fixed parameters). */
  covariance: Float64Array;
  weighting: Weighting;
  /** Weighted sum of squares S. */
  sumOfSquares: number;
  degreesOfFreedom: number;
  chiSquare: number;
  aic: number;
  iterations: number;
  evaluations: number;
  /** Parameters that ended on their bound (exponent 1, or a degenerate value; no stderr). */
  atBound: string[];
  /** Why the winning solver run stopped (see LMResult.reason). */
  stopReason: string;
  /** How many starts were tried and which one won (0 = structural/user start). */
  starts: number;
  bestStart: number;
}

/** The measured points a fit needs (f in Hz, Z', Z'' in Ω; any ImpedanceSpectrum is one). */
export type SpectrumArrays = Pick<ImpedanceSpectrum, 'frequency' | 'real' | 'imag'>;

export function fitCircuit(spectrum: SpectrumArrays, circuit: string | CircuitModel, opts: FitOptions = {}): CircuitFit {
  const model = typeof circuit === 'string' ? new CircuitModel(circuit) : circuit;
  const weighting = opts.weighting ?? 'modulus';
  const w = residualWeights(spectrum.real, spectrum.imag, weighting);
  const problem = new CircuitProblem(model, { ...spectrum, weightRe: w.re, weightIm: w.im });
  const P = model.parameterCount;
  const N = spectrum.frequency.length;

  const given = opts.initial ? model.parameterVector(opts.initial, '--initial', false) : new Float64Array(P).fill(Number.NaN);
  const allGiven = given.every((v) => !Number.isNaN(v));
  const merge = (auto: Float64Array): Float64Array => Float64Array.from(auto, (v, k) => (Number.isNaN(given[k]!) ? v : given[k]!));
  const extra = opts.restarts ?? (allGiven ? 0 : 8);
  const features = allGiven && extra === 0 ? null : spectrumFeatures(spectrum.frequency, spectrum.real, spectrum.imag);

  const starts: Float64Array[] = [features ? merge(initialParameters(model, features)) : Float64Array.from(given)];
  if (features && extra > 0) {
    // Other assignments of data arcs to circuit arcs (reversed order) …
    const units = arcUnits(model.tree).length;
    if (units >= 2) starts.push(merge(initialParameters(model, features, matchArcs(features, units).reverse())));
    // … and seeded log-normal perturbations of the structural start (±1 decade, exponents 0.5–1).
    const rng = createRng(opts.seed ?? 1);
    while (starts.length < 1 + extra) {
      const base = starts[0]!;
      starts.push(
        merge(
          Float64Array.from(base, (v, k) =>
            model.parameters[k]!.kind === 'exponent' ? 0.5 + 0.5 * rng.uniform() : v * Math.pow(10, rng.normal() * 0.7),
          ),
        ),
      );
    }
  }

  let best: LMResult | null = null;
  let bestStart = 0;
  let iterations = 0;
  let evaluations = 0;
  starts.forEach((p0, s) => {
    const res = levenbergMarquardt(problem, problem.toVariables(p0), {
      lower: problem.lower,
      upper: problem.upper,
      maxIterations: opts.maxIterations ?? 500,
    });
    iterations += res.iterations;
    evaluations += res.evaluations;
    if (!Number.isFinite(res.cost)) return;
    // A clearly better optimum wins; within 1e-6 relative, prefer the earlier (structural) start.
    if (!best || res.cost < best.cost * (1 - 1e-6) || (!best.converged && res.converged && res.cost <= best.cost * (1 + 1e-6))) {
      best = res;
      bestStart = s;
    }
  });
  const res = best as LMResult | null;
  if (!res) {
    const nan = new Float64Array(P).fill(Number.NaN);
    return {
      circuit: model.circuit, points: N, converged: false, names: model.parameters.map((q) => q.name),
      units: model.parameters.map((q) => q.unit), values: starts[0]!, stderr: nan, covariance: new Float64Array(P * P).fill(Number.NaN),
      weighting, sumOfSquares: Number.NaN, degreesOfFreedom: 2 * N - P, chiSquare: Number.NaN, aic: Number.NaN,
      iterations, evaluations, atBound: [], stopReason: 'invalid-start', starts: starts.length, bestStart: 0,
    };
  }

  const values = problem.toParameters(res.x);
  const S = res.cost;
  const dof = 2 * N - P;
  // within 1e-9 of a bound counts as on it (the solver may stop a hair inside)
  const onBound = Array.from(res.x, (x, k) => x <= problem.lower[k]! + 1e-9 || x >= problem.upper[k]! - 1e-9);
  const { covariance, stderr } = parameterCovariance(res, values, problem, onBound, S / Math.max(dof, 1));
  return {
    circuit: model.circuit,
    points: N,
    converged: res.converged,
    names: model.parameters.map((q) => q.name),
    units: model.parameters.map((q) => q.unit),
    values,
    stderr,
    covariance,
    weighting,
    sumOfSquares: S,
    degreesOfFreedom: dof,
    chiSquare: dof > 0 ? S / dof : Number.NaN,
    aic: 2 * N * Math.log(S / (2 * N)) + 2 * P,
    iterations,
    evaluations,
    atBound: model.parameters.filter((_, k) => onBound[k]).map((q) => q.name), // none of these gets a stderr
    stopReason: res.reason,
    starts: starts.length,
    bestStart,
  };
}

/** (J_pᵀJ_p)⁻¹·s² over the parameters not on a bound. */
function parameterCovariance(
  res: LMResult,
  values: Float64Array,
  problem: CircuitProblem,
  onBound: readonly boolean[],
  s2: number,
): { covariance: Float64Array; stderr: Float64Array } {
  const P = problem.n;
  const m = problem.m;
  const free: number[] = [];
  for (let k = 0; k < P; k++) if (!onBound[k]) free.push(k);
  const nf = free.length;
  const A = new Float64Array(nf * nf);
  const J = res.jacobian;
  // Back from solver variables to parameters: ∂r/∂p = ∂r/∂x / (dp/dx), dp/dx = p for ln p.
  const scale = free.map((k) => (problem.model.parameters[k]!.kind === 'positive' ? 1 / values[k]! : 1));
  for (let a = 0; a < nf; a++) {
    const ca = free[a]! * m;
    for (let b = 0; b <= a; b++) {
      const cb = free[b]! * m;
      let t = 0;
      for (let i = 0; i < m; i++) t += J[ca + i]! * J[cb + i]!;
      A[a * nf + b] = A[b * nf + a] = t * scale[a]! * scale[b]!;
    }
  }
  const inv = new Float64Array(nf * nf);
  const covariance = new Float64Array(P * P).fill(Number.NaN);
  const stderr = new Float64Array(P).fill(Number.NaN);
  if (nf > 0 && spdInverse(A, nf, inv)) {
    for (let a = 0; a < nf; a++) {
      for (let b = 0; b < nf; b++) covariance[free[a]! * P + free[b]!] = inv[a * nf + b]! * s2;
      stderr[free[a]!] = Math.sqrt(inv[a * nf + a]! * s2);
    }
  }
  return { covariance, stderr };
}
