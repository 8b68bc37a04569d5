/**
 * The DRT's discretised model and penalty, built with fixed quadrature rules (no adaptive
 * integration per entry) for any set of frequencies.
 *
 * With y = ln τ − ln τ_m and α = ω_n τ_m:
 *   A'[n,m]  =  ∫ φ(y) / (1 + α² e^{2y}) dy
 *   A''[n,m] = −∫ φ(y) α e^{y} / (1 + α² e^{2y}) dy
 * so Σ_m x_m (A' + jA'')[n,m] = ∫ γ(ln τ)/(1 + jω_n τ) d ln τ.
 * Gaussian φ: Gauss–Hermite in u = μy (48 nodes: the kernel varies on a scale of 1 in y while φ
 * is 1/μ wide, so the rule is exact to ~1e-12). Other bases: composite Gauss–Legendre panels
 * that break at y = 0 (where the Matérn, Cauchy and hat functions have a kink), graded from
 * width 0.25/μ near 0 to 1 ln-unit, out to φ's support
 * (truncated at |y| = 50 as pyDRTtools does for the slowly decaying inverse quadratic and Cauchy).
 *
 * Penalty: P[i,j] = ∫ φ_i^{(k)} φ_j^{(k)} d ln τ, k = 1 or 2 — closed forms for the Gaussian,
 * a fine trapezoid sum for the others (Toeplitz, computed once per offset), and finite
 * differences for the piecewise-linear basis.
 */
import { gaussHermite, gaussLegendre } from '../../numerics/gauss-quadrature.js';
import type { Basis } from './basis.js';

interface WeightedNodes {
  /** e^{y_q} */
  ey: Float64Array;
  /** e^{2 y_q} */
  e2y: Float64Array;
  /** quadrature weight × φ(y_q) */
  w: Float64Array;
}

function basisNodes(basis: Basis): WeightedNodes {
  const ys: number[] = [];
  const ws: number[] = [];
  if (basis.name === 'gaussian') {
    const gh = gaussHermite(48);
    for (let q = 0; q < gh.nodes.length; q++) {
      ys.push(gh.nodes[q]! / basis.mu);
      ws.push(gh.weights[q]! / basis.mu);
    }
  } else {
    const gl = gaussLegendre(8);
    const edges: number[] = [0];
    let h = basis.name === 'piecewise-linear' ? basis.support / 2 : 0.25 / basis.mu;
    let x = 0;
    while (x < basis.support - 1e-12) {
      x = Math.min(basis.support, x + h);
      edges.push(x);
      h = Math.min(1, h * 1.5);
    }
    for (let p = 0; p + 1 < edges.length; p++) {
      const a = edges[p]!;
      const b = edges[p + 1]!;
      const half = 0.5 * (b - a);
      const mid = 0.5 * (a + b);
      for (let q = 0; q < gl.nodes.length; q++) {
        const y = mid + half * gl.nodes[q]!;
        const w = half * gl.weights[q]! * basis.phi(y);
        ys.push(y, -y);
        ws.push(w, w);
      }
    }
  }
  const n = ys.length;
  const out: WeightedNodes = { ey: new Float64Array(n), e2y: new Float64Array(n), w: new Float64Array(n) };
  for (let q = 0; q < n; q++) {
    out.ey[q] = Math.exp(ys[q]!);
    out.e2y[q] = out.ey[q]! * out.ey[q]!;
    out.w[q] = ws[q]!;
  }
  return out;
}

/** A' and A'' (row-major, rows = frequencies, columns = basis centres). */
export function impedanceMatrices(omega: Float64Array, tau: Float64Array, basis: Basis): { re: Float64Array; im: Float64Array } {
  const nf = omega.length;
  const nt = tau.length;
  const re = new Float64Array(nf * nt);
  const im = new Float64Array(nf * nt);
  const { ey, e2y, w } = basisNodes(basis);
  const nq = w.length;
  for (let n = 0; n < nf; n++) {
    for (let m = 0; m < nt; m++) {
      const alpha = omega[n]! * tau[m]!;
      const a2 = alpha * alpha;
      let sr = 0;
      let si = 0;
      for (let q = 0; q < nq; q++) {
        const d = w[q]! / (1 + a2 * e2y[q]!);
        sr += d;
        si += d * ey[q]!;
      }
      re[n * nt + m] = sr;
      im[n * nt + m] = -alpha * si;
    }
  }
  return { re, im };
}

/** Gram matrix of the `order`-th derivative of the basis functions centred on a uniform grid of spacing `delta`. */
export function penaltyMatrix(basis: Basis, count: number, delta: number, order: 1 | 2): Float64Array {
  const p = new Float64Array(count * count);
  if (basis.name === 'piecewise-linear') {
    // ∫(γ')² = Σ (x_{i+1} − x_i)²/Δ;  ∫(γ'')² ≈ Σ ((x_{i+1} − 2x_i + x_{i−1})/Δ²)² Δ.
    const stencil = order === 1 ? [-1, 1] : [1, -2, 1];
    const scale = order === 1 ? 1 / delta : 1 / delta ** 3;
    for (let r = 0; r + stencil.length <= count; r++) {
      for (let a = 0; a < stencil.length; a++) {
        for (let b = 0; b < stencil.length; b++) {
          p[(r + a) * count + (r + b)] += stencil[a]! * stencil[b]! * scale;
        }
      }
    }
    return p;
  }
  const g = new Float64Array(count);
  if (basis.name === 'gaussian') {
    const mu = basis.mu;
    const c = Math.sqrt(Math.PI / 2);
    for (let k = 0; k < count; k++) {
      const a = mu * k * delta;
      const e = Math.exp(-0.5 * a * a);
      g[k] = order === 1 ? c * mu * (1 - a * a) * e : c * mu ** 3 * (3 - 6 * a * a + a ** 4) * e;
    }
  } else {
    // g_k = ∫ f(x) f(x − kΔ) dx with f = φ^{(order)} tabulated on a grid containing every centre.
    const sub = 64;
    const h = delta / sub;
    const span = basis.support + (count - 1) * delta;
    const half = Math.ceil(span / h);
    const f = new Float64Array(2 * half + 1);
    const fn = order === 1 ? basis.d1 : basis.d2;
    for (let i = 0; i <= 2 * half; i++) f[i] = fn((i - half) * h);
    for (let k = 0; k < count; k++) {
      const shift = k * sub;
      let s = 0;
      for (let i = shift; i <= 2 * half; i++) s += f[i]! * f[i - shift]!;
      g[k] = s * h;
    }
  }
  for (let i = 0; i < count; i++) for (let j = 0; j < count; j++) p[i * count + j] = g[Math.abs(i - j)]!;
  return p;
}
