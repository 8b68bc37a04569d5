/** Conductivity at 25 °C against composition (e.g. x in xNa2O2–HfCl4), one colour per family, error bars ±1σ. */
import * as Plot from '@observablehq/plot';
import type { Quantity } from '../core/quantity.js';
import { figure, type Figure } from './figure.js';
import { chemLabel } from './structure.js';
import { legend, logAxis, seriesColor, themed } from './theme.js';

export interface CompositionPoint {
  /** composition variable (dimensionless, e.g. x); with `category` only the order */
  x: number;
  /** categorical composition (e.g. "M = Hf"): drawn on a band axis instead of x */
  category?: string;
  /** S/cm */
  conductivity: Quantity;
  /** family / series name, e.g. "xNa2O2–HfCl4" */
  series: string;
}

export function compositionFigure(points: CompositionPoint[], opts: { id?: string; title?: string; xLabel?: string } = {}): Figure {
  const names = [...new Set(points.map((p) => p.series))];
  const categorical = points.some((p) => p.category !== undefined);
  const key = (p: CompositionPoint) => (categorical ? (p.category ?? String(p.x)) : p.x);
  const marks: unknown[] = [];
  names.forEach((name, i) => {
    const color = seriesColor(i);
    const pts = points.filter((p) => p.series === name && p.conductivity.value > 0).sort((a, b) => a.x - b.x).map((p) => ({ x: key(p), y: p.conductivity.value, lo: Math.max(p.conductivity.value - (p.conductivity.stderr ?? 0), p.conductivity.value * 0.5), hi: p.conductivity.value + (p.conductivity.stderr ?? 0) }));
    if (!categorical) marks.push(Plot.line(pts, { x: 'x', y: 'y', stroke: color, strokeWidth: 1.2, strokeDasharray: '4 3' }));
    marks.push(Plot.ruleX(pts, { x: 'x', y1: 'lo', y2: 'hi', stroke: color }));
    marks.push(Plot.dot(pts, { x: 'x', y: 'y', r: 4.5, fill: color, stroke: 'white' }));
  });
  const spec = themed({
    x: categorical ? { type: 'point', label: opts.xLabel ?? (names.length === 1 ? `Composition (${chemLabel(names[0]!)})` : 'Composition'), padding: 0.5, domain: [...new Set(points.sort((a, b) => a.x - b.x).map(key))] } : { label: opts.xLabel ?? 'Composition x', inset: 20 },
    y: logAxis('σ at 25 °C (S cm⁻¹)', { inset: 16 }),
    marks: [...marks, ...(names.length > 1 ? legend(names.map((n, i) => ({ label: chemLabel(n), color: seriesColor(i), symbol: 'dot' as const, filled: true })), 'bottom-right') : [])],
  });
  return figure(opts.id ?? 'conductivity-composition', opts.title ?? 'Conductivity against composition', 'Room-temperature (25 °C) ionic conductivity from the Arrhenius fits against composition; bars are ±1 standard error.', spec);
}
