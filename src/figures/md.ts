/** MD run trace: instantaneous and target temperature (top) and potential energy per atom (bottom) against time. */
import * as Plot from '@observablehq/plot';
import { rows, stackVertical, type Figure, type Numbers } from './figure.js';
import { plotToSvg } from './render.js';
import { INK, legend, seriesColor, themed } from './theme.js';

export interface MdTrace {
  /** ps */
  timePs: Numbers;
  /** K */
  temperatureK: Numbers;
  /** K, null where the stage has no target (NVE) */
  targetK: Array<number | null>;
  /** eV per atom */
  potentialEnergyPerAtomEv: Numbers;
}

export function mdTraceFigure(d: MdTrace, opts: { id?: string; title?: string } = {}): Figure {
  const target = rows(d.timePs, d.targetK.map((v) => (v === null ? Number.NaN : v)));
  const upper = plotToSvg(
    themed({
      height: 260,
      marginBottom: 30,
      x: { label: '', tickFormat: () => '' },
      y: { label: 'Temperature (K)' },
      marks: [
        Plot.line(rows(d.timePs, d.temperatureK), { x: 'x', y: 'y', stroke: seriesColor(0), strokeWidth: 1.1 }),
        Plot.line(target, { x: 'x', y: 'y', stroke: INK, strokeWidth: 1.4, strokeDasharray: '5 4' }),
        ...legend(
          [
            { label: 'instantaneous', color: seriesColor(0), symbol: 'line' },
            { label: 'thermostat target', color: INK, symbol: 'line', dashed: true },
          ],
          'top-right',
        ),
      ],
    }),
  );
  const lower = plotToSvg(themed({ height: 220, marginTop: 6, x: { label: 'Time (ps)' }, y: { label: 'Potential energy (eV/atom)' }, marks: [Plot.line(rows(d.timePs, d.potentialEnergyPerAtomEv), { x: 'x', y: 'y', stroke: seriesColor(1), strokeWidth: 1.3 })] }));
  return {
    id: opts.id ?? 'md-trace',
    title: opts.title ?? 'Melt-quench trace',
    caption: 'Instantaneous kinetic temperature with the thermostat target (melt, quench ramp, equilibration) and potential energy per atom against simulation time.',
    svg: stackVertical([upper, lower]),
  };
}
