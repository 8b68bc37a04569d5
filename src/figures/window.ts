/** Electrochemical stability window: LSV/CV current density against potential, with the onsets marked. */
import * as Plot from '@observablehq/plot';
import { figure, rows, type Figure, type Numbers } from './figure.js';
import { INK, seriesColor, themed } from './theme.js';

export interface WindowData {
  label: string;
  /** V */
  voltage: Numbers;
  /** mA/cm² (or mA when `currentUnit` says so) */
  current: Numbers;
  currentUnit?: string;
  /** V */
  oxidation?: number | null;
  /** V */
  reduction?: number | null;
  /** threshold current used for the onset, same unit as `current` */
  threshold?: number;
}

export function windowFigure(d: WindowData, opts: { id?: string; title?: string } = {}): Figure {
  const marks: unknown[] = [Plot.ruleY([0], { stroke: INK, strokeOpacity: 0.4 }), Plot.line(rows(d.voltage, d.current), { x: 'x', y: 'y', stroke: seriesColor(0), strokeWidth: 1.6 })];
  const onsets = [
    { v: d.oxidation, name: 'oxidation' },
    { v: d.reduction, name: 'reduction' },
  ].filter((o): o is { v: number; name: string } => typeof o.v === 'number');
  for (const o of onsets) {
    marks.push(Plot.ruleX([o.v], { stroke: seriesColor(1), strokeDasharray: '5 4' }));
    marks.push(Plot.text([o.v], { x: (v: number) => v, frameAnchor: 'top', dy: 14, text: () => `${o.name} ${o.v.toFixed(2)} V`, fill: seriesColor(1), textAnchor: o.name === 'oxidation' ? 'end' : 'start', dx: o.name === 'oxidation' ? -4 : 4, stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' }));
  }
  if (d.threshold !== undefined) for (const t of [d.threshold, -d.threshold]) marks.push(Plot.ruleY([t], { stroke: INK, strokeOpacity: 0.35, strokeDasharray: '2 3' }));
  const spec = themed({ x: { label: 'Potential (V vs Na⁺/Na)' }, y: { label: `Current density (${d.currentUnit ?? 'mA cm⁻²'})` }, marks });
  return figure(opts.id ?? 'stability-window', opts.title ?? `Stability window — ${d.label}`, 'Linear-sweep / cyclic voltammetry current against potential; dashed lines mark the oxidation and reduction onsets (dotted: the current-density threshold).', spec);
}
