/**
 * X-ray pair distribution function of a model from its partial g_ab(r) (CONTRACT §6):
 *
 *   Faber–Ziman weights w_ab = c_a c_b f_a f_b / (Σ_a c_a f_a)², f = f(0) = Z; reported per
 *   UNORDERED pair with the factor 2 for a ≠ b included, so the listed weights sum to 1;
 *   g_X(r) = Σ w_ab g_ab(r);   G(r) = 4π r ρ0 [g_X(r) − 1]   (Å⁻², ρ0 = N/V).
 *
 * With a Q_max the reciprocal route is taken instead, to mimic a measurement's termination:
 *   S_ab(Q) from g_ab (partialStructureFactors, real-space window),
 *   S_X(Q) = 1 + Σ_ab c_a c_b f_a(Q) f_b(Q) [S_ab(Q) − 1] / ⟨f(Q)⟩²,
 *   F(Q) = Q [S_X(Q) − 1],  G(r) = (2/π) ∫_0^Qmax F(Q) M(Q) sin(Qr) dQ,
 *   M(Q) = sin(πQ/Qmax)/(πQ/Qmax) (Lorch 1969), with f(Q) = Z (default) or pymatgen's X-ray form
 *   factors (`formFactors: 'q'`).
 */
import { elementSymbol } from '../core/elements.js';
import { composition, partialOf, partialStructureFactors, unorderedPairs, type PartialPdfInput } from './partials.js';
import { xrayFormFactor } from './form-factor.js';

export interface PdfOptions {
  /** Apply Q_max termination (Å⁻¹) with the Lorch window; undefined = real space, no termination. */
  qMax?: number;
  /** Q grid step, Å⁻¹ (default 0.02). */
  dq?: number;
  /** 'zero': f = Z at every Q (default); 'q': Q-dependent X-ray form factors. */
  formFactors?: 'zero' | 'q';
  /** Lorch window on F(Q) (default true when qMax is given). */
  lorch?: boolean;
  /** Real-space window on g(r) − 1 when transforming to S(Q) (default true). */
  realSpaceWindow?: boolean;
  /**
   * Gaussian broadening of every pair distance, standard deviation in Å (thermal motion for a
   * static or 0 K crystal; default none). Applied to the pair counts g·shell, then renormalised.
   */
  sigma?: number;
}

export interface PdfResult {
  /** Å, bin centres. */
  r: Float64Array;
  /** Å⁻². */
  G: Float64Array;
  /** X-ray weighted g_X(r) (real-space route only). */
  gX?: Float64Array;
  /** Faber–Ziman weights at Q = 0 per unordered pair "A-B" (sum 1). */
  weights: Record<string, number>;
  /** Number density, Å⁻³. */
  rho0: number;
  /** Reciprocal route only: Q (Å⁻¹) and the X-ray S(Q). */
  q?: Float64Array;
  sq?: Float64Array;
}

/** Faber–Ziman X-ray weights at Q = 0 (f = Z), per unordered pair with 2× for a ≠ b. */
export function faberZimanWeights(input: PartialPdfInput): Record<string, number> {
  const { z, c } = composition(input);
  const mean = z.reduce((s, zz, i) => s + c[i]! * zz, 0);
  const w: Record<string, number> = {};
  for (const [i, j] of unorderedPairs(z.length)) {
    w[`${elementSymbol(z[i]!)}-${elementSymbol(z[j]!)}`] = ((i === j ? 1 : 2) * c[i]! * c[j]! * z[i]! * z[j]!) / (mean * mean);
  }
  return w;
}

/**
 * g_ab(r) with each pair distance smeared by a Gaussian of standard deviation sigma (Å): the
 * pair counts n_k = g_k·shell_k are convolved (kernel truncated at 5σ, renormalised to unit sum)
 * and divided by the shells again. Counts beyond r_max are unknown, so the last ~2σ droop.
 */
export function broadenPartials(input: PartialPdfInput, sigma: number): PartialPdfInput {
  const nb = input.r.length;
  const dr = input.dr;
  const half = Math.max(1, Math.ceil((5 * sigma) / dr));
  const kernel = new Float64Array(2 * half + 1);
  let sum = 0;
  for (let j = -half; j <= half; j++) sum += kernel[j + half] = Math.exp(-0.5 * ((j * dr) / sigma) ** 2);
  for (let j = 0; j < kernel.length; j++) kernel[j]! /= sum;
  const shell = new Float64Array(nb);
  for (let k = 0; k < nb; k++) shell[k] = ((4 * Math.PI) / 3) * (((k + 1) * dr) ** 3 - (k * dr) ** 3);
  const partials = input.partials.map((p) => {
    const g = new Float64Array(nb);
    for (let k = 0; k < nb; k++) {
      const n = p.g[k]! * shell[k]!;
      if (n === 0) continue;
      for (let j = -half; j <= half; j++) {
        const t = k + j;
        if (t >= 0 && t < nb) g[t]! += n * kernel[j + half]!;
      }
    }
    for (let k = 0; k < nb; k++) g[k]! /= shell[k]!;
    return { a: p.a, b: p.b, g };
  });
  return { ...input, partials };
}

export function xrayPdf(input: PartialPdfInput, o: PdfOptions = {}): PdfResult {
  if (o.sigma !== undefined && o.sigma > 0) input = broadenPartials(input, o.sigma);
  const { z, c, rho0 } = composition(input);
  const weights = faberZimanWeights(input);
  const pairs = unorderedPairs(z.length);
  const nb = input.r.length;
  if (o.qMax === undefined) {
    const gX = new Float64Array(nb);
    pairs.forEach(([i, j]) => {
      const w = weights[`${elementSymbol(z[i]!)}-${elementSymbol(z[j]!)}`]!;
      const g = partialOf(input, z[i]!, z[j]!);
      for (let k = 0; k < nb; k++) gX[k]! += w * g[k]!;
    });
    const G = new Float64Array(nb);
    for (let k = 0; k < nb; k++) G[k] = 4 * Math.PI * input.r[k]! * rho0 * (gX[k]! - 1);
    return { r: input.r, G, gX, weights, rho0 };
  }
  const dq = o.dq ?? 0.02;
  const nq = Math.floor(o.qMax / dq + 1e-9);
  const q = new Float64Array(nq);
  for (let m = 0; m < nq; m++) q[m] = (m + 1) * dq;
  const sab = partialStructureFactors(input, q, o.realSpaceWindow ?? true);
  const sq = totalXraySq(z, c, q, sab, o.formFactors ?? 'zero');
  const lorch = o.lorch ?? true;
  const fm = new Float64Array(nq);
  for (let m = 0; m < nq; m++) {
    const x = (Math.PI * q[m]!) / o.qMax;
    fm[m] = q[m]! * (sq[m]! - 1) * (lorch ? Math.sin(x) / x : 1) * dq;
  }
  const G = new Float64Array(nb);
  for (let k = 0; k < nb; k++) {
    const r = input.r[k]!;
    let sum = 0;
    for (let m = 0; m < nq; m++) sum += fm[m]! * Math.sin(q[m]! * r);
    G[k] = (2 / Math.PI) * sum;
  }
  return { r: input.r, G, weights, rho0, q, sq };
}

/** Faber–Ziman X-ray S(Q) from partial S_ab (unordered pairs in unorderedPairs order). */
export function totalXraySq(z: number[], c: number[], q: Float64Array, sab: Float64Array[], ff: 'zero' | 'q'): Float64Array {
  const pairs = unorderedPairs(z.length);
  const f = z.map((zz) => (ff === 'q' ? Float64Array.from(q, (qq) => xrayFormFactor(zz, qq)) : new Float64Array(q.length).fill(zz)));
  const out = new Float64Array(q.length);
  for (let m = 0; m < q.length; m++) {
    let mean = 0;
    for (let i = 0; i < z.length; i++) mean += c[i]! * f[i]![m]!;
    let sum = 0;
    pairs.forEach(([i, j], p) => {
      sum += (i === j ? 1 : 2) * c[i]! * c[j]! * f[i]![m]! * f[j]![m]! * (sab[p]![m]! - 1);
    });
    out[m] = 1 + sum / (mean * mean);
  }
  return out;
}
