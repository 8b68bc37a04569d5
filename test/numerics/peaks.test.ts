import { describe, expect, it } from 'vitest';
import { findPeaks, parabolicOffset } from '../../src/numerics/peaks.js';

describe('findPeaks', () => {
  const y = [0, 1, 3, 1, 2, 5, 2, 1, 1.5, 1, 0];
  it('finds the local maxima with their prominences and bases', () => {
    const p = findPeaks(y);
    expect(p.map((q) => q.index)).toEqual([2, 5, 8]);
    // peak 2 (height 3): higher ground to the right after the saddle at 1 → prominence 2
    expect(p[0]!.prominence).toBe(2);
    expect(p[1]!.prominence).toBe(5); // highest: open on both sides, down to 0
    expect(p[2]!.prominence).toBeCloseTo(0.5, 12);
    expect(p[1]!.leftMin).toBe(3);
    expect(p[1]!.rightMin).toBe(7);
  });
  it('filters by prominence', () => {
    expect(findPeaks(y, { minProminence: 1 }).map((q) => q.index)).toEqual([2, 5]);
  });
  it('edge maxima only on request; a peak next to the edge keeps its prominence', () => {
    const z = [4, 3, 2, 1, 2, 1];
    expect(findPeaks(z).map((q) => q.index)).toEqual([4]);
    const e = findPeaks(z, { includeEdges: true });
    expect(e.map((q) => q.index)).toEqual([0, 4]);
    expect(e[0]!.atEdge).toBe(true);
    const w = [2.9, 3, 2.9, 1, 0.5, 4, 0];
    expect(findPeaks(w)[0]!.prominence).toBeCloseTo(2.5, 12); // open to the left: base is the right saddle 0.5
  });
  it('parabolic refinement recovers the vertex of a parabola', () => {
    const q = [0, 1, 2, 3, 4].map((x) => -((x - 2.3) ** 2));
    expect(2 + parabolicOffset(q, 2)).toBeCloseTo(2.3, 12);
  });
});
