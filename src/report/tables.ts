/** The number tables of each analysis, with uncertainties (value ± one standard error). */
import type { Quantity } from '../core/quantity.js';
import { formatNumber, formatScaled } from '../figures/format.js';
import { kelvinToCelsius } from '../core/units.js';
import type { StudyManifest } from '../study/manifest.js';
import type { AnalysisOutcome } from '../study/types.js';
import { esc, table } from './html.js';

const q = (x: Quantity | undefined | null, scale = 1, unit?: string) => (x ? esc(formatScaled(x, scale, unit)) : '—');
const generatedMark = (m: StudyManifest, measurementId: string) => (m.measurements.find((x) => x.id === measurementId)?.provenance?.generated ? ' <span class="gen" title="generated data, not measured">generated</span>' : '');

export function tablesFor(o: AnalysisOutcome, m: StudyManifest): string {
  const r = o.results as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  switch (o.type) {
    case 'eis-fit': {
      const fits = (r.fits ?? []) as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
      const params = [...new Set(fits.flatMap((f) => Object.keys(f.parameters ?? {})))];
      return (
        table(
          ['Measurement', 'T (°C)', 'R<sub>bulk</sub>', 'σ', 'χ²', 'converged'],
          fits.map((f) => [esc(f.measurement) + generatedMark(m, f.measurement), f.temperatureK == null ? '—' : formatNumber(kelvinToCelsius(f.temperatureK), 4), q(f.bulkResistance, 1, 'Ω'), q(f.conductivity, 1e3, 'mS/cm'), formatNumber(f.chiSquare, 3), f.converged ? 'yes' : '<b>no</b>']),
        ) +
        `<details><summary>All fitted parameters (${esc(r.circuit)})</summary>` +
        table(['Measurement', ...params.map(esc)], fits.map((f) => [esc(f.measurement), ...params.map((p) => q(f.parameters?.[p]))])) +
        '</details>'
      );
    }
    case 'eis-kk':
      return table(
        ['Measurement', 'M', 'μ', 'max |Δ| (%)', 'valid'],
        ((r.spectra ?? []) as any[]).map((s) => [esc(s.measurement) + generatedMark(m, s.measurement), String(s.M), formatNumber(s.mu, 3), formatNumber(100 * s.maxResidual, 3), s.valid ? 'yes' : '<b>no</b>']), // eslint-disable-line @typescript-eslint/no-explicit-any
      );
    case 'eis-drt':
      return table(
        ['Measurement', 'State', 'λ', 'R∞', 'R<sub>pol</sub>', 'Peaks: τ (s) / R (Ω)', 'rms residual (%)'],
        ((r.spectra ?? []) as any[]).map((s) => [esc(s.measurement) + generatedMark(m, s.measurement), esc(s.state), formatNumber(s.lambda, 2), q(s.rInf, 1, 'Ω'), q(s.polarizationResistance, 1, 'Ω'), esc(s.peaks.map((p: any) => `${formatNumber(p.tau.value, 3)} / ${formatNumber(p.resistance.value, 3)}${p.atEdge ? ' (edge)' : ''}`).join('; ')), formatNumber(100 * s.relativeResidualRms, 3)]), // eslint-disable-line @typescript-eslint/no-explicit-any
      );
    case 'arrhenius':
      return table(
        ['Sample', 'E<sub>a</sub>', 'σ at 25 °C', 'σ<sub>0</sub>', 'r²', 'points'],
        ((r.samples ?? []) as any[]).map((s) => [esc(s.label), q(s.activationEnergy), q(s.conductivityAt25C, 1e3, 'mS/cm'), q(s.prefactor), formatNumber(s.r2, 5), String(s.points)]), // eslint-disable-line @typescript-eslint/no-explicit-any
      );
    case 'diffusion':
      return table(
        ['Species', 'D', 'σ (Nernst–Einstein)', 'Haven ratio', 'fit window (ps)', 'ions', 'frames'],
        [[esc(r.species), q(r.diffusionCoefficient), q(r.conductivity), q(r.havenRatio), r.fit ? `${formatNumber(r.fit.startPs)}–${formatNumber(r.fit.endPs)}` : '—', String(r.ions ?? '—'), String(r.frames ?? '—')]],
      );
    case 'cycling': {
      const cyc = (r.cycles ?? []) as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
      const ret = r.retention ? `<p>Retention (discharge, cycle ${r.retention.last} vs ${r.retention.reference}): <b>${formatNumber(100 * r.retention.value, 4)} %</b>.</p>` : '';
      return (
        ret +
        table(
          ['Cycle', `Charge (${esc(r.capacityUnit)})`, `Discharge (${esc(r.capacityUnit)})`, 'CE (%)', 'Mean discharge V'],
          cyc.map((c) => [String(c.cycle), c.charge ? formatNumber(c.charge.value, 4) : '—', c.discharge ? formatNumber(c.discharge.value, 4) : '—', c.coulombicEfficiency == null ? '—' : formatNumber(100 * c.coulombicEfficiency, 4), c.averageVoltageDischarge ? formatNumber(c.averageVoltageDischarge.value, 4) : '—']),
        )
      );
    }
    case 'rate':
      return (
        table(
          ['C-rate', 'Current (mA)', 'Cycles', `Mean discharge (${esc(r.capacityUnit)})`, 'CE (%)'],
          ((r.steps ?? []) as any[]).map((s) => [s.cRate == null ? '—' : formatNumber(s.cRate, 3), formatNumber(s.current.value, 4), `${s.cycles[0]}–${s.cycles[s.cycles.length - 1]}`, formatNumber(s.discharge.value, 4), s.coulombicEfficiency == null ? '—' : formatNumber(100 * s.coulombicEfficiency, 4)]), // eslint-disable-line @typescript-eslint/no-explicit-any
        ) + (r.recovery == null ? '' : `<p>Recovery at the first rate: <b>${formatNumber(100 * r.recovery, 4)} %</b>.</p>`)
      );
    case 'melt-quench':
      return table(
        ['Atoms', 'Steps', 'Time step (fs)', 'Final T (K)', 'Density', 'Polyhedra of the quenched cell'],
        [[String(r.atoms), String(r.steps), formatNumber(r.timestepFs, 3), r.finalTemperatureK == null ? '—' : formatNumber(r.finalTemperatureK, 4), q(r.density), r.polyhedra ? esc(r.polyhedra.polyhedra.map((p: any) => `${p.label} ${formatNumber(p.fraction, 2)}`).join(', ')) : '—']], // eslint-disable-line @typescript-eslint/no-explicit-any
      );
    case 'window':
      return table(['Method', 'Threshold', 'Reduction onset', 'Oxidation onset'], [[esc(r.method), q(r.threshold), r.reduction ? q(r.reduction) : 'not reached', r.oxidation ? q(r.oxidation) : 'not reached']]);
    case 'gitt':
      return table(
        ['Pulse', 'Relaxed voltage (V)', 'Apparent D', 'τ (s)', 'IR drop (mV)', 'R² (E vs √t)', 'τD/L² (≪ 1)'],
        ((r.pulses ?? []) as any[]).map((p) => [String(p.index), formatNumber(p.voltage.value, 4), q(p.diffusionCoefficient), formatNumber(p.tau.value, 4), formatNumber(1000 * p.irDrop.value, 3), formatNumber(p.r2, 4), formatNumber(p.tauOverDiffusionTime, 2)]), // eslint-disable-line @typescript-eslint/no-explicit-any
      );
    case 'coordination':
      return table(
        ['Structure', 'Centres', 'Frames', 'Mean CN', 'Polyhedra (fraction)'],
        ((r.samples ?? []) as any[]).map((s) => [esc(s.label), String(s.count), String(s.frames), esc(Object.entries(s.mean).map(([k, v]) => `${k} ${formatNumber(v as number, 3)}`).join(', ')), esc(s.polyhedra.map((p: any) => `${p.label} ${formatNumber(p.fraction, 3)}`).join(', '))]), // eslint-disable-line @typescript-eslint/no-explicit-any
      );
    default:
      return '';
  }
}
