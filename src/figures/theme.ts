/**
 * The one look every figure shares: DejaVu Sans at 12 px (the committed font, so SVG in the
 * browser and PNG from resvg agree), a closed frame, light grid, centred axis labels with units,
 * and the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies).
 */
import * as Plot from '@observablehq/plot';
import type { PlotSpec } from './render.js';
import { superscript } from './format.js';

export const FONT_FAMILY = 'DejaVu Sans';
export const FONT_SIZE = 12;
export const INK = '#1b1b1b';
export const GRID = '#e3e3e3';

/** Okabe & Ito (2008) colour-blind safe palette, black last. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C6D1F', '#000000'];

export const WIDTH = 560;
export const HEIGHT = 400;

/** Colour for the i-th series (cycles through the palette). */
export function seriesColor(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}

/**
 * A colour from a sequential ramp (viridis-like, from dark blue to yellow-green), for ordered
 * series such as cycle number or temperature; `t` in [0, 1].
 */
export function rampColor(t: number): string {
  const stops = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [190, 210, 40],
  ];
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const c = stops[i]!.map((v, k) => Math.round(v + f * (stops[i + 1]![k]! - v)));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}


/** 1e-3 → "10⁻³" for decade ticks, "" for the minor ticks between decades. */
export function decadeTick(v: number): string {
  const e = Math.log10(v);
  if (Math.abs(e - Math.round(e)) > 1e-9) return '';
  return '10' + superscript(String(Math.round(e)));
}

/** Tick labels without digit grouping ("−4000", not "−4,000"), the usual style in journals; 1e-4 etc. for tiny values. */
export function plainTick(v: unknown): string {
  if (typeof v !== 'number') return String(v);
  if (v === 0) return '0';
  const s = Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6 ? v.toExponential(1) : String(Number(v.toPrecision(6)));
  return s.replace('-', '−');
}

/** Axis options for a logarithmic axis with decade labels. */
export function logAxis(label: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'log', label, tickFormat: decadeTick, ticks: 4, ...extra };
}

/** Merges the theme into a Plot spec; the caller's scales and marks win where they overlap. */
export function themed(spec: PlotSpec & { x?: Record<string, unknown>; y?: Record<string, unknown>; marks?: unknown[] }, opts: { grid?: boolean } = {}): PlotSpec {
  const axisDefaults = { labelAnchor: 'center', labelArrow: 'none', tickSize: 4, nice: true, tickFormat: plainTick };
  const grid = opts.grid ?? true;
  return {
    width: WIDTH,
    height: HEIGHT,
    marginLeft: 70,
    marginBottom: 46,
    marginTop: 16,
    marginRight: 18,
    ...spec,
    style: { fontFamily: FONT_FAMILY, fontSize: `${FONT_SIZE}px`, color: INK, background: 'white', overflow: 'visible' },
    x: { ...axisDefaults, labelOffset: 38, ...(spec.x ?? {}) },
    y: { ...axisDefaults, labelOffset: 54, ...(spec.y ?? {}) },
    marks: [...(grid ? [Plot.gridX({ stroke: GRID, strokeOpacity: 1 }), Plot.gridY({ stroke: GRID, strokeOpacity: 1 })] : []), ...(spec.marks ?? []), Plot.frame({ stroke: INK, strokeWidth: 1 })],
  };
}

/** A horizontal stroke 18 px long centred on the mark's position (Plot custom symbol), for line legends. */
const LINE_SYMBOL = {
  draw(context: { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void }): void {
    context.moveTo(-9, 0);
    context.lineTo(9, 0);
  },
};
const DASHED_LINE_SYMBOL = {
  draw(context: { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void }): void {
    context.moveTo(-9, 0);
    context.lineTo(-2.5, 0);
    context.moveTo(2.5, 0);
    context.lineTo(9, 0);
  },
};

export interface LegendEntry {
  label: string;
  color: string;
  /** how the series is drawn: points, a line, or both */
  symbol?: 'dot' | 'line' | 'both';
  dashed?: boolean;
  /** filled marker (as drawn for filled points) instead of an open circle */
  filled?: boolean;
}

/**
 * An in-frame legend drawn with Plot marks (stays inside the SVG, unlike Plot's HTML swatches).
 * `anchor` is the frame corner it hugs.
 */
export function legend(entries: LegendEntry[], anchor: 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left' | 'outside-right' = 'top-right', facetted = false): unknown[] {
  const facet = facetted ? { facet: 'super' } : {};
  if (entries.length === 0) return [];
  // 'outside-right': in the right margin, top-aligned (the caller widens marginRight)
  const outside = anchor === 'outside-right';
  if (outside) anchor = 'top-right';
  const right = anchor.endsWith('right');
  const top = anchor.startsWith('top');
  const rowH = 17;
  const charW = 7; // DejaVu Sans 12 px averages ~7 px per character
  const textW = Math.max(...entries.map((e) => e.label.length)) * charW;
  const boxW = textW + 36;
  const boxH = entries.length * rowH + 8;
  const halo = { stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' };
  const x0 = outside ? 4 : right ? -6 - boxW : 6; // left edge of the legend relative to the anchor
  const y0 = top ? 10 : -10 - boxH;
  const marks: unknown[] = [];
  entries.forEach((e, i) => {
    const cy = y0 + 4 + rowH * i + rowH / 2;
    const sx = x0 + 16;
    if (e.symbol !== 'dot') {
      marks.push(Plot.dot([0], { frameAnchor: anchor, dx: sx, dy: cy, symbol: e.dashed ? DASHED_LINE_SYMBOL : LINE_SYMBOL, stroke: e.color, strokeWidth: 1.8, fill: 'none', r: 9, ...facet } as never));
    }
    if (e.symbol === 'dot' || e.symbol === 'both' || e.symbol === undefined) {
      marks.push(Plot.dot([0], { frameAnchor: anchor, dx: sx, dy: cy, r: 3.5, stroke: e.color, fill: e.filled ? e.color : 'white', strokeWidth: 1.5, ...facet } as never));
    }
    marks.push(Plot.text([0], { frameAnchor: anchor, text: () => e.label, dx: sx + 18, dy: cy, textAnchor: 'start', fill: INK, fontSize: FONT_SIZE, ...halo, ...facet } as never));
  });
  return marks;
}
