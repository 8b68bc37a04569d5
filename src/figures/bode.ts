/** Bode plot: |Z| (log) and −phase against frequency (log), measured points and fitted lines. */
import * as Plot from '@observablehq/plot';
import { maxAbs, rows, scaleUnit, stackVertical, type Figure } from './figure.js';
import type { ImpedanceSeries } from './nyquist.js';
import { plotToSvg } from './render.js';
import { legend, logAxis, seriesColor, themed } from './theme.js';

function modulus(re: ArrayLike<number>, im: ArrayLike<number>, f: number): number[] {
  return Array.from({ length: re.length }, (_, i) => Math.hypot(re[i]!, im[i]!) * f);
}
function negPhaseDeg(re: ArrayLike<number>, im: ArrayLike<number>): number[] {
  return Array.from({ length: re.length }, (_, i) => (-Math.atan2(im[i]!, re[i]!) * 180) / Math.PI);
}

export function bodeFigure(series: ImpedanceSeries[], opts: { id?: string; title?: string; unit?: string } = {}): Figure {
  const unit = opts.unit ?? 'Ω';
  const sc = scaleUnit(maxAbs(...series.flatMap((s) => [s.real, s.imag])), unit);
  const top: unknown[] = [];
  const bottom: unknown[] = [];
  series.forEach((s, i) => {
    const color = seriesColor(i);
    top.push(Plot.dot(rows(s.frequency, modulus(s.real, s.imag, sc.factor)), { x: 'x', y: 'y', r: 2.5, stroke: color, fill: 'white' }));
    bottom.push(Plot.dot(rows(s.frequency, negPhaseDeg(s.real, s.imag)), { x: 'x', y: 'y', r: 2.5, stroke: color, fill: 'white' }));
    if (s.fit) {
      const f = s.fit.frequency ?? s.frequency;
      top.push(Plot.line(rows(f, modulus(s.fit.real, s.fit.imag, sc.factor)), { x: 'x', y: 'y', stroke: color, strokeWidth: 1.6 }));
      bottom.push(Plot.line(rows(f, negPhaseDeg(s.fit.real, s.fit.imag)), { x: 'x', y: 'y', stroke: color, strokeWidth: 1.6 }));
    }
  });
  const entries = series.map((s, i) => ({ label: s.label, color: seriesColor(i), symbol: (s.fit ? 'both' : 'dot') as 'both' | 'dot' }));
  const upper = plotToSvg(
    themed({ height: 260, marginBottom: 30, x: logAxis('', { tickFormat: () => '' }), y: logAxis(`|Z| (${sc.unit})`), marks: [...top, ...legend(entries, 'top-right')] }),
  );
  const lower = plotToSvg(themed({ height: 250, marginTop: 6, x: logAxis('Frequency (Hz)'), y: { label: '−phase (°)' }, marks: bottom }));
  return {
    id: opts.id ?? 'bode',
    title: opts.title ?? 'Bode plot',
    caption: 'Bode plot: modulus |Z| and −phase (degrees, positive for capacitive behaviour) against frequency; points measured, lines fitted.',
    svg: stackVertical([upper, lower]),
  };
}
