/**
 * Peak finding on sampled curves: local maxima with their topographic prominence (height above
 * the higher of the two saddles that separate it from higher ground, as scipy.signal's
 * `peak_prominences`, except that the ends of the data are not saddles) and bases (the minima on both sides), plus parabolic refinement of a
 * maximum's position.
 */
export interface PeakIndex {
  /** Index of the local maximum. */
  index: number;
  height: number;
  prominence: number;
  /** Index of the lowest point between this peak and the previous peak (or the start). */
  leftMin: number;
  /** Index of the lowest point between this peak and the next peak (or the end). */
  rightMin: number;
  /** The maximum is the first or last sample (a peak that may continue outside the range). */
  atEdge: boolean;
}

export interface FindPeaksOptions {
  /** Minimum prominence (same unit as y). Default 0. */
  minProminence?: number;
  /** Count maxima at the first/last sample. Default false. */
  includeEdges?: boolean;
}

export function findPeaks(y: ArrayLike<number>, options: FindPeaksOptions = {}): PeakIndex[] {
  const n = y.length;
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    const left = i === 0 ? -Infinity : y[i - 1]!;
    // A plateau counts once, at its first sample.
    let j = i;
    while (j + 1 < n && y[j + 1] === y[i]) j++;
    const right = j === n - 1 ? -Infinity : y[j + 1]!;
    if (y[i]! > left && y[i]! > right) {
      const edge = i === 0 || j === n - 1;
      if (!edge || options.includeEdges) candidates.push(i);
    }
    i = j;
  }
  const out: PeakIndex[] = [];
  for (const i of candidates) {
    const h = y[i]!;
    // Walk each way until higher ground, tracking the minimum. A side that reaches the end of
    // the data without higher ground is open (the curve is cut there, not a saddle) and does
    // not bound the prominence — unlike scipy, which would give a peak next to the edge almost
    // no prominence.
    let lmin = h;
    let k = i - 1;
    for (; k >= 0 && y[k]! <= h; k--) lmin = Math.min(lmin, y[k]!);
    const leftOpen = k < 0;
    let rmin = h;
    k = i + 1;
    for (; k < n && y[k]! <= h; k++) rmin = Math.min(rmin, y[k]!);
    const rightOpen = k >= n;
    let base: number;
    if (leftOpen && rightOpen) base = Math.min(lmin, rmin);
    else if (leftOpen) base = rmin;
    else if (rightOpen) base = lmin;
    else base = Math.max(lmin, rmin);
    const prominence = h - base;
    if (prominence < (options.minProminence ?? 0)) continue;
    out.push({ index: i, height: h, prominence, leftMin: 0, rightMin: n - 1, atEdge: i === 0 || i === n - 1 });
  }
  // Bases: the lowest sample between neighbouring kept peaks.
  for (let p = 0; p < out.length; p++) {
    const from = p === 0 ? 0 : out[p - 1]!.index;
    const to = p === out.length - 1 ? n - 1 : out[p + 1]!.index;
    let lm = out[p]!.index;
    for (let k = from; k < out[p]!.index; k++) if (y[k]! < y[lm]!) lm = k;
    let rm = out[p]!.index;
    for (let k = out[p]!.index + 1; k <= to; k++) if (y[k]! < y[rm]!) rm = k;
    out[p]!.leftMin = lm;
    out[p]!.rightMin = rm;
  }
  return out;
}

/** Sub-sample position of the maximum at i by a parabola through i−1, i, i+1: offset in (−0.5, 0.5). */
export function parabolicOffset(y: ArrayLike<number>, i: number): number {
  if (i <= 0 || i >= y.length - 1) return 0;
  const a = y[i - 1]!;
  const b = y[i]!;
  const c = y[i + 1]!;
  const den = a - 2 * b + c;
  if (!(den < 0)) return 0;
  const off = (0.5 * (a - c)) / den;
  return Math.max(-0.5, Math.min(0.5, off));
}
