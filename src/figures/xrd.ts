/**
 * Powder XRD: a measured or simulated pattern (normalised to 100) with each candidate phase's
 * reflections drawn as a row of ticks under the pattern, the usual phase-marker layout.
 */
import * as Plot from '@observablehq/plot';
import { figure, rows, type Figure, type Numbers } from './figure.js';
import { chemLabel } from './structure.js';
import { INK, legend, seriesColor, themed } from './theme.js';

export interface XrdPhase {
  name: string;
  /** reflection positions (° 2θ) and intensities (0–100) */
  peaks: Array<{ twoTheta: number; intensity: number }>;
}

export interface XrdData {
  label: string;
  /** ° */
  twoTheta: Numbers;
  /** any unit; normalised to a maximum of 100 for drawing */
  intensity: Numbers;
}

export function xrdFigure(patterns: XrdData[], phases: XrdPhase[], opts: { id?: string; title?: string; wavelengthLabel?: string } = {}): Figure {
  const marks: unknown[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  patterns.forEach((p, i) => {
    let max = 0;
    for (let k = 0; k < p.intensity.length; k++) max = Math.max(max, p.intensity[k]!);
    const pts = rows(p.twoTheta, p.intensity, {}, (x, y) => [x, max > 0 ? (100 * y) / max + i * 110 : y]);
    for (const q of pts) {
      lo = Math.min(lo, q.x);
      hi = Math.max(hi, q.x);
    }
    marks.push(Plot.line(pts, { x: 'x', y: 'y', stroke: i === 0 ? INK : seriesColor(i + 1), strokeWidth: 1.1 }));
  });
  const rowH = 9;
  phases.forEach((ph, j) => {
    const color = seriesColor(j);
    const y2 = -6 - j * (rowH + 4);
    const peaks = ph.peaks.filter((p) => p.intensity >= 0.5 && (!Number.isFinite(lo) || (p.twoTheta >= lo && p.twoTheta <= hi)));
    marks.push(Plot.ruleX(peaks, { x: 'twoTheta', y1: y2 - rowH, y2, stroke: color, strokeWidth: 1.4 }));
    if (patterns.length === 0) marks.push(Plot.ruleX(peaks, { x: 'twoTheta', y1: 0, y2: 'intensity', stroke: color, strokeWidth: 1.4 }));
  });
  const bottom = -6 - phases.length * (rowH + 4);
  const top = patterns.length > 0 ? 105 + (patterns.length - 1) * 110 : 105;
  const spec = themed({
    x: { label: `2θ (°${opts.wavelengthLabel ? ', ' + opts.wavelengthLabel : ''})`, ...(Number.isFinite(lo) ? { domain: [lo, hi], nice: false } : {}) },
    y: { label: 'Intensity (normalised)', domain: [bottom - 2, top], nice: false, ticks: [0, 20, 40, 60, 80, 100] },
    marks: [Plot.ruleY([0], { stroke: INK, strokeOpacity: 0.3 }), ...marks, ...legend([...patterns.map((p, i) => ({ label: p.label, color: i === 0 ? INK : seriesColor(i + 1), symbol: 'line' as const })), ...phases.map((p, j) => ({ label: chemLabel(p.name), color: seriesColor(j), symbol: 'line' as const }))], 'top-right')],
  });
  return figure(opts.id ?? 'xrd', opts.title ?? 'Powder X-ray diffraction', 'Pattern normalised to 100; ticks under the pattern mark the calculated reflections of each candidate phase (intensity ≥ 0.5).', spec);
}
