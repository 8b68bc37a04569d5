/**
 * The circuit elements: impedance and analytic partial derivatives with respect to each
 * parameter, at one angular frequency ω = 2πf (rad/s). Formulas and parameter order follow
 * impedance.py 1.7.1 (`impedance/models/circuits/elements.py`) so fits agree with it;
 * Havriliak–Negami (not in impedance.py) is the standard R/(1 + (jωτ)^α)^β.
 *
 * A kernel writes Z into z[0], z[1] (real, imaginary, Ω) and ∂Z/∂p_k into d[2k], d[2k+1].
 * Kernels allocate nothing (they are called once per element per frequency per evaluation).
 */
import { C, cdiv, csqrt, ctanh } from './complex.js';

/** How a parameter is bounded: `positive` on (0, ∞) (fitted as ln p), `exponent` on (0, 1]. */
export type ParameterKind = 'positive' | 'exponent';

export interface ParameterSpec {
  /** Physical meaning, e.g. "Q" or "tau". */
  symbol: string;
  unit: string;
  kind: ParameterKind;
}

export interface ElementDef {
  type: string;
  /** One line for --help: the formula with its parameters. */
  formula: string;
  params: ParameterSpec[];
  evaluate(omega: number, p: Float64Array, o: number, z: Float64Array, d: Float64Array): void;
}

const HALF_PI = Math.PI / 2;
const OHM: ParameterSpec = { symbol: 'R', unit: 'Ohm', kind: 'positive' };
const TAU: ParameterSpec = { symbol: 'tau', unit: 's', kind: 'positive' };
const exponent = (symbol: string): ParameterSpec => ({ symbol, unit: '1', kind: 'exponent' });

/** R: Z = R. */
const R: ElementDef = {
  type: 'R',
  formula: 'R: Z = R  [R in Ohm]',
  params: [OHM],
  evaluate(_w, p, o, z, d) {
    z[0] = p[o]!;
    z[1] = 0;
    d[0] = 1;
    d[1] = 0;
  },
};

/** C: Z = 1/(jωC). */
const Cap: ElementDef = {
  type: 'C',
  formula: 'C: Z = 1/(jωC)  [C in F]',
  params: [{ symbol: 'C', unit: 'F', kind: 'positive' }],
  evaluate(w, p, o, z, d) {
    const c = p[o]!;
    z[0] = 0;
    z[1] = -1 / (w * c);
    d[0] = 0;
    d[1] = 1 / (w * c * c);
  },
};

/** L: Z = jωL. */
const L: ElementDef = {
  type: 'L',
  formula: 'L: Z = jωL  [L in H]',
  params: [{ symbol: 'L', unit: 'H', kind: 'positive' }],
  evaluate(w, p, o, z, d) {
    z[0] = 0;
    z[1] = w * p[o]!;
    d[0] = 0;
    d[1] = w;
  },
};

/** CPE: Z = 1/(Q (jω)^α) = ω^−α e^(−jπα/2) / Q. */
const CPE: ElementDef = {
  type: 'CPE',
  formula: 'CPE: Z = 1/(Q (jω)^α), params Q, α  [Q in F s^(α-1) = Ohm^-1 s^α; 0 < α ≤ 1]',
  params: [{ symbol: 'Q', unit: 'F s^(a-1)', kind: 'positive' }, exponent('alpha')],
  evaluate(w, p, o, z, d) {
    const q = p[o]!;
    const a = p[o + 1]!;
    const lw = Math.log(w);
    const mag = Math.exp(-a * lw) / q;
    const zr = mag * Math.cos(a * HALF_PI);
    const zi = -mag * Math.sin(a * HALF_PI);
    z[0] = zr;
    z[1] = zi;
    d[0] = -zr / q;
    d[1] = -zi / q;
    // ∂Z/∂α = −ln(jω)·Z, ln(jω) = ln ω + jπ/2
    d[2] = -(lw * zr - HALF_PI * zi);
    d[3] = -(lw * zi + HALF_PI * zr);
  },
};

/** W (semi-infinite Warburg): Z = σ(1 − j)/√ω. */
const W: ElementDef = {
  type: 'W',
  formula: 'W: Z = σ(1 − j)/√ω  [σ in Ohm s^-1/2]',
  params: [{ symbol: 'sigma', unit: 'Ohm s^-1/2', kind: 'positive' }],
  evaluate(w, p, o, z, d) {
    const c = 1 / Math.sqrt(w);
    z[0] = p[o]! * c;
    z[1] = -p[o]! * c;
    d[0] = c;
    d[1] = -c;
  },
};

/** Finite Warburg kernels: s = √(jωτ) = a(1 + j) with a = √(ωτ/2). */
function finiteWarburg(open: boolean, w: number, p: Float64Array, o: number, z: Float64Array, d: Float64Array): void {
  const z0 = p[o]!;
  const tau = p[o + 1]!;
  const a = Math.sqrt((w * tau) / 2);
  ctanh(a, a);
  let tr = C[0]!;
  let ti = C[1]!;
  if (open) {
    cdiv(1, 0, tr, ti); // coth
    tr = C[0]!;
    ti = C[1]!;
  }
  // g = t/s (t = tanh s for Ws, coth s for Wo)
  cdiv(tr, ti, a, a);
  const gr = C[0]!;
  const gi = C[1]!;
  z[0] = z0 * gr;
  z[1] = z0 * gi;
  d[0] = gr;
  d[1] = gi;
  const t2r = tr * tr - ti * ti;
  const t2i = 2 * tr * ti;
  const k = z0 / (2 * tau);
  if (open) {
    // d/dτ [Z0 coth(s)/s] = −Z0/(2τ) (coth² s − 1 + coth(s)/s)
    d[2] = -k * (t2r - 1 + gr);
    d[3] = -k * (t2i + gi);
  } else {
    // d/dτ [Z0 tanh(s)/s] = Z0/(2τ) (1 − tanh² s − tanh(s)/s)
    d[2] = k * (1 - t2r - gr);
    d[3] = k * (-t2i - gi);
  }
}

const Wo: ElementDef = {
  type: 'Wo',
  formula: 'Wo (open/reflective finite Warburg): Z = Z0 coth(√(jωτ))/√(jωτ)  [Z0 in Ohm, τ in s]',
  params: [{ symbol: 'Z0', unit: 'Ohm', kind: 'positive' }, TAU],
  evaluate: (w, p, o, z, d) => finiteWarburg(true, w, p, o, z, d),
};

const Ws: ElementDef = {
  type: 'Ws',
  formula: 'Ws (short/transmissive finite Warburg): Z = Z0 tanh(√(jωτ))/√(jωτ)  [Z0 in Ohm, τ in s]',
  params: [{ symbol: 'Z0', unit: 'Ohm', kind: 'positive' }, TAU],
  evaluate: (w, p, o, z, d) => finiteWarburg(false, w, p, o, z, d),
};

/** G (Gerischer): Z = R/√(1 + jωτ). */
const G: ElementDef = {
  type: 'G',
  formula: 'G (Gerischer): Z = R/√(1 + jωτ)  [R in Ohm, τ in s]',
  params: [OHM, TAU],
  evaluate(w, p, o, z, d) {
    const r = p[o]!;
    const vi = w * p[o + 1]!;
    csqrt(1, vi);
    cdiv(1, 0, C[0]!, C[1]!);
    const ir = C[0]!;
    const ii = C[1]!;
    const zr = r * ir;
    const zi = r * ii;
    z[0] = zr;
    z[1] = zi;
    d[0] = ir;
    d[1] = ii;
    // ∂Z/∂τ = −Z·jω / (2(1 + jωτ))
    cdiv(zi * w, -zr * w, 2, 2 * vi);
    d[2] = C[0]!;
    d[3] = C[1]!;
  },
};

/** K (Voigt RC element, as in Lin-KK): Z = R/(1 + jωτ). */
const K: ElementDef = {
  type: 'K',
  formula: 'K (RC element): Z = R/(1 + jωτ)  [R in Ohm, τ in s]',
  params: [OHM, TAU],
  evaluate(w, p, o, z, d) {
    const r = p[o]!;
    const x = w * p[o + 1]!;
    const den = 1 + x * x;
    const ir = 1 / den;
    const ii = -x / den;
    const zr = r * ir;
    const zi = r * ii;
    z[0] = zr;
    z[1] = zi;
    d[0] = ir;
    d[1] = ii;
    // ∂Z/∂τ = −Z·jω/(1 + jωτ) = (−jω Z)·(ir + j ii)
    const ar = zi * w;
    const ai = -zr * w;
    d[2] = ar * ir - ai * ii;
    d[3] = ar * ii + ai * ir;
  },
};

/**
 * Shared by Zarc and HN: u = (jωτ)^α = (ωτ)^α e^(jπα/2). Leaves u in U[0], U[1] and ln(ωτ) in U[2].
 */
const U = new Float64Array(3);
function power(w: number, tau: number, alpha: number): void {
  const lx = Math.log(w * tau);
  const m = Math.exp(alpha * lx);
  U[0] = m * Math.cos(alpha * HALF_PI);
  U[1] = m * Math.sin(alpha * HALF_PI);
  U[2] = lx;
}

/** Zarc: Z = R/(1 + (jωτ)^φ). */
const Zarc: ElementDef = {
  type: 'Zarc',
  formula: 'Zarc: Z = R/(1 + (jωτ)^φ), params R, τ, φ  [R in Ohm, τ in s, 0 < φ ≤ 1]',
  params: [OHM, TAU, exponent('phi')],
  evaluate(w, p, o, z, d) {
    const r = p[o]!;
    const tau = p[o + 1]!;
    const phi = p[o + 2]!;
    power(w, tau, phi);
    const ur = U[0]!;
    const ui = U[1]!;
    const lx = U[2]!;
    cdiv(1, 0, 1 + ur, ui);
    const ir = C[0]!;
    const ii = C[1]!;
    const zr = r * ir;
    const zi = r * ii;
    z[0] = zr;
    z[1] = zi;
    d[0] = ir;
    d[1] = ii;
    // ∂Z/∂u = −Z/(1 + u)
    const gr = -(zr * ir - zi * ii);
    const gi = -(zr * ii + zi * ir);
    // ∂u/∂τ = φu/τ
    const sr = (phi * ur) / tau;
    const si = (phi * ui) / tau;
    d[2] = gr * sr - gi * si;
    d[3] = gr * si + gi * sr;
    // ∂u/∂φ = u (ln(ωτ) + jπ/2)
    const hr = ur * lx - ui * HALF_PI;
    const hi = ui * lx + ur * HALF_PI;
    d[4] = gr * hr - gi * hi;
    d[5] = gr * hi + gi * hr;
  },
};

/** HN (Havriliak–Negami): Z = R/(1 + (jωτ)^α)^β. */
const HN: ElementDef = {
  type: 'HN',
  formula: 'HN (Havriliak–Negami): Z = R/(1 + (jωτ)^α)^β, params R, τ, α, β  [R in Ohm, τ in s, 0 < α, β ≤ 1]',
  params: [OHM, TAU, exponent('alpha'), exponent('beta')],
  evaluate(w, p, o, z, d) {
    const r = p[o]!;
    const tau = p[o + 1]!;
    const alpha = p[o + 2]!;
    const beta = p[o + 3]!;
    power(w, tau, alpha);
    const ur = U[0]!;
    const ui = U[1]!;
    const lx = U[2]!;
    const vr = 1 + ur;
    const vi = ui;
    const lnr = Math.log(Math.hypot(vr, vi));
    const lni = Math.atan2(vi, vr);
    // v^−β = exp(−β ln v)
    const m = Math.exp(-beta * lnr);
    const pr = m * Math.cos(-beta * lni);
    const pi = m * Math.sin(-beta * lni);
    const zr = r * pr;
    const zi = r * pi;
    z[0] = zr;
    z[1] = zi;
    d[0] = pr;
    d[1] = pi;
    // ∂Z/∂u = −βZ/v
    cdiv(-beta * zr, -beta * zi, vr, vi);
    const gr = C[0]!;
    const gi = C[1]!;
    const sr = (alpha * ur) / tau;
    const si = (alpha * ui) / tau;
    d[2] = gr * sr - gi * si;
    d[3] = gr * si + gi * sr;
    const hr = ur * lx - ui * HALF_PI;
    const hi = ui * lx + ur * HALF_PI;
    d[4] = gr * hr - gi * hi;
    d[5] = gr * hi + gi * hr;
    // ∂Z/∂β = −ln(v)·Z
    d[6] = -(lnr * zr - lni * zi);
    d[7] = -(lnr * zi + lni * zr);
  },
};

/** All element types, longest type name first (the parser matches the longest prefix). */
export const ELEMENTS: readonly ElementDef[] = [Zarc, CPE, Wo, Ws, HN, R, Cap, L, W, G, K].sort(
  (a, b) => b.type.length - a.type.length,
);

export function elementByType(type: string): ElementDef | undefined {
  return ELEMENTS.find((e) => e.type === type);
}
