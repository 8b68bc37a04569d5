/**
 * Distribution of relaxation times: γ(ln τ) curves against τ (log), and a τ × state map where
 * each row is one spectrum of an in-situ series (state of charge, cycle …) coloured by γ.
 */
import * as Plot from '@observablehq/plot';
import { figure, rows, type Figure, type Numbers } from './figure.js';
import { legend, logAxis, seriesColor, themed } from './theme.js';

export interface DrtCurve {
  label: string;
  /** s */
  tau: Numbers;
  /** Ω (γ(ln τ), so ∫γ d ln τ is the polarisation resistance) */
  gamma: Numbers;
  /** peak positions to mark, s */
  peaks?: number[];
}

export function drtFigure(curves: DrtCurve[], opts: { id?: string; title?: string } = {}): Figure {
  const marks: unknown[] = [];
  curves.forEach((c, i) => {
    const color = seriesColor(i);
    const pts = rows(c.tau, c.gamma);
    marks.push(Plot.areaY(pts, { x: 'x', y: 'y', fill: color, fillOpacity: 0.08 }));
    marks.push(Plot.line(pts, { x: 'x', y: 'y', stroke: color, strokeWidth: 1.6 }));
    if (c.peaks?.length) {
      const peakPts = c.peaks.map((t) => {
        let best = pts[0];
        for (const p of pts) if (best && Math.abs(Math.log(p.x / t)) < Math.abs(Math.log(best.x / t))) best = p;
        return best ?? { x: t, y: 0 };
      });
      marks.push(Plot.dot(peakPts, { x: 'x', y: 'y', symbol: 'triangle', r: 4, fill: color }));
    }
  });
  const spec = themed({
    x: logAxis('τ (s)'),
    y: { label: 'γ (Ω)', zero: true },
    marks: [...marks, ...legend(curves.map((c, i) => ({ label: c.label, color: seriesColor(i), symbol: 'line' as const })), 'top-left')],
  });
  return figure(opts.id ?? 'drt', opts.title ?? 'Distribution of relaxation times', 'DRT γ(ln τ) (Tikhonov-regularised, non-negative); the area under a peak is its resistance. Triangles mark the detected peaks.', spec);
}

export interface DrtMapRow {
  /** label of the state (e.g. "C1 3.2 V") */
  state: string;
  tau: Numbers;
  gamma: Numbers;
}

/** τ × state map: rows in the given order, colour = γ normalised to the largest value of the map. */
export function drtMapFigure(rowsIn: DrtMapRow[], opts: { id?: string; title?: string } = {}): Figure {
  const cells: Array<{ x1: number; x2: number; state: string; g: number }> = [];
  // Colour scale: the largest γ away from the ends of the τ window (0.5 decade), so a process
  // truncated at the window edge (e.g. a blocking-electrode spur) saturates instead of washing
  // out the interior peaks.
  let gmax = 0;
  let gAll = 0;
  for (const r of rowsIn) {
    const lo = Math.log10(r.tau[0]!) + 0.5;
    const hi = Math.log10(r.tau[r.tau.length - 1]!) - 0.5;
    for (let i = 0; i < r.gamma.length; i++) {
      gAll = Math.max(gAll, r.gamma[i]!);
      const lt = Math.log10(r.tau[i]!);
      if (lt >= lo && lt <= hi) gmax = Math.max(gmax, r.gamma[i]!);
    }
  }
  if (!(gmax > 0)) gmax = gAll;
  for (const r of rowsIn) {
    const n = Math.min(r.tau.length, r.gamma.length);
    for (let i = 0; i < n; i++) {
      const t = r.tau[i]!;
      const lo = i > 0 ? Math.sqrt(t * r.tau[i - 1]!) : t / Math.sqrt(r.tau[1]! / t);
      const hi = i < n - 1 ? Math.sqrt(t * r.tau[i + 1]!) : t * Math.sqrt(t / r.tau[i - 1]!);
      cells.push({ x1: Math.min(lo, hi), x2: Math.max(lo, hi), state: r.state, g: gmax > 0 ? Math.min(1, r.gamma[i]! / gmax) : 0 });
    }
  }
  const x1 = Math.min(...cells.map((c) => c.x1));
  const x2 = Math.max(...cells.map((c) => c.x2));
  const spec = themed(
    {
      height: Math.max(220, 60 + 26 * rowsIn.length),
      marginLeft: 110,
      x: logAxis('τ (s)', cells.length ? { domain: [x1, x2], nice: false } : {}),
      y: { type: 'band', domain: rowsIn.map((r) => r.state), label: 'State', labelOffset: 100, padding: 0.04 },
      color: { type: 'linear', scheme: 'viridis', domain: [0, 1] },
      marks: [Plot.rect(cells, { x1: 'x1', x2: 'x2', y: 'state', fill: 'g', inset: 0, shapeRendering: 'crispEdges' })],
    },
    { grid: false },
  );
  return figure(opts.id ?? 'drt-map', opts.title ?? 'DRT τ × state map', 'DRT of each spectrum of the series as one row; colour is γ normalised to the largest value away from the ends of the τ window (dark = 0, yellow = that maximum; processes truncated at the window edge saturate).', spec);
}
