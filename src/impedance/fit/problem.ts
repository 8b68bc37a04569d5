/**
 * The CNLS problem for the solver. Variables are transformed so that one bounded LM handles
 * values from 1e-12 F to 1e9 Ω: a positive parameter is fitted as x = ln p (a step is a
 * relative change; p stays > 0), an exponent as x = p itself, bounded to [EXPONENT_MIN, 1].
 * The Jacobian follows by the chain rule: ∂r/∂x = w·∂Z/∂p·dp/dx with dp/dx = p for ln p.
 * Residual vector: [w'(Z'_model − Z'_data) for all points, w''(Z''_model − Z''_data) …].
 */
import type { LeastSquaresProblem } from '../../numerics/levenberg-marquardt.js';
import type { CircuitModel } from '../circuit/model.js';
import type { ImpedanceSpectrum } from '../spectrum.js';

export const EXPONENT_MIN = 0.01;

/** The measured points (Hz, Ω) with the residual weights of Re and Im (see weighting.ts). */
export interface FitData extends Pick<ImpedanceSpectrum, 'frequency' | 'real' | 'imag'> {
  weightRe: Float64Array;
  weightIm: Float64Array;
}

export interface DataSpan {
  /** max |Z| in Ω */
  scale: number;
  /** angular frequency band in rad/s */
  wmin: number;
  wmax: number;
}

export function dataSpan(data: FitData): DataSpan {
  let scale = 0;
  let wmin = Infinity;
  let wmax = 0;
  for (let i = 0; i < data.frequency.length; i++) {
    scale = Math.max(scale, Math.hypot(data.real[i]!, data.imag[i]!));
    const w = 2 * Math.PI * data.frequency[i]!;
    wmin = Math.min(wmin, w);
    wmax = Math.max(wmax, w);
  }
  return { scale, wmin, wmax };
}

/** How far outside the measured window a parameter may go before it counts as degenerate. */
export const RANGE_FACTOR = 1e8;

/**
 * The box a positive parameter is kept in: values whose element impedance stays within
 * RANGE_FACTOR of the spectrum's |Z| scale somewhere in the measured band (τ: within
 * RANGE_FACTOR of 1/ω of the band). Beyond it an element is invisible (a series resistor of
 * 1e-8·|Z|, a parallel one of 1e8·|Z|), and the fit would otherwise crawl towards 0 or ∞ in
 * ln p for ever; a parameter that ends on this box is reported as at its bound.
 */
export function positiveRange(symbol: string, { scale, wmin, wmax }: DataSpan): [number, number] {
  if (!(scale > 0) || !(wmax > 0)) return [1e-300, 1e300];
  const F = RANGE_FACTOR;
  switch (symbol) {
    case 'C':
      return [1 / (F * wmax * scale), F / (wmin * scale)];
    case 'Q':
      return [1 / (F * Math.max(1, wmax) * scale), F / (Math.min(1, wmin) * scale)];
    case 'L':
      return [scale / (F * wmax), (F * scale) / wmin];
    case 'tau':
      return [1 / (F * wmax), F / wmin];
    case 'sigma':
      return [(scale * Math.sqrt(wmin)) / F, F * scale * Math.sqrt(wmax)];
    default: // R, Z0
      return [scale / F, F * scale];
  }
}

export class CircuitProblem implements LeastSquaresProblem {
  readonly m: number;
  readonly n: number;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  private readonly isLog: Uint8Array;
  private readonly p: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(
    readonly model: CircuitModel,
    readonly data: FitData,
  ) {
    const N = data.frequency.length;
    const P = model.parameterCount;
    this.m = 2 * N;
    this.n = P;
    this.isLog = Uint8Array.from(model.parameters, (q) => (q.kind === 'positive' ? 1 : 0));
    const span = dataSpan(data);
    const box = model.parameters.map((q) => (q.kind === 'positive' ? positiveRange(q.symbol, span) : [EXPONENT_MIN, 1]));
    this.lower = Float64Array.from(box, ([lo], k) => (this.isLog[k] ? Math.log(lo!) : lo!));
    this.upper = Float64Array.from(box, ([, hi], k) => (this.isLog[k] ? Math.log(hi!) : hi!));
    this.p = new Float64Array(P);
    this.re = new Float64Array(N);
    this.im = new Float64Array(N);
  }

  /** Solver variables from parameter values. */
  toVariables(p: Float64Array): Float64Array {
    return Float64Array.from(p, (v, k) => (this.isLog[k] ? Math.log(v) : Math.min(1, Math.max(EXPONENT_MIN, v))));
  }

  /** Parameter values from solver variables. */
  toParameters(x: Float64Array, out: Float64Array = new Float64Array(this.n)): Float64Array {
    for (let k = 0; k < this.n; k++) out[k] = this.isLog[k] ? Math.exp(x[k]!) : x[k]!;
    return out;
  }

  evaluate(x: Float64Array, r: Float64Array, jac: Float64Array | null): boolean {
    const { data, p, re, im, n: P } = this;
    const N = data.frequency.length;
    this.toParameters(x, p);
    // The model writes ∂Z/∂p straight into the solver's (column-major) Jacobian.
    if (jac) this.model.evaluateWithJacobian(data.frequency, p, re, im, jac);
    else this.model.evaluate(data.frequency, p, re, im);
    for (let i = 0; i < N; i++) {
      const a = (re[i]! - data.real[i]!) * data.weightRe[i]!;
      const b = (im[i]! - data.imag[i]!) * data.weightIm[i]!;
      if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
      r[i] = a;
      r[N + i] = b;
    }
    if (jac) {
      const wr = data.weightRe;
      const wi = data.weightIm;
      for (let k = 0; k < P; k++) {
        const s = this.isLog[k] ? p[k]! : 1;
        const col = 2 * N * k;
        for (let i = 0; i < N; i++) {
          jac[col + i]! *= wr[i]! * s;
          jac[col + N + i]! *= wi[i]! * s;
        }
      }
    }
    return true;
  }
}
