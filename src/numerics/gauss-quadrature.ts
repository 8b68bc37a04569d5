/**
 * Gauss quadrature rules computed once by Newton iteration on the orthogonal polynomials:
 *  - Gauss–Hermite: ∫ e^{−u²} h(u) du ≈ Σ w_k h(u_k)   (physicists' weight e^{−u²})
 *  - Gauss–Legendre: ∫_{−1}^{1} h(u) du ≈ Σ w_k h(u_k)
 * Results are cached per order; nodes ascend.
 */
export interface QuadratureRule {
  nodes: Float64Array;
  weights: Float64Array;
}

const hermiteCache = new Map<number, QuadratureRule>();
const legendreCache = new Map<number, QuadratureRule>();

/** n-point Gauss–Hermite rule (exact for polynomials of degree ≤ 2n − 1 times e^{−u²}). */
export function gaussHermite(n: number): QuadratureRule {
  const hit = hermiteCache.get(n);
  if (hit) return hit;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const pim4 = Math.PI ** -0.25;
  const m = Math.floor((n + 1) / 2);
  let z = 0;
  for (let i = 0; i < m; i++) {
    // Initial guesses for the largest roots first (asymptotic estimates), then from the previous roots.
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** -0.16667;
    else if (i === 1) z -= (1.14 * n ** 0.426) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * nodes[n - 1]!;
    else if (i === 3) z = 1.91 * z - 0.91 * nodes[n - 2]!;
    else z = 2 * z - nodes[n - i + 1]!;
    let pp = 0;
    for (let it = 0; it < 100; it++) {
      // Orthonormal Hermite recurrence (no overflow for large n).
      let p1 = pim4;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const dz = p1 / pp;
      z -= dz;
      if (Math.abs(dz) <= 1e-15 * Math.max(1, Math.abs(z))) break;
    }
    nodes[n - 1 - i] = z;
    nodes[i] = -z;
    weights[n - 1 - i] = 2 / (pp * pp);
    weights[i] = weights[n - 1 - i]!;
  }
  const rule = { nodes, weights };
  hermiteCache.set(n, rule);
  return rule;
}

/** n-point Gauss–Legendre rule on [−1, 1]. */
export function gaussLegendre(n: number): QuadratureRule {
  const hit = legendreCache.get(n);
  if (hit) return hit;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const m = Math.floor((n + 1) / 2);
  for (let i = 0; i < m; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let pp = 0;
    for (let it = 0; it < 100; it++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      pp = (n * (z * p1 - p2)) / (z * z - 1);
      const dz = p1 / pp;
      z -= dz;
      if (Math.abs(dz) <= 1e-15) break;
    }
    nodes[i] = -z;
    nodes[n - 1 - i] = z;
    weights[i] = 2 / ((1 - z * z) * pp * pp);
    weights[n - 1 - i] = weights[i]!;
  }
  const rule = { nodes, weights };
  legendreCache.set(n, rule);
  return rule;
}
