/** `superionic eis drt FILE… [--lambda auto|NUMBER] [--derivative 1|2] [--json]` (CONTRACT §2). */
import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { oneOf, positive } from '../options.js';
import { readInputFile } from '../../io/files.js';
import { readImpedance } from '../../formats/impedance/index.js';
import { selectFrequencyRange } from '../../impedance/spectrum.js';
import { computeDrt, type DrtResult, type InductanceMode } from '../../impedance/drt/drt.js';
import { basisNames, type BasisName } from '../../impedance/drt/basis.js';
import type { LambdaMethod } from '../../impedance/drt/lambda.js';
import { quantity } from '../../core/quantity.js';
import { ConvergenceError, UsageError } from '../../core/errors.js';

interface Options {
  lambda: number | 'auto';
  lambdaMethod: LambdaMethod;
  derivative: '1' | '2';
  basis: BasisName;
  fwhmCoefficient: number;
  inductance: InductanceMode;
  capacitance: 'auto' | 'yes' | 'no';
  weighting: 'modulus' | 'unit';
  pointsPerDecade?: number;
  tauRange?: [number, number];
  fmin?: number;
  fmax?: number;
  json?: boolean;
}

function lambdaArg(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const x = Number(value);
  if (value.trim() === '' || !(x > 0) || !Number.isFinite(x)) throw new InvalidArgumentError(`expected "auto" or a positive number, got "${value}"`);
  return x;
}

function tauRangeArg(value: string): [number, number] {
  const parts = value.split(':').map(Number);
  if (parts.length !== 2 || !(parts[0]! > 0) || !(parts[1]! > parts[0]!) || !Number.isFinite(parts[1]!)) {
    throw new InvalidArgumentError(`expected MIN:MAX in seconds with 0 < MIN < MAX, got "${value}"`);
  }
  return [parts[0]!, parts[1]!];
}

export function register(eis: Command, ctx: CliContext): void {
  eis
    .command('drt')
    .description('distribution of relaxation times (Tikhonov-regularised, radial basis functions) with peak analysis')
    .argument('<files...>', 'impedance files (any supported format)')
    .option('--lambda <auto|number>', 'regularisation parameter λ, or auto', lambdaArg, 'auto')
    .option('--lambda-method <method>', 'criterion minimised by --lambda auto: gcv-kk, gcv, mgcv, rgcv, lcurve or re-im', oneOf('gcv-kk', 'gcv', 'mgcv', 'rgcv', 'lcurve', 're-im'), 'gcv-kk')
    .option('--derivative <k>', 'order of the derivative of γ that is penalised: 1 or 2', oneOf('1', '2'), '1')
    .option('--basis <name>', `radial basis: ${basisNames.join(', ')}`, oneOf(...basisNames), 'gaussian')
    .option('--fwhm-coefficient <c>', 'basis width: each function’s FWHM in ln τ is (centre spacing)/c', positive, 0.5)
    .option('--inductance <mode>', 'series inductance: nonnegative, free or none', oneOf('nonnegative', 'free', 'none'), 'nonnegative')
    .option('--capacitance <mode>', 'series capacitance 1/(jωC) for spectra with no DC limit: auto, yes or no', oneOf('auto', 'yes', 'no'), 'auto')
    .option('--weighting <w>', 'residual weights: unit (absolute errors, as pyDRTtools) or modulus (relative errors)', oneOf('unit', 'modulus'), 'unit')
    .option('--points-per-decade <n>', 'basis centres per decade of τ (default: the data’s density, 10–20)', positive)
    .option('--tau-range <MIN:MAX>', 'basis centres from MIN to MAX seconds (default 1/(2π f_max)/√10 … √10/(2π f_min))', tauRangeArg)
    .option('--fmin <Hz>', 'ignore points below this frequency (Hz)', positive)
    .option('--fmax <Hz>', 'ignore points above this frequency (Hz)', positive)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Model (pyDRTtools' model, Wan et al. 2015, plus an optional series capacitance):
  Z(ω) = R∞ + jωL [+ 1/(jωC)] + ∫ γ(ln τ)/(1 + jωτ) d ln τ,   γ(ln τ) = Σ_m x_m φ(ln τ − ln τ_m),
so "gamma" is γ(ln τ) in Ω and ∫ γ d ln τ = polarisation resistance. The series C is for
spectra with no DC limit (blocking electrodes on a pellet, diffusion tails) whose capacitive
tail no γ can represent; --capacitance auto adds it when −Z'' still grows at the lowest
frequencies. R∞, L, 1/C and x minimise
  Σ_n w_n² (|Z'_fit − Z'|² + |Z''_fit − Z''|²) + λ ∫ (d^k γ / d ln τ^k)² d ln τ
subject to x ≥ 0, R∞ ≥ 0, 1/C ≥ 0 and (default) L ≥ 0; k = --derivative. Weights: --weighting unit
(default) uses w_n = 1, exactly pyDRTtools' objective and λ scale (right for noise of constant
size); --weighting modulus uses w_n = mean|Z|/|Z_n| (relative errors: for noise proportional
to |Z|, or a spectrum spanning decades of |Z| that must be fitted everywhere). GCV assumes the
weighted errors are alike at every point: pick the weighting that makes them so.
The basis centres are log-uniform over 1/(2π f_max) … 1/(2π f_min), half a decade wider on both
sides; A-matrices by Gauss–Hermite (Gaussian) or Gauss–Legendre panels (other bases), the
penalty in closed form (Gaussian). The QP is solved with quadprog (Goldfarb–Idnani).

--lambda auto scans log10 λ from −8 to 1 (0.05-decade grid, 0.1 for re-im), then refines the
best cell by golden-section search, minimising on the unconstrained (ridge) problem, where
H is its influence matrix, r its residual and n = 2 × points:
  gcv-kk  (default) GCV n·‖r‖²/(n − tr H)² minimised subject to ‖r(λ)‖² ≥ n·σ̂², i.e. over
          λ ≥ λ_DP, the discrepancy-principle λ at which the residual reaches the noise level.
          σ̂² = min over M of ‖r_KK‖²/(n − p), r_KK the residual of a Lin-KK model (R∞ + jωL
          [+ 1/(jωC)] + M RC elements of either sign, τ log-spaced over the window, M = 2…6
          per decade, p its parameters) fitted in the same weighted rows: what no Kramers–
          Kronig-compliant model should fit (noise, drift). JSON "lambdaFloor" is λ_DP.
  gcv     generalised cross-validation n·‖r‖²/(n − tr H)² alone
  mgcv    modified GCV n·‖r‖²/(n − 2 tr H)² (1.3 instead of 2 when n < 50)
  rgcv    robust GCV (Lukas 2006) [ξ + (1 − ξ) tr(H²)/n]·GCV, ξ = 0.2 (n < 100) or 0.3
  lcurve  maximum curvature of the L-curve (ln ‖r‖², ln ∫(γ^(k))²)
  re-im   fit Re alone and Im alone; minimise how badly each predicts the other part
then solves the constrained problem once at that λ. GCV assumes independent errors of equal
size; measured spectra also carry correlated, systematic errors that a flexible DRT can fit,
so GCV alone often runs to the lower end and splits peaks into combs: on 9 of the 25 measured
spectra in our fixtures it picks λ < 1e-7 (6 of them at the bound 1e-8; e.g. impedance.py's
exampleData.csv, 10 peaks); gcv-kk picks λ ≥ 1.4e-7 on all 25 (exampleData.csv: 4.9e-4,
5 peaks). On noise-free synthetic spectra the floor is low (λ ~ 1e-6) and the analytic DRT is
still met (ZARC: 0.3 % L2 error); with white noise it behaves like the discrepancy principle,
which smooths a little more than GCV (two ZARCs 1.5 decades apart, noise 0.5 % / 2 % of |Z|
/ correlated 0.5 %: both peaks within 0.1 decade and 10 % in 20 / 18 / 20 of 20 seeds, GCV
18 / 13 / 15; \`npm run bench -- eis-lambda\` prints the comparison of all criteria).

Peaks: local maxima of γ with prominence ≥ 2.5 % of max γ and area ≥ 0.5 % of ∫γ. "tau" is
the maximum of γ (parabolic refinement), "frequency" = 1/(2π τ). Overlapping peaks are
separated by fitting γ with a sum of ZARC-shaped peaks (R/2π)·sin φπ/(cosh(φ(ln τ − ln τ_k)) +
cos φπ); each "resistance" is the area of γ shared out in proportion to the fitted shapes, so
the peak resistances add up to ∫γ. "widthDecades" is the fitted shape's FWHM, "phi" its
exponent, "atEdge" marks a maximum at the end of the τ window (a process outside the data).
A warning is printed when the fit leaves more than 1 % rms residual (relative to |Z|). The
Cauchy basis decays only as 1/|ln τ| (truncated at ±50 ln-units as in pyDRTtools): its tails add
to Z' at every frequency, so with γ ≥ 0 it usually cannot fit; prefer the others.

Compared with pyDRTtools: pyDRTtools puts its basis centres at τ_m = 1/f_m (2π times
longer than 1/(2πf)) with no extension, so its highest-frequency peak sits on the first centre
(e.g. LIB_data.txt: 1.02e-3 s = 1/f_max) and its low-frequency peak is pushed to larger τ. With
--tau-range 1e-3:200 --lambda 1e-3 --capacitance no this command reproduces its LIB_data
peaks (1.02e-3, 8.9e-3, 0.15, 84 s) and R∞, L. By default the grid follows τ = 1/(2πf), so the
first peak is found at 3.5e-4 s instead, and because −Z'' still rises at 5 mHz a series C takes
the diffusion tail that pyDRTtools (which has no C) turns into a peak at 84 s. The default
gcv-kk then picks λ ≈ 1e-3 (pyDRTtools' own default) and finds 3 peaks (4.8e-4, 0.15, 30 s):
the two fast processes merge into one 1.5-decade-wide peak; --lambda-method gcv picks λ ≈ 5e-5
and separates them (3.5e-4, 4.1e-3, 0.15, 27 s). No credible band is computed (the Bayesian band of
pyDRTtools takes ~100 s per spectrum; not built).

JSON: {"converged", "lambda", "lambdaMethod", "lambdaFloor" (gcv-kk's λ_DP, else null), "tau": [s], "gamma": [Ohm], "rInf": Ohm, "inductance": H,
"capacitance": F or null,
"polarizationResistance": Ohm, "peaks": [{"tau": s, "frequency": Hz, "resistance": Ohm,
"height": Ohm, "widthDecades", "phi", "atEdge"}], "points", "derivative", "basis",
"shapeFactor", "weighting", "relativeResidualRms", "lambdaScan": {"log10Lambda": [], "score": []} (the criterion; for gcv-kk over λ ≥ lambdaFloor only)}`,
    )
    .action(async (files: string[], opts: Options) => {
      const json = Boolean(opts.json);
      const derivative = opts.derivative === '2' ? 2 : 1;
      if (opts.basis === 'cauchy' && derivative === 2) {
        throw new UsageError('--basis cauchy has a cusp at its centre, so its 2nd-derivative penalty is infinite; use --derivative 1 or another basis');
      }
      await forEachFile(
        ctx,
        files,
        json,
        (file) => {
          let s = readImpedance(readInputFile(file), file);
          if (opts.fmin !== undefined || opts.fmax !== undefined) s = selectFrequencyRange(s, opts.fmin, opts.fmax);
          let r: DrtResult;
          try {
            r = computeDrt(s, {
              lambda: opts.lambda,
              lambdaMethod: opts.lambdaMethod,
              derivative,
              basis: opts.basis,
              fwhmCoefficient: opts.fwhmCoefficient,
              inductance: opts.inductance,
              capacitance: opts.capacitance === 'auto' ? 'auto' : opts.capacitance === 'yes',
              weighting: opts.weighting,
              pointsPerDecade: opts.pointsPerDecade,
              tauRange: opts.tauRange,
            });
          } catch (e) {
            // CONTRACT §0: exit 3, and under --json the document still comes, with converged: false.
            if (!(e instanceof ConvergenceError)) throw e;
            ctx.error(`${file}: did not converge: ${e.message}`);
            ctx.setExitCode(3);
            const doc = { file, converged: false, error: e.message } as unknown as ReturnType<typeof toJson>;
            // forEachFile prints a single file's document only on success: print it here.
            if (json && files.length === 1) ctx.printJson(doc);
            return doc;
          }
          if (r.lambdaMethod !== 'fixed' && r.lambda < 1e-6 && r.peaks.length > 4) {
            ctx.warn(`${file}: ${r.lambdaMethod} chose a small λ = ${r.lambda.toExponential(1)} and ${r.peaks.length} peaks; unless the data are nearly noise-free, some peaks may be artefacts${r.lambdaMethod === 'gcv-kk' ? ' (compare --lambda-method lcurve)' : ' (compare the default --lambda-method gcv-kk)'}`, json);
          }
          if (r.relativeResidualRms > 0.01) {
            ctx.warn(`${file}: the DRT fit leaves ${(100 * r.relativeResidualRms).toFixed(1)} % rms residual; it does not describe this spectrum (check \`eis kk\`, the basis or --inductance)`, json);
          }
          return toJson(r, s.frequency.length, opts.weighting);
        },
        human,
      );
    });
}

function toJson(r: DrtResult, points: number, weighting: string) {
  return {
    converged: true,
    lambda: r.lambda,
    lambdaMethod: r.lambdaMethod,
    lambdaFloor: r.lambdaFloor,
    tau: r.tau,
    gamma: r.gamma,
    rInf: quantity(r.rInf, 'Ohm'),
    inductance: quantity(r.inductance, 'H'),
    capacitance: Number.isFinite(r.capacitance) ? quantity(r.capacitance, 'F') : null,
    polarizationResistance: quantity(r.polarizationResistance, 'Ohm'),
    peaks: r.peaks.map((p) => ({
      tau: quantity(p.tau, 's'),
      frequency: quantity(p.frequency, 'Hz'),
      resistance: quantity(p.resistance, 'Ohm'),
      height: quantity(p.height, 'Ohm'),
      widthDecades: p.widthDecades,
      phi: p.phi,
      atEdge: p.atEdge,
    })),
    points,
    derivative: r.derivative,
    basis: r.basis,
    shapeFactor: r.shapeFactor,
    weighting,
    relativeResidualRms: r.relativeResidualRms,
    lambdaScan: r.lambdaScan,
  };
}

function human(d: ReturnType<typeof toJson>): string {
  if (!d.converged) return 'DRT: did not converge';
  const g = (x: number) => x.toPrecision(4);
  const lines = [
    `DRT (${d.points} points, ${d.basis} basis, derivative ${d.derivative}, λ = ${d.lambda.toExponential(3)} [${d.lambdaMethod}])`,
    `R∞ = ${g(d.rInf.value)} Ω, L = ${d.inductance.value.toExponential(3)} H${d.capacitance ? `, C = ${d.capacitance.value.toExponential(3)} F` : ''}, ∫γ d ln τ = ${g(d.polarizationResistance.value)} Ω, rms residual ${(100 * d.relativeResidualRms).toFixed(3)} %`,
    `peaks: ${d.peaks.length}`,
    ...d.peaks.map(
      (p, i) =>
        `  P${i + 1}  τ = ${p.tau.value.toExponential(3)} s  f = ${p.frequency.value.toExponential(3)} Hz  R = ${g(p.resistance.value)} Ω  width ${p.widthDecades.toFixed(2)} dec${p.atEdge ? '  (at window edge)' : ''}`,
    ),
  ];
  return lines.join('\n');
}
