/**
 * The circuit elements: impedance and analytic partial derivatives with respect to each
 * parameter, at one angular frequency ω = 2πf (rad/s). Formulas and parameter order follow
 * impedance.py 1.7.1 (`impedance/models/circuits/elements.py`) so fits agree with it;
 * Havriliak–Negami (not in impedance.py) is the standard R/(1 + (jωτ)^α)^β.
 *
 * A kernel loops over all frequencies itself (one call per element per evaluation keeps the
 * call sites monomorphic and the loops tight) and allocates nothing.
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
  /**
   * For i < n at angular frequencies w[i] (rad/s): Z into zr[i], zi[i] (Ω) and ∂Z/∂p_j into
   * dr[j·n + i], di[j·n + i]. Parameters are p[o], p[o+1], … in the order of `params`.
   */
  evaluate(w: Float64Array, n: number, p: Float64Array, o: number, zr: Float64Array, zi: Float64Array, dr: Float64Array, di: Float64Array): void;
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
  evaluate(ws, n, p, o, zr, zi, dr, di) {
    for (let i = 0; i < n; i++) {
      zr[i] = p[o]!;
      zi[i] = 0;
      dr[i] = 1;
      di[i] = 0;
    }
  },
};

/** C: Z = 1/(jωC). */
const Cap: ElementDef = {
  type: 'C',
  formula: 'C: Z = 1/(jωC)  [C in F]',
  params: [{ symbol: 'C', unit: 'F', kind: 'positive' }],
  evaluate(ws, n, p, o, zr, zi, dr, di) {
    for (let i = 0; i < n; i++) {
      const w = ws[i]!;
      const c = p[o]!;
      zr[i] = 0;
      zi[i] = -1 / (w * c);
      dr[i] = 0;
      di[i] = 1 / (w * c * c);
    }
  },
};

/** L: Z = jωL. */
const L: ElementDef = {
  type: 'L',
  formula: 'L: Z = jωL  [L in H]',
  params: [{ symbol: 'L', unit: 'H', kind: 'positive' }],
  evaluate(ws, n, p, o, zr, zi, dr, di) {
    for (let i = 0; i < n; i++) {
      const w = ws[i]!;
      zr[i] = 0;
      zi[i] = w * p[o]!;
      dr[i] = 0;
      di[i] = w;
    }
  },
};

/** CPE: Z = 1/(Q (jω)^α) = ω^−α e^(−jπα/2) / Q. */
const CPE: ElementDef = {
  type: 'CPE',
  formula: 'CPE: Z = 1/(Q (jω)^α), params Q, α  [Q in F s^(α-1) = Ohm^-1 s^α; 0 < α ≤ 1]',
  params: [{ symbol: 'Q', unit: 'F s^(a-1)', kind: 'positive' }, exponent('alpha')],
  evaluate(ws, n, p, o, zr, zi, dr, di) {
    for (let i = 0; i < n; i++) {
      const w = ws[i]!;
      const q = p[o]!;
      const a = p[o + 1]!;
      const lw = Math.log(w);
      const mag = Math.exp(-a * lw) / q;
      const re = mag * Math.cos(a * HALF_PI);
      const im = -mag * Math.sin(a * HALF_PI);
      zr[i] = re;
      zi[i] = im;
      dr[i] = -re / q;
      di[i] = -im / q;
      // ∂Z/∂α = −ln(jω)·Z, ln(jω) = ln ω + jπ/2
      dr[1 * n + i] = -(lw * re - HALF_PI * im);
      di[1 * n + i] = -(lw * im + HALF_PI * re);
    }
  },
};

/** W (semi-infinite Warburg): Z = σ(1 − j)/√ω. */
const W: ElementDef = {
  type: 'W',
  formula: 'W: Z = σ(1 − j)/√ω  [σ in Ohm s^-1/2]',
  params: [{ symbol: 'sigma', unit: 'Ohm s^-1/2', kind: 'positive' }],
  evaluate(ws, n, p, o, zr, zi, dr, di) {
    for (let i = 0; i < n; i++) {
      const w = ws[i]!;
      const c = 1 / Math.sqrt(w);
      zr[i] = p[o]! * c;
      zi[i] = -p[o]! * c;
      dr[i] = c;
      di[i] = -c;
    }
  },
};

/** Finite Warburg kernels: s = √(jωτ) = a(1 + j) with a = √(ωτ/2). */
function finiteWarburg(
  open: boolean,
  ws: Float64Array,
  n: number,
  p: Float64Array,
  o: number,
  zr: Float64Array,
  zi: Float64Array,
  dr: Float64Array,
  di: Float64Array,
): void {
  const z0 = p[o]!;
  const tau = p[o + 1]!;
  const k = z0 / (2 * tau);
  for (let i = 0; i < n; i++) {
    const a = Math.sqrt((ws[i]! * tau) / 2);
    let tr: number;
    let ti: number;
    if (a > 19) {
      // q = e^(−2a) < 4e-17: tanh s = 1 to double precision
      tr = 1;
      ti = 0;
    } else if (a < 1e-4) {
      ctanh(a, a);
      tr = C[0]!;
      ti = C[1]!;
    } else {
      // ctanh's formula written inline: this is the hottest loop of a finite-Warburg fit and
      // the call through the shared register measured ~30 % slower
      // tanh(a + ja) = (1 − q² + 2jq sin 2a)/(1 + q² + 2q cos 2a), q = e^(−2a): no overflow
      const q = Math.exp(-2 * a);
      const den = 1 / (1 + q * q + 2 * q * Math.cos(2 * a));
      tr = (1 - q * q) * den;
      ti = 2 * q * Math.sin(2 * a) * den;
    }
    if (open) {
      // coth = 1/tanh = conj(t)/|t|²
      const inv = 1 / (tr * tr + ti * ti);
      tr *= inv;
      ti *= -inv;
    }
    // g = t/s with s = a(1 + j): t(1 − j)/(2a)
    const h = 1 / (2 * a);
    const gr = (tr + ti) * h;
    const gi = (ti - tr) * h;
    zr[i] = z0 * gr;
    zi[i] = z0 * gi;
    dr[i] = gr;
    di[i] = gi;
    const t2r = tr * tr - ti * ti;
    const t2i = 2 * tr * ti;
    if (open) {
      // d/dτ [Z0 coth(s)/s] = −Z0/(2τ) (coth² s − 1 + coth(s)/s)
      dr[n + i] = -k * (t2r - 1 + gr);
      di[n + i] = -k * (t2i + gi);
    } else {
      // d/dτ [Z0 tanh(s)/s] = Z0/(2τ) (1 − tanh² s − tanh(s)/s)
      dr[n + i] = k * (1 - t2r - gr);
      di[n + i] = k * (-t2i - gi);
    }
  }
}

const Wo: ElementDef = {
  type: 'Wo',
  formula: 'Wo (open/reflective finite Warburg): Z = Z0 coth(√(jωτ))/√(jωτ)  [Z0 in Ohm, τ in s]',
  params: [{ symbol: 'Z0', unit: 'Ohm', kind: 'positive' }, TAU],
  evaluate: (ws, n, p, o, zr, zi, dr, di) => finiteWarburg(true, ws, n, p, o, zr, zi, dr, di),
};

const Ws: ElementDef = {
  type: 'Ws',
  formula: 'Ws (short/transmissive finite Warburg): Z = Z0 tanh(√(jωτ))/√(jωτ)  [Z0 in Ohm, τ in s]',
  params: [{ symbol: 'Z0', unit: 'Ohm', kind: 'positive' }, TAU],
  evaluate: (ws, n, p, o, zr, zi, dr, di) => finiteWarburg(false, ws, n, p, o, zr, zi, dr, di),
};

/** G (Gerischer): Z = R/√(1 + jωτ). */
const G: ElementDef = {
  type: 'G',
  formula: 'G (Gerischer): Z = R/√(1 + jωτ)  [R in Ohm, τ in s]',
  params: [OHM, TAU],
  evaluate(ws, n, p, o, zr, zi, dr, di) {
    for (let i = 0; i < n; i++) {
      const w = ws[i]!;
      const r = p[o]!;
      const vi = w * p[o + 1]!;
      csqrt(1, vi);
      cdiv(1, 0, C[0]!, C[1]!);
      const ir = C[0]!;
      const ii = C[1]!;
      const re = r * ir;
      const im = r * ii;
      zr[i] = re;
      zi[i] = im;
      dr[i] = ir;
      di[i] = ii;
      // ∂Z/∂τ = −Z·jω / (2(1 + jωτ))
      cdiv(im * w, -re * w, 2, 2 * vi);
      dr[1 * n + i] = C[0]!;
      di[1 * n + i] = C[1]!;
    }
  },
};

/** K (Voigt RC element, as in Lin-KK): Z = R/(1 + jωτ). */
const K: ElementDef = {
  type: 'K',
  formula: 'K (RC element): Z = R/(1 + jωτ)  [R in Ohm, τ in s]',
  params: [OHM, TAU],
  evaluate(ws, n, p, o, zr, zi, dr, di) {
    for (let i = 0; i < n; i++) {
      const w = ws[i]!;
      const r = p[o]!;
      const x = w * p[o + 1]!;
      const den = 1 + x * x;
      const ir = 1 / den;
      const ii = -x / den;
      const re = r * ir;
      const im = r * ii;
      zr[i] = re;
      zi[i] = im;
      dr[i] = ir;
      di[i] = ii;
      // ∂Z/∂τ = −Z·jω/(1 + jωτ) = (−jω Z)·(ir + j ii)
      const ar = im * w;
      const ai = -re * w;
      dr[1 * n + i] = ar * ir - ai * ii;
      di[1 * n + i] = ar * ii + ai * ir;
    }
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
  formula: 'Zarc: Z = R/(1 + (jωτ)^φ), params R, τ, φ  [R in Ohm, τ in s, 0 < φ ≤ 1 (impedance.py leaves φ unbounded)]',
  params: [OHM, TAU, exponent('phi')],
  evaluate(ws, n, p, o, zr, zi, dr, di) {
    for (let i = 0; i < n; i++) {
      const w = ws[i]!;
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
      const re = r * ir;
      const im = r * ii;
      zr[i] = re;
      zi[i] = im;
      dr[i] = ir;
      di[i] = ii;
      // ∂Z/∂u = −Z/(1 + u)
      const gr = -(re * ir - im * ii);
      const gi = -(re * ii + im * ir);
      // ∂u/∂τ = φu/τ
      const sr = (phi * ur) / tau;
      const si = (phi * ui) / tau;
      dr[1 * n + i] = gr * sr - gi * si;
      di[1 * n + i] = gr * si + gi * sr;
      // ∂u/∂φ = u (ln(ωτ) + jπ/2)
      const hr = ur * lx - ui * HALF_PI;
      const hi = ui * lx + ur * HALF_PI;
      dr[2 * n + i] = gr * hr - gi * hi;
      di[2 * n + i] = gr * hi + gi * hr;
    }
  },
};

/** HN (Havriliak–Negami): Z = R/(1 + (jωτ)^α)^β. */
const HN: ElementDef = {
  type: 'HN',
  formula: 'HN (Havriliak–Negami): Z = R/(1 + (jωτ)^α)^β, params R, τ, α, β  [R in Ohm, τ in s, 0 < α, β ≤ 1]',
  params: [OHM, TAU, exponent('alpha'), exponent('beta')],
  evaluate(ws, n, p, o, zr, zi, dr, di) {
    for (let i = 0; i < n; i++) {
      const w = ws[i]!;
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
      const re = r * pr;
      const im = r * pi;
      zr[i] = re;
      zi[i] = im;
      dr[i] = pr;
      di[i] = pi;
      // ∂Z/∂u = −βZ/v
      cdiv(-beta * re, -beta * im, vr, vi);
      const gr = C[0]!;
      const gi = C[1]!;
      const sr = (alpha * ur) / tau;
      const si = (alpha * ui) / tau;
      dr[1 * n + i] = gr * sr - gi * si;
      di[1 * n + i] = gr * si + gi * sr;
      const hr = ur * lx - ui * HALF_PI;
      const hi = ui * lx + ur * HALF_PI;
      dr[2 * n + i] = gr * hr - gi * hi;
      di[2 * n + i] = gr * hi + gi * hr;
      // ∂Z/∂β = −ln(v)·Z
      dr[3 * n + i] = -(lnr * re - lni * im);
      di[3 * n + i] = -(lnr * im + lni * re);
    }
  },
};

/** All element types in the contract's order (for help and documentation). */
export const ELEMENTS_DOCUMENTED: readonly ElementDef[] = [R, Cap, L, CPE, W, Wo, Ws, G, K, Zarc, HN];

/** All element types, longest type name first (the parser matches the longest prefix). */
export const ELEMENTS: readonly ElementDef[] = [Zarc, CPE, Wo, Ws, HN, R, Cap, L, W, G, K].sort(
  (a, b) => b.type.length - a.type.length,
);
