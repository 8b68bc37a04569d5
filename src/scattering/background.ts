/**
 * Background of a measured powder pattern by SNIP (statistics-sensitive non-linear iterative
 * peak clipping; Ryan et al., Nucl. Instrum. Methods B 34 (1988) 396; Morháč et al. 1997):
 * on v = ln(ln(√(y+1)+1)+1) (which compresses peaks), repeatedly replace each point by the mean
 * of its neighbours at ±w when that is lower, for w = 1 … halfWidth, then transform back.
 * halfWidth (points) should exceed the half-width of the broadest peak.
 */
export function snipBackground(y: Float64Array, halfWidth: number): Float64Array {
  const n = y.length;
  let v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.log(Math.log(Math.sqrt(Math.max(y[i]!, 0) + 1) + 1) + 1);
  let w2 = new Float64Array(n);
  for (let w = 1; w <= halfWidth; w++) {
    for (let i = 0; i < n; i++) {
      if (i < w || i >= n - w) {
        w2[i] = v[i]!;
        continue;
      }
      const m = 0.5 * (v[i - w]! + v[i + w]!);
      w2[i] = m < v[i]! ? m : v[i]!;
    }
    const t = v;
    v = w2;
    w2 = t;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.exp(Math.exp(v[i]!) - 1) - 1;
    out[i] = a * a - 1;
  }
  return out;
}
