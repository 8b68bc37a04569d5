/**
 * Arrhenius plot: σ (log) against 1000/T, one colour per sample, the fitted line and its
 * activation energy written beside it. The line follows the fitted form: σT = σ0·exp(−Ea/kBT)
 * (default) or σ = σ0·exp(−Ea/kBT).
 */
import * as Plot from '@observablehq/plot';
import { BOLTZMANN_EV_PER_K } from '../core/constants.js';
import type { Quantity } from '../core/quantity.js';
import { celsiusToKelvin, kelvinToCelsius } from '../core/units.js';
import { figure, type Figure, type Numbers } from './figure.js';
import { formatQuantity } from './format.js';
import { legend, logAxis, plainTick, seriesColor, themed } from './theme.js';


export interface ArrheniusSeries {
  label: string;
  /** K */
  temperature: Numbers;
  /** S/cm */
  conductivity: Numbers;
  activationEnergy?: Quantity;
  /** S·K/cm for the σT form, S/cm for the σ form */
  prefactor?: Quantity;
  form?: 'sigmaT' | 'sigma';
}

export function arrheniusFigure(series: ArrheniusSeries[], opts: { id?: string; title?: string } = {}): Figure {
  const marks: unknown[] = [];
  series.forEach((s, i) => {
    const color = seriesColor(i);
    const pts = Array.from({ length: s.temperature.length }, (_, k) => ({ x: 1000 / s.temperature[k]!, y: s.conductivity[k]! })).filter((p) => p.y > 0 && Number.isFinite(p.x));
    marks.push(Plot.dot(pts, { x: 'x', y: 'y', r: 3.5, stroke: color, fill: 'white', strokeWidth: 1.5 }));
    const ea = s.activationEnergy?.value;
    const a = s.prefactor?.value;
    if (ea !== undefined && a !== undefined && pts.length > 0) {
      const xs = pts.map((p) => p.x);
      const lo = Math.min(...xs);
      const hi = Math.max(...xs);
      const pad = 0.04 * (hi - lo || 1);
      const line = Array.from({ length: 40 }, (_, k) => {
        const x = lo - pad + ((hi - lo + 2 * pad) * k) / 39;
        const T = 1000 / x;
        const sigma = (s.form ?? 'sigmaT') === 'sigmaT' ? (a / T) * Math.exp(-ea / (BOLTZMANN_EV_PER_K * T)) : a * Math.exp(-ea / (BOLTZMANN_EV_PER_K * T));
        return { x, y: sigma };
      });
      marks.push(Plot.line(line, { x: 'x', y: 'y', stroke: color, strokeWidth: 1.6 }));
    }
  });
  // Secondary top axis in °C at round temperatures inside the data range (1000/T positions).
  const temps = series.flatMap((s) => Array.from(s.temperature));
  const tc = temps.length ? [kelvinToCelsius(Math.min(...temps)), kelvinToCelsius(Math.max(...temps))] : [0, 0];
  const stepC = tc[1]! - tc[0]! > 150 ? 50 : tc[1]! - tc[0]! > 60 ? 20 : 10;
  const topTicks: number[] = [];
  for (let c = Math.ceil(tc[0]! / stepC) * stepC; c <= tc[1]! + 1e-9; c += stepC) topTicks.push(1000 / celsiusToKelvin(c));
  const entries = series.map((s, i) => ({ label: s.activationEnergy ? `${s.label}: Ea = ${formatQuantity(s.activationEnergy)}` : s.label, color: seriesColor(i), symbol: 'both' as const }));
  const spec = themed({
    marginTop: 44,
    x: { label: '1000/T (K⁻¹)' },
    y: logAxis('σ (S cm⁻¹)'),
    marks: [
      ...marks,
      ...legend(entries, 'bottom-left'),
      // an explicit axis mark replaces Plot's implicit one, so the bottom axis is drawn here too
      Plot.axisX({ anchor: 'bottom', label: '1000/T (K⁻¹)', labelAnchor: 'center', labelArrow: 'none', labelOffset: 38, tickSize: 4, tickFormat: plainTick }),
      ...(topTicks.length >= 2 ? [Plot.axisX(topTicks, { anchor: 'top', tickFormat: (v: number) => `${Math.round(kelvinToCelsius(1000 / v))}`, label: 'T (°C)', labelAnchor: 'center', labelArrow: 'none', labelOffset: 32, tickSize: 4 })] : []),
    ],
  });
  return figure(
    opts.id ?? 'arrhenius',
    opts.title ?? 'Arrhenius plot',
    'Ionic conductivity against inverse temperature; lines are Arrhenius fits (σT = σ0·exp(−Ea/kBT) unless stated), the legend gives the activation energy ± one standard error.',
    spec,
  );
}
