/** Local-structure figures: partial g(r), polyhedra populations, X-ray PDF G(r). */
import * as Plot from '@observablehq/plot';
import { figure, rows, type Figure, type Numbers } from './figure.js';
import { INK, legend, seriesColor, themed } from './theme.js';

export interface RdfData {
  /** Å, bin centres */
  r: Numbers;
  /** pair "A-B" → g(r) (dimensionless) */
  pairs: Record<string, { g: Numbers }>;
}

export function rdfFigure(d: RdfData, opts: { id?: string; title?: string } = {}): Figure {
  const names = Object.keys(d.pairs);
  const marks = names.map((n, i) => Plot.line(rows(d.r, d.pairs[n]!.g), { x: 'x', y: 'y', stroke: seriesColor(i), strokeWidth: 1.5 }));
  const spec = themed({
    x: { label: 'r (Å)', domain: [0, Math.max(...Array.from(d.r))], nice: false },
    y: { label: 'g(r)', zero: true },
    marks: [Plot.ruleY([1], { stroke: INK, strokeOpacity: 0.35, strokeDasharray: '3 3' }), ...marks, ...legend(names.map((n, i) => ({ label: n.replace('-', '–'), color: seriesColor(i), symbol: 'line' as const })), 'top-right')],
  });
  return figure(opts.id ?? 'rdf', opts.title ?? 'Partial radial distribution functions', 'Partial g(r) averaged over frames: g_AB = V·n_AB/(N_A·N_B·shell volume), exact shell volumes.', spec);
}

export interface PolyhedraSample {
  label: string;
  polyhedra: Array<{ label: string; fraction: number }>;
}

/** Subscript digits in polyhedron labels (HfO2Cl4 → HfO₂Cl₄). */
export function chemLabel(s: string): string {
  return s.replace(/(\d+)/g, (m) => m.replace(/./g, (c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)]!));
}

export function polyhedraFigure(samples: PolyhedraSample[], opts: { id?: string; title?: string } = {}): Figure {
  const data = samples.flatMap((s, i) => s.polyhedra.map((p) => ({ sample: s.label, i, poly: chemLabel(p.label), pct: 100 * p.fraction })));
  const order = [...new Set(data.sort((a, b) => b.pct - a.pct).map((d) => d.poly))];
  const multi = samples.length > 1;
  const labels = multi ? legend(samples.map((s, i) => ({ label: s.label, color: seriesColor(i), symbol: 'dot' as const })), 'top-right', true) : [];
  const top = 1.15 * Math.max(1, ...data.map((d) => d.pct));
  const fill = (d: { i: number }) => seriesColor(d.i);
  const rotate = !multi && order.length > 6;
  const spec = themed(
    {
      marginBottom: rotate ? 76 : 56,
      ...(multi
        ? {
            fx: { domain: order, label: 'Polyhedron', axis: 'bottom', padding: 0.15, labelAnchor: 'center', labelOffset: 48 },
            x: { type: 'band', axis: null, domain: samples.map((s) => s.label), padding: 0.1 },
          }
        : { x: { type: 'band', label: 'Polyhedron', domain: order, padding: 0.25, labelOffset: rotate ? 68 : 48, tickRotate: rotate ? -30 : 0 } }),
      y: { label: 'Population (%)', domain: [0, top], grid: true },
      marks: [
        Plot.barY(data, multi ? { fx: 'poly', x: 'sample', y: 'pct', fill } : { x: 'poly', y: 'pct', fill }),
        Plot.text(data, multi ? { fx: 'poly', x: 'sample', y: 'pct', text: (d: { pct: number }) => d.pct.toFixed(0), dy: -8, fill: INK, fontSize: 10 } : { x: 'poly', y: 'pct', text: (d: { pct: number }) => d.pct.toFixed(0), dy: -8, fill: INK }),
        ...labels,
      ],
    },
    { grid: false },
  );
  return figure(opts.id ?? 'polyhedra', opts.title ?? 'Polyhedra populations', 'Fraction of metal centres by coordination polyhedron (ligands within the stated cutoffs).', spec);
}

export interface PdfSeries {
  label: string;
  /** Å */
  r: Numbers;
  /** Å⁻² */
  G: Numbers;
}

export function pdfFigure(series: PdfSeries[], opts: { id?: string; title?: string } = {}): Figure {
  const marks = series.map((s, i) => Plot.line(rows(s.r, s.G), { x: 'x', y: 'y', stroke: seriesColor(i), strokeWidth: 1.5 }));
  const spec = themed({
    x: { label: 'r (Å)' },
    y: { label: 'G(r) (Å⁻²)' },
    marks: [Plot.ruleY([0], { stroke: INK, strokeOpacity: 0.4 }), ...marks, ...legend(series.map((s, i) => ({ label: s.label, color: seriesColor(i), symbol: 'line' as const })), 'top-right')],
  });
  return figure(opts.id ?? 'pdf', opts.title ?? 'X-ray pair distribution function', 'Reduced PDF G(r) = 4πrρ₀[g_X(r) − 1] with Faber–Ziman X-ray weights (f(0) = Z).', spec);
}
