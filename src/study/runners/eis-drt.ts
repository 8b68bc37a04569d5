/**
 * eis-drt: Tikhonov-regularised DRT of each spectrum (λ by GCV unless fixed), peaks with τ, f
 * and resistance (area). Spectra keep the manifest order so a series (temperature, state of
 * charge) becomes the rows of a τ × state map.
 */
import { quantity } from '../../core/quantity.js';
import { computeDrt } from '../../impedance/drt/drt.js';
import { selectFrequencyRange } from '../../impedance/spectrum.js';
import type { Analysis, Measurement } from '../manifest.js';
import type { AnalysisRunner, StudyIssue } from '../types.js';
import { arr, eachCollecting, readSpectrum } from './common.js';

type A = Extract<Analysis, { type: 'eis-drt' }>;

/** Row label of a spectrum in the τ × state map: its state, else its temperature, else its id. */
function stateOf(m: Measurement): string {
  return m.state ?? (m.temperatureC !== undefined ? `${m.temperatureC} °C` : m.id);
}

export const eisDrtRunner: AnalysisRunner<A> = {
  type: 'eis-drt',
  version: 1,
  built: true,
  title: () => 'Distribution of relaxation times',
  dependencies: (a, ctx) => {
    const ms = a.measurements.map((id) => ctx.measurement(id));
    return { files: ms.map((m) => m.file), entries: ms, upstream: [] };
  },
  async run(a, ctx) {
    const errors: StudyIssue[] = [];
    const done = await eachCollecting(
      a.measurements.map((id) => ctx.measurement(id)),
      (m) => m.file,
      (m) => {
        const s = selectFrequencyRange(readSpectrum(ctx, m), a.fminHz, a.fmaxHz);
        const r = computeDrt(s, { lambda: a.lambda ?? 'auto' });
        return {
          measurement: m.id,
          state: stateOf(m),
          lambda: r.lambda,
          lambdaMethod: r.lambdaMethod,
          tau: arr(r.tau),
          gamma: arr(r.gamma),
          rInf: quantity(r.rInf, 'Ohm'),
          inductance: quantity(r.inductance, 'H'),
          polarizationResistance: quantity(r.polarizationResistance, 'Ohm'),
          relativeResidualRms: r.relativeResidualRms,
          peaks: r.peaks.map((p) => ({ tau: quantity(p.tau, 's'), frequency: quantity(p.frequency, 'Hz'), resistance: quantity(p.resistance, 'Ohm'), widthDecades: p.widthDecades, atEdge: p.atEdge })),
        };
      },
      errors,
    );
    return { results: done.length ? { spectra: done.map((d) => d.value) } : {}, errors };
  },
  methods: (a) =>
    `γ(ln τ) with Z(ω) = R∞ + jωL + ∫ γ(ln τ)/(1 + jωτ) d ln τ, discretised on Gaussian radial basis functions and solved as a non-negative Tikhonov problem (first-derivative penalty) with quadprog; λ ${a.lambda === undefined || a.lambda === 'auto' ? 'chosen by generalised cross-validation over the whole log range, then refined' : `fixed at ${a.lambda}`}. ∫γ d ln τ is the polarisation resistance; a peak's resistance is its area. ${a.fminHz || a.fmaxHz ? `Frequencies restricted to ${a.fminHz ?? 0}–${a.fmaxHz ?? '∞'} Hz.` : ''}`,
};
