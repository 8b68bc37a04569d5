/** Mean-squared displacement against time with the fit window shaded and the fitted line MSD = 6Dt + c. */
import * as Plot from '@observablehq/plot';
import type { Quantity } from '../core/quantity.js';
import { figure, rows, type Figure, type Numbers } from './figure.js';
import { formatQuantity } from './format.js';
import { legend, seriesColor, themed } from './theme.js';

export interface MsdSeries {
  label: string;
  /** ps */
  time: Numbers;
  /** Å² */
  value: Numbers;
  /** fit window, ps */
  fitStart?: number;
  fitEnd?: number;
  /** cm²/s */
  diffusionCoefficient?: Quantity;
  /** Å², intercept of the fitted line (default: through the mean of the window) */
  intercept?: number;
}

export function msdFigure(series: MsdSeries[], opts: { id?: string; title?: string } = {}): Figure {
  const marks: unknown[] = [];
  series.forEach((s, i) => {
    const color = seriesColor(i);
    if (i === 0 && s.fitStart !== undefined && s.fitEnd !== undefined) marks.unshift(Plot.rectX([0], { x1: s.fitStart, x2: s.fitEnd, fill: '#999', fillOpacity: 0.15 }));
    const pts = rows(s.time, s.value);
    marks.push(Plot.line(pts, { x: 'x', y: 'y', stroke: color, strokeWidth: 1.6 }));
    const D = s.diffusionCoefficient?.value;
    if (D !== undefined && s.fitStart !== undefined && s.fitEnd !== undefined) {
      const slope = 6 * D * 1e4; // cm²/s → Å²/ps: 1 cm² s⁻¹ = 1e16 Å² / 1e12 ps
      const inWin = pts.filter((p) => p.x >= s.fitStart! && p.x <= s.fitEnd!);
      const c = s.intercept ?? (inWin.length ? inWin.reduce((a, p) => a + p.y - slope * p.x, 0) / inWin.length : 0);
      const line = [s.fitStart, s.fitEnd].map((t) => ({ x: t, y: slope * t + c }));
      marks.push(Plot.line(line, { x: 'x', y: 'y', stroke: seriesColor(1), strokeWidth: 2, strokeDasharray: '6 4' }));
      marks.push(Plot.text([line[1]!], { x: 'x', y: 'y', text: () => `D = ${formatQuantity(s.diffusionCoefficient!)}`, textAnchor: 'end', dy: -12, fill: seriesColor(1), stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' }));
    }
  });
  const spec = themed({ x: { label: 'Time (ps)' }, y: { label: 'MSD (Å²)', zero: true }, marks: [...marks, ...legend(series.map((s, i) => ({ label: s.label, color: seriesColor(i), symbol: 'line' as const })), 'top-left')] });
  return figure(opts.id ?? 'msd', opts.title ?? 'Mean-squared displacement', 'MSD over all time origins (unwrapped positions); shaded: the fit window; dashed: MSD = 6Dt + c with the fitted D.', spec);
}
