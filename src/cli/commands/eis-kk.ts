/** `superionic eis kk FILE… [--json]` (CONTRACT §2): Lin-KK validation. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { integer, number, oneOf, positive } from '../options.js';
import { readInputFile } from '../../io/files.js';
import { readImpedance } from '../../formats/impedance/index.js';
import { selectFrequencyRange } from '../../impedance/spectrum.js';
import { DEFAULT_TAU_EXTENSION, linKK, type LinKKFit, type LinKKMSelection, type LinKKResult, type LinKKVerdict } from '../../impedance/kk/lin-kk.js';
import { TREND_WINDOW } from '../../impedance/kk/residual-verdict.js';
import { quantity } from '../../core/quantity.js';
import { UsageError } from '../../core/errors.js';

interface Options {
  mSelection: LinKKMSelection;
  tauExtension?: number;
  verdict: LinKKVerdict;
  muCutoff: number;
  maxM?: number;
  fit: LinKKFit;
  capacitance: 'auto' | 'yes' | 'no';
  inductance: 'yes' | 'no';
  threshold: number;
  fmin?: number;
  fmax?: number;
  json?: boolean;
}

export function register(eis: Command, ctx: CliContext): void {
  eis
    .command('kk')
    .description('Lin-KK (Kramers–Kronig) validation of an impedance spectrum')
    .argument('<files...>', 'impedance files (any supported format)')
    .option('--m-selection <rule>', 'how M is chosen: auto (minimum BIC) or mu (Schönleber/impedance.py: first M with μ < c)', oneOf('auto', 'mu'), 'auto')
    .option('--tau-extension <decades>', `decades added to the τ range at each end (default ${DEFAULT_TAU_EXTENSION})`, number)
    .option('--mu-cutoff <c>', 'μ cutoff c (--m-selection mu stops at the first M with μ < c)', positive, 0.85)
    .option('--max-m <M>', 'largest number of RC elements tried (default min(50, N − 2))', integer)
    .option('--fit <parts>', 'fit complex (Re and Im together), real or imag', oneOf('complex', 'real', 'imag'), 'complex')
    .option('--capacitance <mode>', 'series capacitance in the KK model: auto, yes or no', oneOf('auto', 'yes', 'no'), 'auto')
    .option('--inductance <mode>', 'series inductance in the KK model: yes or no', oneOf('yes', 'no'), 'yes')
    .option('--verdict <rule>', `trend: valid when the ${TREND_WINDOW}-point running mean of the residuals and their rms are below --threshold; max: valid when max |residual| < --threshold`, oneOf('trend', 'max'), 'trend')
    .option('--threshold <x>', 'verdict threshold, relative to |Z| (0.01 = 1 %)', positive, 0.01)
    .option('--fmin <Hz>', 'ignore points below this frequency (Hz)', positive)
    .option('--fmax <Hz>', 'ignore points above this frequency (Hz)', positive)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Method (Schönleber, Klotz, Ivers-Tiffée, Electrochim. Acta 131 (2014) 20): the spectrum is fitted
with a Kramers–Kronig-compliant model
  Ẑ(ω) = R0 + Σ_{k=1..M} R_k/(1 + jωτ_k) + jωL [+ 1/(jωC)],  ω = 2πf,
(L unless --inductance no) with τ_k log-spaced from 10^−e/(2π f_max) to 10^e/(2π f_min),
e = --tau-extension decades (default ${DEFAULT_TAU_EXTENSION}). Schönleber et al. suggest e > 0 so that
processes lying partly outside the measured window (e.g. a blocking-electrode spur) are
represented, but RC elements outside the window also absorb drift (a 10 % resistance drift
during the sweep leaves a 2 % systematic residual with e = 0, 0.5 % with e = 1): use e > 0
only for a process known to lie partly outside. Only R0, R_k, L (and 1/C) are fitted, by
linear least squares with rows weighted by 1/|Z|. Residuals are
  Δ' = (Z' − Ẑ')/|Z|,  Δ'' = (Z'' − Ẑ'')/|Z|.

Choice of M (--m-selection):
  auto (default): every M = 1…max is fitted and M minimises the Bayesian information criterion
    BIC(M) = 2N ln(RSS/2N) + p ln(2N),  RSS = Σ(Δ'² + Δ''²),  p = M + 1 (+1 L) (+1 C),
    i.e. M grows while the residuals still fall by more than noise would explain, and stops
    where they reach the noise plateau.
  mu: Schönleber's rule, exactly as impedance.py: M grows from 1 until
    μ = 1 − Σ_{R_k<0}|R_k| / Σ_{R_k≥0}|R_k| < c    (c = --mu-cutoff, 0.85 default).
    μ can fall below c by chance at a small M whose residuals are still
    tens of % (a textbook R‖C with 0.1 % noise stops at M = 6–7 with 38 % residuals), so it
    is kept for reproducing published numbers, not as the default.
  μ at the chosen M is reported either way.

Verdict (--verdict):
  trend (default): "valid" when the systematic residual — the largest |running mean of Δ over
    ${TREND_WINDOW} neighbouring frequencies| in either part — and the rms of Δ are both below
    --threshold (1 % by default). Noise changes sign from point to point and averages out
    (÷√${TREND_WINDOW}); drift, non-linearity or a non-stationary cell leave a trend across
    frequency that does not (${TREND_WINDOW} points = 0.7 decade at 10 points per decade).
    "Too noisy to judge" (rms ≥ threshold) is also not valid. Measured on seeded synthetic
    spectra (10 points/decade, 1 MHz–0.1 Hz): R‖C, R-p(R,CPE)-CPE and Randles-Warburg with
    0.1–0.5 % noise → systematic residual ≤ 0.6 %, valid; a 10 % drift of R during the sweep
    → ≥ 1.4 %, not valid; a 5 % drift is at the limit of detection.
  max: "valid" when max |Δ| over both parts is below --threshold (the classic rule; with
    0.5 % noise and 80 points the largest of 160 Gaussian residuals is ≈ 1.5 %).
"verdictReason" says which number decided. "lag1Autocorrelation" (white noise ≈ 0 ± 1/√N,
a trend → near 1) is reported as a further hint. Look at the residual curves, too.

Reference cases: --m-selection mu --fit real --mu-cutoff 0.69 on Circuit3_EIS_1.z → M = 10,
μ = 0.684382 (Schönleber's Lin-KK program, impedance.py); impedance.py's docs case
(exampleData.csv --fmax 999 --m-selection mu --fit complex --capacitance yes --mu-cutoff 0.5
--max-m 100) → M = 26, μ = 0.306. --capacitance auto adds the series C when −Z'' still grows at
the lowest frequencies (blocking electrode, diffusion tail).

JSON: {"M", "mu", "valid", "maxResidual", "rmsResidual", "systematicResidual",
"lag1Autocorrelation", "verdict", "verdictReason", "mSelection", "tauExtension",
"muCriterionMet", "threshold", "fit", "capacitance", "inductance" (booleans: terms in the model),
"points", "residuals": {"frequency": [Hz], "real": [], "imag": []} (relative to |Z|),
"model": {"rOhmic": Ω, "inductance": H, "capacitance": F|null, "tau": [s], "resistance": [Ω]}}`,
    )
    .action(async (files: string[], opts: Options) => {
      const json = Boolean(opts.json);
      if (!(opts.muCutoff < 1)) throw new UsageError(`--mu-cutoff must be between 0 and 1, got ${opts.muCutoff}`);
      if (opts.tauExtension !== undefined && !(opts.tauExtension >= 0 && opts.tauExtension <= 5)) {
        throw new UsageError(`--tau-extension must be between 0 and 5 decades, got ${opts.tauExtension}`);
      }
      await forEachFile(
        ctx,
        files,
        json,
        (file) => {
          let s = readImpedance(readInputFile(file), file);
          if (opts.fmin !== undefined || opts.fmax !== undefined) s = selectFrequencyRange(s, opts.fmin, opts.fmax);
          const r = linKK(s, {
            mSelection: opts.mSelection,
            tauExtension: opts.tauExtension,
            verdict: opts.verdict,
            muCutoff: opts.muCutoff,
            maxM: opts.maxM,
            fit: opts.fit,
            capacitance: opts.capacitance === 'auto' ? 'auto' : opts.capacitance === 'yes',
            inductance: opts.inductance === 'yes',
            threshold: opts.threshold,
          });
          return toJson(r, s.frequency.length);
        },
        human,
      );
    });
}

function toJson(r: LinKKResult, points: number) {
  return {
    M: r.M,
    mu: r.mu,
    valid: r.valid,
    maxResidual: r.maxResidual,
    rmsResidual: r.rmsResidual,
    systematicResidual: r.systematicResidual,
    lag1Autocorrelation: r.lag1Autocorrelation,
    verdict: r.verdict,
    verdictReason: r.verdictReason,
    mSelection: r.mSelection,
    tauExtension: r.tauExtension,
    muCriterionMet: r.muCriterionMet,
    threshold: r.threshold,
    fit: r.fit,
    capacitance: r.capacitance,
    inductance: r.inductance,
    points,
    residuals: r.residuals,
    model: {
      rOhmic: quantity(r.model.r0, 'Ohm'),
      inductance: quantity(r.model.inductance, 'H'),
      capacitance: Number.isFinite(r.model.capacitance) ? quantity(r.model.capacitance, 'F') : null,
      tau: r.model.tau,
      resistance: r.model.resistance,
    },
  };
}

function human(d: ReturnType<typeof toJson>): string {
  const pct = (x: number) => `${(100 * x).toFixed(3)} %`;
  return [
    `Lin-KK (${d.fit} fit${d.capacitance ? ', with series C' : ''}, ${d.points} points)`,
    `M = ${d.M} (${d.mSelection === 'mu' ? 'μ criterion' : 'minimum BIC'}${d.tauExtension > 0 ? `, τ range ± ${d.tauExtension} decade(s)` : ''}), μ = ${d.mu.toFixed(4)}${d.mSelection === 'mu' && !d.muCriterionMet ? ' (μ criterion not met; M = max)' : ''}`,
    `max |residual| ${pct(d.maxResidual)}, rms ${pct(d.rmsResidual)}, systematic ${pct(d.systematicResidual)}, lag-1 autocorrelation ${d.lag1Autocorrelation.toFixed(2)}`,
    `verdict: ${d.valid ? 'valid' : 'NOT valid'} — ${d.verdictReason}`,
  ].join('\n');
}
