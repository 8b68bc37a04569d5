/** `superionic eis kk FILE… [--json]` (CONTRACT §2): Lin-KK validation. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { integer, oneOf, positive } from '../options.js';
import { readInputFile } from '../../io/files.js';
import { readImpedance } from '../../formats/impedance/index.js';
import { selectFrequencyRange } from '../../impedance/spectrum.js';
import { linKK, type LinKKFit, type LinKKResult } from '../../impedance/kk/lin-kk.js';
import { quantity } from '../../core/quantity.js';
import { UsageError } from '../../core/errors.js';

interface Options {
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
    .option('--mu-cutoff <c>', 'μ cutoff: M grows from 1 until μ < c', positive, 0.85)
    .option('--max-m <M>', 'largest number of RC elements tried (default min(50, N − 2))', integer)
    .option('--fit <parts>', 'fit complex (Re and Im together), real or imag', oneOf('complex', 'real', 'imag'), 'complex')
    .option('--capacitance <mode>', 'series capacitance in the KK model: auto, yes or no', oneOf('auto', 'yes', 'no'), 'auto')
    .option('--inductance <mode>', 'series inductance in the KK model: yes or no', oneOf('yes', 'no'), 'yes')
    .option('--threshold <x>', 'verdict: valid when max |residual| < x (relative to |Z|)', positive, 0.01)
    .option('--fmin <Hz>', 'ignore points below this frequency (Hz)', positive)
    .option('--fmax <Hz>', 'ignore points above this frequency (Hz)', positive)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Method (Schönleber, Klotz, Ivers-Tiffée, Electrochim. Acta 131 (2014) 20): the spectrum is fitted
with a Kramers–Kronig-compliant model
  Ẑ(ω) = R0 + Σ_{k=1..M} R_k/(1 + jωτ_k) + jωL [+ 1/(jωC)],  ω = 2πf,
(L unless --inductance no) with τ_k log-spaced from 1/(2π f_max) to 1/(2π f_min); only R0, R_k,
L (and 1/C) are fitted, by
linear least squares with rows weighted by 1/|Z|. M is raised from 1 until
  μ = 1 − Σ_{R_k<0}|R_k| / Σ_{R_k≥0}|R_k| < c    (c = 0.85 default)
i.e. before over-fitting makes the RC resistances alternate in sign. Residuals are
Δ' = (Z' − Ẑ')/|Z| and Δ'' = (Z'' − Ẑ'')/|Z|.

Verdict: "valid" when max |Δ| over both parts is below --threshold (1 % by default). A KK-
compliant spectrum leaves residuals at the noise level, typically 0.1–1 % for a potentiostat;
drift, non-linearity or a non-stationary cell leave systematic residuals of several %. Look at
the residual curves, not only the verdict: a trend across frequency means non-compliance even
below 1 %. The μ criterion is a heuristic: it can stop at a small M while the residuals are
still large (μ dips below c by chance as the first negative R_k appears); a large max residual
at small M with "valid": false is then worth a second look with --mu-cutoff 0.5 or --max-m.

Defaults: --fit complex (Re and Im together, Schönleber eq. 14). --fit real reproduces
impedance.py's default linKK and Schönleber's Lin-KK program (Circuit3_EIS_1.z, c = 0.69 →
M = 10, μ = 0.684382). --capacitance auto adds the series C when −Z'' still grows at the lowest
frequencies (blocking electrode, diffusion tail): without it a spectrum with no DC intercept
fails the test for the wrong reason.

JSON: {"M", "mu", "valid", "maxResidual", "rmsResidual", "muCriterionMet", "threshold", "fit",
"capacitance", "inductance" (booleans: terms in the model), "points", "residuals": {"frequency": [Hz], "real": [], "imag": []} (relative to
|Z|), "model": {"rOhmic": Ω, "inductance": H, "capacitance": F|null, "tau": [s], "resistance": [Ω]}}`,
    )
    .action(async (files: string[], opts: Options) => {
      const json = Boolean(opts.json);
      if (!(opts.muCutoff < 1)) throw new UsageError(`--mu-cutoff must be between 0 and 1, got ${opts.muCutoff}`);
      await forEachFile(
        ctx,
        files,
        json,
        (file) => {
          let s = readImpedance(readInputFile(file), file);
          if (opts.fmin !== undefined || opts.fmax !== undefined) s = selectFrequencyRange(s, opts.fmin, opts.fmax);
          const r = linKK(s, {
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
    `M = ${d.M}, μ = ${d.mu.toFixed(4)}${d.muCriterionMet ? '' : ' (μ criterion not met; M = max)'}`,
    `max |residual| ${pct(d.maxResidual)}, rms ${pct(d.rmsResidual)}`,
    `verdict: ${d.valid ? 'valid' : 'NOT valid'} (threshold ${pct(d.threshold)})`,
  ].join('\n');
}
