/** eis-kk: Lin-KK validity of each spectrum (Schönleber 2014), with the spectra kept for the Nyquist/Bode figures. */
import { linKK } from '../../impedance/kk/lin-kk.js';
import type { Analysis } from '../manifest.js';
import type { AnalysisRunner, StudyIssue } from '../types.js';
import { arr, eachCollecting, readSpectrum } from './common.js';

type A = Extract<Analysis, { type: 'eis-kk' }>;

export const eisKkRunner: AnalysisRunner<A> = {
  type: 'eis-kk',
  version: 1,
  built: true,
  title: () => 'Kramers–Kronig validation (Lin-KK)',
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
        const s = readSpectrum(ctx, m);
        const r = linKK(s);
        return { measurement: m.id, file: m.file, M: r.M, mu: r.mu, valid: r.valid, maxResidual: r.maxResidual, residuals: { frequency: arr(r.residuals.frequency), real: arr(r.residuals.real), imag: arr(r.residuals.imag) } };
      },
      errors,
    );
    return { results: done.length ? { spectra: done.map((d) => d.value) } : {}, errors };
  },
  methods: () =>
    'Lin-KK test (Schönleber et al., Electrochim. Acta 131 (2014) 20): the spectrum is fitted with M series RC elements whose time constants are log-spaced over the measured frequency range, M chosen as the minimum of the Bayesian information criterion 2N ln(RSS/2N) + p ln(2N) over M = 1…50 (μ = 1 − Σ|R_k<0|/Σ|R_k≥0| is reported). Residuals Δ = (Z − Z_KK)/|Z| for the real and imaginary parts; a spectrum is called valid when the largest 7-point running mean of Δ (the systematic residual) and the rms of Δ both stay below 1 % of |Z|.',
};
