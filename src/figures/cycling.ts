/** Cell-test figures: voltage profiles by cycle, capacity and coulombic efficiency against cycle, rate capability. */
import * as Plot from '@observablehq/plot';
import { figure, rows, stackVertical, type Figure, type Numbers } from './figure.js';
import { plotToSvg } from './render.js';
import { legend, rampColor, seriesColor, themed } from './theme.js';

export interface VoltageProfile {
  cycle: number;
  half: 'charge' | 'discharge';
  /** in `capacityUnit` */
  capacity: Numbers;
  /** V */
  voltage: Numbers;
}

export function voltageProfilesFigure(profiles: VoltageProfile[], opts: { id?: string; title?: string; capacityUnit?: string } = {}): Figure {
  const cycles = [...new Set(profiles.map((p) => p.cycle))].sort((a, b) => a - b);
  const color = (c: number) => rampColor(cycles.length > 1 ? cycles.indexOf(c) / (cycles.length - 1) : 0);
  const marks = profiles.map((p) => Plot.line(rows(p.capacity, p.voltage), { x: 'x', y: 'y', stroke: color(p.cycle), strokeWidth: 1.5, strokeDasharray: p.half === 'charge' ? undefined : undefined }));
  const shown = cycles.length <= 6 ? cycles : [cycles[0]!, cycles[Math.floor(cycles.length / 3)]!, cycles[Math.floor((2 * cycles.length) / 3)]!, cycles[cycles.length - 1]!];
  const spec = themed({
    marginRight: 100,
    x: { label: `Capacity (${opts.capacityUnit ?? 'mAh g⁻¹'})` },
    y: { label: 'Voltage (V)' },
    marks: [...marks, ...legend(shown.map((c) => ({ label: `cycle ${c}`, color: color(c), symbol: 'line' as const })), 'outside-right')],
  });
  return figure(opts.id ?? 'voltage-profiles', opts.title ?? 'Voltage profiles', 'Charge and discharge voltage against capacity for selected cycles (colour from first, dark, to last, light).', spec);
}

export interface CycleSummaryPoint {
  cycle: number;
  charge: number;
  discharge: number;
  /** fraction (discharge/charge) */
  coulombicEfficiency: number;
}

export function capacityFigure(cycles: CycleSummaryPoint[], opts: { id?: string; title?: string; capacityUnit?: string } = {}): Figure {
  const unit = opts.capacityUnit ?? 'mAh g⁻¹';
  const upper = plotToSvg(
    themed({
      height: 280,
      marginBottom: 30,
      x: { label: '', tickFormat: () => '', inset: 10 },
      y: { label: `Capacity (${unit})`, zero: true, insetTop: 8 },
      marks: [
        Plot.dot(cycles, { x: 'cycle', y: 'charge', r: 2.4, stroke: seriesColor(1), fill: 'white' }),
        Plot.dot(cycles, { x: 'cycle', y: 'discharge', r: 2.4, fill: seriesColor(0) }),
        ...legend(
          [
            { label: 'charge', color: seriesColor(1), symbol: 'dot' },
            { label: 'discharge', color: seriesColor(0), symbol: 'dot', filled: true },
          ],
          'bottom-left',
        ),
      ],
    }),
  );
  const lower = plotToSvg(
    themed({
      height: 200,
      marginTop: 6,
      x: { label: 'Cycle', inset: 10 },
      y: { label: 'CE (%)', inset: 8 },
      marks: [Plot.ruleY([100], { stroke: '#999', strokeDasharray: '3 3' }), Plot.dot(cycles, { x: 'cycle', y: (d: CycleSummaryPoint) => 100 * d.coulombicEfficiency, r: 2.2, fill: seriesColor(2) })],
    }),
  );
  return { id: opts.id ?? 'capacity-ce', title: opts.title ?? 'Capacity and coulombic efficiency', caption: 'Charge and discharge capacity per cycle (top) and coulombic efficiency = discharge/charge of the same cycle (bottom, cathode-first cell).', svg: stackVertical([upper, lower]) };
}

export interface RateStep {
  /** C-rate, e.g. 0.1 */
  cRate: number;
  cycles: number[];
  /** discharge capacity of each cycle, in `capacityUnit` */
  discharge: number[];
}

export function rateFigure(steps: RateStep[], opts: { id?: string; title?: string; capacityUnit?: string } = {}): Figure {
  const rates = [...new Set(steps.map((s) => s.cRate))].sort((a, b) => a - b);
  const marks: unknown[] = [];
  steps.forEach((s) => {
    const i = rates.indexOf(s.cRate);
    const pts = s.cycles.map((c, k) => ({ x: c, y: s.discharge[k]! }));
    marks.push(Plot.dot(pts, { x: 'x', y: 'y', r: 3.5, fill: seriesColor(i) }));
    const mid = pts[Math.floor(pts.length / 2)];
    if (mid) marks.push(Plot.text([mid], { x: 'x', y: 'y', text: () => `${s.cRate} C`, dy: -14, fill: seriesColor(i), stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' }));
  });
  const spec = themed({ x: { label: 'Cycle', inset: 10 }, y: { insetTop: 22, label: `Discharge capacity (${opts.capacityUnit ?? 'mAh g⁻¹'})`, zero: true }, marks });
  return figure(opts.id ?? 'rate-capability', opts.title ?? 'Rate capability', 'Discharge capacity per cycle, grouped and coloured by C-rate (1C as stated in the study).', spec);
}

export interface GittPoint {
  /** state variable on the x axis (V, or x in NaₓM…) */
  state: number;
  /** cm²/s */
  diffusionCoefficient: number;
}

export function gittFigure(points: GittPoint[], opts: { id?: string; title?: string; stateLabel?: string } = {}): Figure {
  const pts = points.filter((p) => p.diffusionCoefficient > 0);
  const spec = themed({
    x: { label: opts.stateLabel ?? 'Voltage (V)' },
    y: { type: 'log', label: 'Apparent D (cm² s⁻¹)', tickFormat: (v: number) => (Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 ? `10${String(Math.round(Math.log10(v))).replace(/./g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)] ?? c)}` : '') },
    marks: [Plot.line(pts, { x: 'state', y: 'diffusionCoefficient', stroke: seriesColor(0), strokeOpacity: 0.5 }), Plot.dot(pts, { x: 'state', y: 'diffusionCoefficient', r: 3.2, fill: seriesColor(0) })],
  });
  return figure(opts.id ?? 'gitt', opts.title ?? 'GITT diffusion coefficient', 'Apparent Na⁺ chemical diffusion coefficient from GITT (Weppner–Huggins, IR drop excluded) against the state of the cell.', spec);
}
