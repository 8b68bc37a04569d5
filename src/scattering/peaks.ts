/**
 * Peaks of a measured powder pattern: subtract a SNIP background, smooth with a moving average,
 * and keep local maxima that stand above the counting noise. Counts are assumed Poisson, so the
 * noise of the smoothed net signal at a point is √(background)/√(window).
 */
import { parabolicOffset } from '../numerics/peaks.js';
import { snipBackground } from './background.js';

export interface MeasuredPeak {
  /** degrees */
  twoTheta: number;
  /** net height above background (counts), from the smoothed curve */
  height: number;
  /** height / noise */
  significance: number;
}

export interface PeakSearchOptions {
  /** SNIP half-width in degrees of 2θ (default 3°). */
  backgroundWidth?: number;
  /** Moving-average window in degrees (default 0.07°). */
  smoothWidth?: number;
  /** Minimum height in noise standard deviations (default 6). */
  minSignificance?: number;
  /** Minimum height as a fraction of the strongest peak (default 0.02). */
  minRelative?: number;
  /** A peak must be the highest point within ± this many degrees (default 0.15°). */
  separation?: number;
}

export interface PeakSearchResult {
  background: Float64Array;
  net: Float64Array;
  peaks: MeasuredPeak[];
}

export function findPatternPeaks(x: Float64Array, y: Float64Array, o: PeakSearchOptions = {}): PeakSearchResult {
  const n = x.length;
  const step = (x[n - 1]! - x[0]!) / (n - 1);
  const bg = snipBackground(y, Math.max(1, Math.round((o.backgroundWidth ?? 3) / step)));
  const half = Math.max(1, Math.round((o.smoothWidth ?? 0.07) / step / 2));
  const m = 2 * half + 1;
  const net = new Float64Array(n);
  // Moving average of y − bg (prefix sums).
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + (y[i]! - bg[i]!);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - half);
    const b = Math.min(n, i + half + 1);
    net[i] = (prefix[b]! - prefix[a]!) / (b - a);
  }
  const sep = Math.max(1, Math.round((o.separation ?? 0.15) / step));
  const minSig = o.minSignificance ?? 6;
  const candidates: MeasuredPeak[] = [];
  for (let i = 1; i < n - 1; i++) {
    const v = net[i]!;
    if (!(v > 0)) continue;
    let isMax = true;
    for (let j = Math.max(0, i - sep); j <= Math.min(n - 1, i + sep) && isMax; j++) {
      if (net[j]! > v || (net[j] === v && j < i)) isMax = false;
    }
    if (!isMax) continue;
    const noise = Math.sqrt(Math.max(bg[i]!, 1) / m);
    const significance = v / noise;
    if (significance >= minSig) {
      // Parabolic interpolation of the apex.
      candidates.push({ twoTheta: x[i]! + parabolicOffset(net, i) * step, height: v, significance });
    }
  }
  const max = candidates.reduce((a, p) => Math.max(a, p.height), 0);
  const peaks = candidates.filter((p) => p.height >= (o.minRelative ?? 0.02) * max);
  return { background: bg, net, peaks };
}
