/**
 * The workbench's plots, drawn with Observable Plot in the page's DOM and the report's theme
 * (src/figures/theme.ts), so the browser and the report look alike. Every axis names its
 * quantity and unit; impedance axes switch to kΩ/MΩ with the data.
 */
import * as Plot from '@observablehq/plot';
import { INK, PALETTE, themed, logAxis, rampColor } from '../../../src/figures/theme.js';

export type PlotElement = SVGSVGElement | HTMLElement;

const DATA = PALETTE[0]!;
const FIT = PALETTE[1]!;
const IMAG = PALETTE[2]!;

/** Ω, kΩ, MΩ or GΩ for a largest magnitude. */
export function ohmScale(maxAbs: number): { factor: number; unit: string } {
  if (maxAbs >= 1e10) return { factor: 1e-9, unit: 'GΩ' };
  if (maxAbs >= 1e7) return { factor: 1e-6, unit: 'MΩ' };
  if (maxAbs >= 1e4) return { factor: 1e-3, unit: 'kΩ' };
  return { factor: 1, unit: 'Ω' };
}

function plot(spec: Record<string, unknown>): PlotElement {
  return (Plot.plot as (o: unknown) => PlotElement)(themed(spec as never));
}

/** A colour key in the top margin, left to right (one text mark per entry; dx/dy must be constants). */
function keyLabels(labels: string[], colors: string[]): unknown[] {
  const offsets: number[] = [];
  let x = 0;
  for (const l of labels) {
    offsets.push(x);
    x += 7.2 * (l.length + 2) + 14;
  }
  return labels.map((label, i) =>
    Plot.text([`● ${label}`], { frameAnchor: 'top-left', dx: 2 + offsets[i]!, dy: -9, fill: colors[i], textAnchor: 'start', fontWeight: 600 } as never),
  );
}

function finiteMax(...arrays: ArrayLike<number>[]): number {
  let m = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]!)) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

export interface Curve {
  frequency: ArrayLike<number>;
  real: ArrayLike<number>;
  imag: ArrayLike<number>;
}

function points(c: Curve, fx: number, map: (re: number, im: number, f: number) => [number, number]): { x: number; y: number; f: number }[] {
  const out: { x: number; y: number; f: number }[] = [];
  for (let i = 0; i < c.frequency.length; i++) {
    const [x, y] = map(c.real[i]!, c.imag[i]!, c.frequency[i]!);
    if (Number.isFinite(x) && Number.isFinite(y)) out.push({ x: x * fx, y: y * fx, f: c.frequency[i]! });
  }
  return out;
}

/** Hover tips naming the frequency of a data point (Plot's pointer-driven tip mark). */
const FREQUENCY_TIP = { channels: { 'f (Hz)': 'f' }, tip: { format: { 'f (Hz)': (v: number) => v.toPrecision(4) } } };

/**
 * Nyquist plot, −Z″ against Z′ with equal scales on both axes (a semicircle looks round).
 * `zoom` > 1 shows the high-frequency corner (the bulk arc of a pellet next to a blocking-
 * electrode spike): the Z′ span shrinks by that factor from the left edge and lines are clipped.
 */
export function nyquistPlot(data: Curve, fit: Curve | null, width: number, zoom = 1): PlotElement {
  const all0 = [...points(data, 1, (re, im) => [re, -im]), ...(fit ? points(fit, 1, (re, im) => [re, -im]) : [])];
  let x0 = Math.min(0, ...all0.map((p) => p.x));
  let x1 = Math.max(...all0.map((p) => p.x));
  let y0 = Math.min(0, ...all0.map((p) => p.y));
  let y1 = Math.max(...all0.map((p) => p.y));
  if (zoom > 1) {
    // Start the window at the smallest Z′ of the data (the high-frequency intercept region).
    const xmin = Math.min(...all0.map((p) => p.x));
    x0 = Math.min(0, xmin);
    x1 = x0 + Math.max((x1 - x0) / zoom, 1e-12);
    y0 = Math.min(0, ...all0.filter((p) => p.x <= x1).map((p) => p.y));
    y1 = y0 + (x1 - x0) * 0.75;
  }
  const pad = 0.04 * Math.max(x1 - x0, y1 - y0);
  x0 -= x0 < 0 ? pad : 0;
  x1 += pad;
  y1 += pad;
  y0 -= y0 < 0 ? pad : 0;
  // Keep the frame from becoming a sliver: extend −Z″ upwards to at least 45 % of the Z′ span.
  if (y1 - y0 < 0.45 * (x1 - x0)) y1 = y0 + 0.45 * (x1 - x0);
  if (x1 - x0 < (y1 - y0) / 1.2) x1 = x0 + (y1 - y0) / 1.2;
  const { factor, unit } = ohmScale(Math.max(Math.abs(x1), Math.abs(y1)));
  const inView = (p: { x: number; y: number }) => p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1;
  const d = points(data, 1, (re, im) => [re, -im]).filter(inView).map((p) => ({ ...p, x: p.x * factor, y: p.y * factor }));
  const f = fit ? points(fit, 1, (re, im) => [re, -im]).map((p) => ({ ...p, x: p.x * factor, y: p.y * factor })) : [];
  return plot({
    width,
    aspectRatio: 1,
    x: { label: `Z′ (${unit})`, domain: [x0 * factor, x1 * factor], nice: false },
    y: { label: `−Z″ (${unit})`, domain: [y0 * factor, y1 * factor], nice: false },
    marks: [
      Plot.ruleY([0], { stroke: INK, strokeOpacity: 0.3 }),
      Plot.dot(d, { x: 'x', y: 'y', r: 2.6, stroke: DATA, strokeWidth: 1.2, className: 'data-points', ...FREQUENCY_TIP } as never),
      ...(f.length ? [Plot.line(f, { x: 'x', y: 'y', stroke: FIT, strokeWidth: 2, className: 'fit-curve', clip: true })] : []),
    ],
  });
}

/** Bode plot: |Z| (log) and the phase −θ, against frequency (log), stacked. */
export function bodePlots(data: Curve, fit: Curve | null, width: number): PlotElement[] {
  const mod = (re: number, im: number): number => Math.hypot(re, im);
  const phase = (re: number, im: number): number => (-Math.atan2(im, re) * 180) / Math.PI;
  const series = (c: Curve, g: (re: number, im: number) => number) => points(c, 1, (re, im, fr) => [fr, g(re, im)]);
  const magnitude = plot({
    width,
    height: 200,
    marginBottom: 30,
    x: logAxis('', { tickFormat: () => '' }),
    y: logAxis('|Z| (Ω)'),
    marks: [
      Plot.dot(series(data, mod), { x: 'x', y: 'y', r: 2.4, stroke: DATA }),
      ...(fit ? [Plot.line(series(fit, mod), { x: 'x', y: 'y', stroke: FIT, strokeWidth: 2, className: 'fit-curve' })] : []),
    ],
  });
  const ph = plot({
    width,
    height: 200,
    x: logAxis('frequency f (Hz)'),
    y: { label: '−θ (°)' },
    marks: [
      Plot.dot(series(data, phase), { x: 'x', y: 'y', r: 2.4, stroke: IMAG }),
      ...(fit ? [Plot.line(series(fit, phase), { x: 'x', y: 'y', stroke: FIT, strokeWidth: 2 })] : []),
    ],
  });
  return [magnitude, ph];
}

/**
 * Relative residuals Δ′ = (Z′ − Ẑ′)/|Z| and Δ″ = (Z″ − Ẑ″)/|Z| in percent against frequency,
 * with an optional ±band (the Lin-KK threshold).
 */
export function residualPlot(frequency: ArrayLike<number>, dRe: ArrayLike<number>, dIm: ArrayLike<number>, width: number, opts: { band?: number; className?: string } = {}): PlotElement {
  const rows: { f: number; v: number; part: string }[] = [];
  for (let i = 0; i < frequency.length; i++) {
    if (Number.isFinite(dRe[i]!)) rows.push({ f: frequency[i]!, v: 100 * dRe[i]!, part: 'Δ′ (real)' });
    if (Number.isFinite(dIm[i]!)) rows.push({ f: frequency[i]!, v: 100 * dIm[i]!, part: 'Δ″ (imaginary)' });
  }
  const m = Math.max(opts.band ? 100 * opts.band * 1.3 : 0.5, ...rows.map((r) => Math.abs(r.v))) * 1.08;
  return plot({
    width,
    height: 220,
    marginTop: 26,
    x: logAxis('frequency f (Hz)'),
    y: { label: 'residual (% of |Z|)', domain: [-m, m], nice: false },
    color: { domain: ['Δ′ (real)', 'Δ″ (imaginary)'], range: [DATA, IMAG], legend: false },
    marks: [
      ...(opts.band ? [Plot.rect([{ x1: Math.min(...Array.from(frequency)), x2: Math.max(...Array.from(frequency)), y1: -100 * opts.band, y2: 100 * opts.band }], { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: '#e3f1ea' })] : []),
      Plot.ruleY([0], { stroke: INK, strokeOpacity: 0.4 }),
      Plot.line(rows, { x: 'f', y: 'v', z: 'part', stroke: 'part', strokeWidth: 1, strokeOpacity: 0.6 }),
      Plot.dot(rows, { x: 'f', y: 'v', stroke: 'part', fill: 'part', r: 2, className: opts.className }),
      ...keyLabels(['Δ′ real', 'Δ″ imaginary'], [DATA, IMAG]),
    ],
  });
}

/** γ(ln τ) against τ (log axis), with the peaks marked. */
export function drtPlot(tau: ArrayLike<number>, gamma: ArrayLike<number>, peaks: { tau: number; gamma?: number }[], width: number): PlotElement {
  const { factor, unit } = ohmScale(finiteMax(gamma));
  const rows = Array.from(tau, (t, i) => ({ t, g: gamma[i]! * factor }));
  return plot({
    width,
    height: 240,
    x: logAxis('relaxation time τ (s)'),
    y: { label: `γ(ln τ) (${unit})` },
    marks: [
      Plot.ruleY([0], { stroke: INK, strokeOpacity: 0.4 }),
      Plot.areaY(rows, { x: 't', y: 'g', fill: DATA, fillOpacity: 0.12 }),
      Plot.line(rows, { x: 't', y: 'g', stroke: DATA, strokeWidth: 1.8, className: 'drt-curve' }),
      Plot.ruleX(peaks.map((p) => p.tau), { stroke: FIT, strokeDasharray: '3 3', strokeOpacity: 0.8 }),
    ],
  });
}

/** Partial g(r) curves, one colour per pair. */
export function rdfPlot(r: ArrayLike<number>, partials: { label: string; g: ArrayLike<number> }[], width: number, cutoffs: { label: string; rc: number }[] = []): PlotElement {
  const rows: { r: number; g: number; pair: string }[] = [];
  for (const p of partials) for (let i = 0; i < r.length; i++) rows.push({ r: r[i]!, g: p.g[i]!, pair: p.label });
  const labels = partials.map((p) => p.label);
  return plot({
    width,
    height: 300,
    marginTop: 26,
    x: { label: 'r (Å)', domain: [0, Math.max(...Array.from(r))] },
    y: { label: 'g(r)' },
    color: { domain: labels, range: labels.map((_, i) => PALETTE[i % PALETTE.length]) },
    marks: [
      Plot.ruleY([1], { stroke: INK, strokeOpacity: 0.35, strokeDasharray: '3 3' }),
      Plot.ruleX(cutoffs, { x: 'rc', stroke: '#777', strokeDasharray: '2 3' }),
      Plot.line(rows, { x: 'r', y: 'g', z: 'pair', stroke: 'pair', strokeWidth: 1.4, className: 'rdf-curve' }),
      ...keyLabels(labels, labels.map((_, i) => PALETTE[i % PALETTE.length]!)),
    ],
  });
}

/** Voltage against capacity for every half cycle, coloured from the first cycle (dark) to the last. */
export function profilePlot(profiles: { cycle: number; direction: string; capacity: ArrayLike<number>; voltage: ArrayLike<number> }[], unit: string, width: number): PlotElement {
  const last = Math.max(1, ...profiles.map((p) => p.cycle));
  const rows: { q: number; v: number; key: string; cycle: number }[] = [];
  for (const p of profiles) for (let i = 0; i < p.capacity.length; i++) rows.push({ q: p.capacity[i]!, v: p.voltage[i]!, key: `${p.cycle}${p.direction}`, cycle: p.cycle });
  const shown = [...new Set(profiles.map((p) => p.cycle))];
  const keyCycles = shown.length <= 6 ? shown : [shown[0]!, shown[Math.floor(shown.length / 2)]!, shown[shown.length - 1]!];
  return plot({
    width,
    height: 320,
    marginTop: 26,
    x: { label: `capacity Q (${unit})` },
    y: { label: 'voltage E (V)' },
    marks: [
      Plot.line(rows, { x: 'q', y: 'v', z: 'key', stroke: (d: { cycle: number }) => rampColor(last > 1 ? (d.cycle - 1) / (last - 1) : 0), strokeWidth: 1.3, className: 'profile-curve' }),
      ...keyLabels(keyCycles.map((c) => `cycle ${c}`), keyCycles.map((c) => rampColor(last > 1 ? (c - 1) / (last - 1) : 0))),
    ],
  });
}

/** log10 σ against 1000/T with the fitted Arrhenius lines, one colour per sample. */
export function arrheniusPlot(series: { label: string; points: { T: number; sigma: number }[]; line?: (T: number) => number }[], width: number): PlotElement {
  const dots: { x: number; y: number; s: string }[] = [];
  const lines: { x: number; y: number; s: string }[] = [];
  for (const se of series) {
    for (const p of se.points) dots.push({ x: 1000 / p.T, y: p.sigma * 1000, s: se.label });
    if (se.line && se.points.length) {
      const Ts = se.points.map((p) => p.T);
      const lo = Math.min(...Ts) - 5;
      const hi = Math.max(...Ts) + 5;
      for (let k = 0; k <= 20; k++) {
        const T = lo + ((hi - lo) * k) / 20;
        lines.push({ x: 1000 / T, y: se.line(T) * 1000, s: se.label });
      }
    }
  }
  const labels = series.map((s) => s.label);
  const colors = labels.map((_, i) => PALETTE[i % PALETTE.length]!);
  return plot({
    width,
    height: 340,
    marginTop: 26,
    x: { label: '1000/T (1/K)' },
    y: logAxis('ionic conductivity σ (mS/cm)'),
    color: { domain: labels, range: colors },
    marks: [
      Plot.line(lines, { x: 'x', y: 'y', z: 's', stroke: 's', strokeWidth: 1.3, strokeOpacity: 0.85 }),
      Plot.dot(dots, { x: 'x', y: 'y', stroke: 's', fill: 's', r: 3.2, className: 'arrhenius-points' }),
      ...keyLabels(labels, colors),
    ],
  });
}

/** dQ/dV against voltage per half cycle (discharge drawn negative), coloured by cycle. */
export function dqdvPlot(curves: { cycle: number; direction: string; voltage: ArrayLike<number>; dqdv: ArrayLike<number> }[], unit: string, width: number): PlotElement {
  const last = Math.max(1, ...curves.map((p) => p.cycle));
  const rows: { v: number; d: number; key: string; cycle: number }[] = [];
  for (const c of curves) for (let i = 0; i < c.voltage.length; i++) if (Number.isFinite(c.dqdv[i]!)) rows.push({ v: c.voltage[i]!, d: c.dqdv[i]!, key: `${c.cycle}${c.direction}`, cycle: c.cycle });
  return plot({
    width,
    height: 320,
    x: { label: 'voltage E (V)' },
    y: { label: `dQ/dV (${unit}/V)` },
    marks: [
      Plot.ruleY([0], { stroke: INK, strokeOpacity: 0.4 }),
      Plot.line(rows, { x: 'v', y: 'd', z: 'key', stroke: (d: { cycle: number }) => rampColor(last > 1 ? (d.cycle - 1) / (last - 1) : 0), strokeWidth: 1.2, className: 'dqdv-curve' }),
    ],
  });
}

/** A two-column pattern (diffractogram, sweep …) as a line, with the file's own axis labels. */
export function xyPlot(x: ArrayLike<number>, y: ArrayLike<number>, xLabel: string, yLabel: string, width: number): PlotElement {
  const rows: { x: number; y: number }[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]!) && Number.isFinite(y[i]!)) rows.push({ x: x[i]!, y: y[i]! });
  return plot({
    width,
    height: 380,
    x: { label: xLabel },
    y: { label: yLabel },
    marks: [Plot.line(rows, { x: 'x', y: 'y', stroke: DATA, strokeWidth: 1.1, className: 'xy-curve' })],
  });
}
