/**
 * Nyquist plot: −Z″ against Z′ on equal scales (a semicircle must look like one), measured
 * points as open circles, the fitted model as a line of the same colour.
 */
import * as Plot from '@observablehq/plot';
import { figure, maxAbs, rows, scaleUnit, type Figure, type Numbers } from './figure.js';
import { INK, legend, seriesColor, themed } from './theme.js';

export interface ImpedanceSeries {
  label: string;
  /** Hz (used by the Bode plot) */
  frequency: Numbers;
  /** Z′ in `unit` */
  real: Numbers;
  /** Z″ as measured, negative for capacitive behaviour, in `unit` */
  imag: Numbers;
  fit?: { frequency?: Numbers; real: Numbers; imag: Numbers };
}

export interface NyquistOptions {
  id?: string;
  title?: string;
  /** unit of the impedance values: 'Ω' (default) or 'Ω·cm' for geometry-normalised spectra */
  unit?: string;
  /** zoom: the largest Z′ shown (in `unit`), e.g. 1.3 × the total resistance to keep a blocking spur from dwarfing the arcs */
  maxReal?: number;
}

export function nyquistFigure(series: ImpedanceSeries[], opts: NyquistOptions = {}): Figure {
  const unit = opts.unit ?? 'Ω';
  const all = series.flatMap((s) => [s.real, s.imag, ...(s.fit ? [s.fit.real, s.fit.imag] : [])]);
  const sc = scaleUnit(opts.maxReal ?? maxAbs(...all), unit);
  const marks: unknown[] = [];
  let xmin = Infinity;
  let xmax = -Infinity;
  let ymin = 0;
  let ymax = -Infinity;
  series.forEach((s, i) => {
    const color = seriesColor(i);
    const pts = rows(s.real, s.imag, {}, (re, im) => [re * sc.factor, -im * sc.factor]);
    for (const p of pts) {
      if (opts.maxReal !== undefined && p.x > opts.maxReal * sc.factor) continue;
      xmin = Math.min(xmin, p.x);
      xmax = Math.max(xmax, p.x);
      ymin = Math.min(ymin, p.y);
      ymax = Math.max(ymax, p.y);
    }
    marks.push(Plot.dot(pts, { x: 'x', y: 'y', r: 2.8, stroke: color, strokeWidth: 1.2, fill: 'white', clip: true }));
    if (s.fit) marks.push(Plot.line(rows(s.fit.real, s.fit.imag, {}, (re, im) => [re * sc.factor, -im * sc.factor]), { x: 'x', y: 'y', stroke: color, strokeWidth: 1.8, clip: true }));
  });
  if (!Number.isFinite(xmin)) {
    xmin = 0;
    xmax = 1;
    ymax = 1;
  }
  // Equal aspect: the same span on both axes and a square frame.
  xmin = Math.min(xmin, 0);
  // Zoomed: the span is set by Z′ alone and a steep blocking spur is clipped at the top.
  const span = opts.maxReal !== undefined ? Math.min(opts.maxReal * sc.factor, 1.05 * Math.max(xmax, ymax)) - xmin : 1.05 * Math.max(xmax - xmin, ymax - ymin);
  const x0 = xmin;
  const y0 = Math.min(ymin, 0);
  const hasFit = series.some((s) => s.fit);
  const entries = series.map((s, i) => ({ label: s.label, color: seriesColor(i), symbol: (hasFit ? 'both' : 'dot') as 'both' | 'dot' }));
  const spec = themed({
    width: 480,
    height: 480 - 70 - 18 + 16 + 46, // plot area square: width − left − right = height − top − bottom
    x: { label: `Z′ (${sc.unit})`, domain: [x0, x0 + span], nice: false },
    y: { label: `−Z″ (${sc.unit})`, domain: [y0, y0 + span], nice: false },
    marks: [Plot.ruleY([0], { stroke: INK, strokeOpacity: 0.4 }), ...marks, ...legend(entries, 'top-left')],
  });
  const caption = `Nyquist plot on equal axes; points measured, lines ${hasFit ? 'the fitted equivalent circuit' : '—'}. −Z″ is plotted upwards (capacitive arcs above the axis).`;
  return figure(opts.id ?? 'nyquist', opts.title ?? 'Nyquist plot', caption, spec);
}
