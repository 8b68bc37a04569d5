import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { integer, positive } from '../options.js';
import { InputError, UsageError } from '../../core/errors.js';
import { quantity, type Quantity } from '../../core/quantity.js';
import { readImpedance } from '../../formats/impedance/index.js';
import { readInputFile } from '../../io/files.js';
import { selectFrequencyRange, selectPoints, type ImpedanceSpectrum } from '../../impedance/spectrum.js';
import { CircuitModel, parseParameterList } from '../../impedance/circuit/model.js';
import { ELEMENTS_DOCUMENTED } from '../../impedance/circuit/elements.js';
import { fitCircuit, type CircuitFit } from '../../impedance/fit/fit.js';
import { bulkParameter } from '../../impedance/fit/bulk.js';
import { WEIGHTINGS, type Weighting } from '../../impedance/fit/weighting.js';
import { pelletConductivity } from '../../transport/pellet.js';

interface FitOptions {
  circuit: string;
  initial?: string;
  bulk?: string;
  thicknessCm?: number;
  diameterCm?: number;
  areaCm2?: number;
  fmin?: number;
  fmax?: number;
  weighting: Weighting;
  restarts?: number;
  seed: number;
  maxIterations: number;
  dropInductive?: boolean;
  json?: boolean;
}

/** The JSON document of one fit (CONTRACT §2 keys first). */
export interface FitDoc {
  circuit: string;
  points: number;
  converged: boolean;
  parameters: Record<string, Quantity>;
  chiSquare: number;
  aic: number;
  bulkResistance?: Quantity;
  conductivity?: Quantity;
  file: string;
  bulk?: string;
  weighting: Weighting;
  degreesOfFreedom: number;
  sumOfSquares: number;
  frequencyRange: { min: Quantity; max: Quantity };
  starts: number;
  iterations: number;
  /** Parameters that ended on a bound: an exponent at 1, or a value so small/large the element has no effect. */
  atBound?: string[];
  /** Correlation matrix of the parameters, rows and columns in the order of `parameters` (null where undefined). */
  correlation: (number | null)[][];
}

const HELP = `
Circuit strings: series "-", parallel "p(A,B,…)", nesting allowed, e.g. R0-p(R1,CPE1)-p(R2,CPE2)-CPE3.
An element is its type followed by an identifier (R0, CPE1, Wo1, Zarc2, R_bulk). A one-parameter
element's parameter is named like the element (R1); others are NAME_0, NAME_1, … in this order
(ω = 2πf, Z'' < 0 for capacitive behaviour; formulas as impedance.py 1.7.1):
${ELEMENTS_DOCUMENTED.map((e) => `  ${e.formula}`).join('\n')}

Fit: complex nonlinear least squares, bounded Levenberg–Marquardt with analytic Jacobian on
ln(p) for every positive parameter (so values from 1e-12 F to 1e9 Ohm are handled alike) and
exponents bounded to [0.01, 1]. Without --initial (or with a partial one) starting values come
from the spectrum (high-frequency intercept, arc apexes and widths, low-frequency spur slope),
followed by --restarts seeded restarts; the lowest χ² wins.

Weighting of the residuals Z_model − Z_data:
  modulus       1/|Z| on Z' and Z'' (default; impedance.py weight_by_modulus=True)
  unit          none (impedance.py's default)
  proportional  1/|Z'| on Z', 1/|Z''| on Z'' (ZView "data-proportional")

Statistics: S = Σ w²[(ΔZ')² + (ΔZ'')²] over N points, ν = 2N − P;
  chiSquare = S/ν (reduced χ²; with modulus weighting √χ² ≈ the relative misfit per point);
  aic = 2N·ln(S/2N) + 2P;  stderr = √diag[(JᵀJ)⁻¹·S/ν] (J = weighted Jacobian w.r.t. the
  parameters; as scipy curve_fit); "correlation" is the matrix cov_ij/√(cov_ii·cov_jj) in the
  order of "parameters". A parameter ending on a bound has no stderr and is listed in
  "atBound": an exponent at 1, or a value 1e8 beyond the spectrum's scale (the element has no
  effect on the data: the circuit has more elements than the spectrum shows).
Units: R, Z0 in Ohm; C in F; L in H; CPE Q in F s^(a-1) (= Ohm^-1 s^a); W σ in Ohm s^-1/2;
  τ in s; exponents dimensionless ("1").

Bulk and conductivity: --bulk names the resistance taken as the bulk (default: the resistor of
the arc with the smallest time constant, τ = RC or (RQ)^(1/α); else the series resistor).
With --thickness-cm L and --diameter-cm D (area πD²/4) or --area-cm2 A:
  conductivity σ = L/(R_bulk·A) in S/cm, stderr propagated from R_bulk.

Exit status 3 (and "converged": false in the JSON, still printed) when the fit did not converge.`;

/** `superionic eis fit` (CONTRACT §2). */
export function register(eis: Command, ctx: CliContext): void {
  eis
    .command('fit')
    .description('fit an equivalent circuit to an impedance spectrum')
    .argument('<files...>', 'impedance files (any supported format; several files → one JSON array)')
    .requiredOption('--circuit <circuit>', 'circuit string, e.g. R0-p(R1,CPE1)-CPE2')
    .option('--initial <list>', 'starting values, all or some, e.g. "R1=1e3,CPE1_0=1e-9" (others are found automatically)')
    .option('--bulk <name>', 'the resistance parameter taken as the bulk (default: highest-frequency arc)')
    .option('--thickness-cm <L>', 'pellet thickness in cm (for conductivity)', positive)
    .option('--diameter-cm <D>', 'electrode (disc) diameter in cm', positive)
    .option('--area-cm2 <A>', 'electrode area in cm²', positive)
    .option('--fmin <Hz>', 'ignore points below this frequency (Hz)', positive)
    .option('--fmax <Hz>', 'ignore points above this frequency (Hz)', positive)
    .addOption(new Option('--weighting <kind>', 'residual weighting').choices([...WEIGHTINGS]).default('modulus'))
    .option('--restarts <N>', 'extra seeded starts beyond the automatic one (default 8; 0 with a complete --initial)', integer)
    .option('--seed <N>', 'seed of the restarts', integer, 1)
    .option('--max-iterations <N>', 'Levenberg–Marquardt iterations per start', integer, 500)
    .option('--drop-inductive', "drop points with Z'' > 0 (inductive cable artefacts; impedance.py ignoreBelowX)")
    .option('--json', 'print JSON: {circuit, points, converged, parameters, chiSquare, aic, bulkResistance?, conductivity?}')
    .addHelpText('after', HELP)
    .action(async (files: string[], opts: FitOptions) => {
      const json = Boolean(opts.json);
      const model = new CircuitModel(opts.circuit);
      const initial = opts.initial !== undefined ? parseParameterList(opts.initial, '--initial') : undefined;
      if (initial) model.parameterVector(initial, '--initial', false); // names and ranges checked once, up front
      if (opts.bulk !== undefined) bulkParameter(model, new Float64Array(model.parameterCount).fill(1), opts.bulk);
      const geometry = opts.thicknessCm !== undefined || opts.diameterCm !== undefined || opts.areaCm2 !== undefined;
      // contradictory or incomplete geometry flags are a usage error (exit 2), as in `polarization`
      if (geometry && opts.thicknessCm === undefined) throw new UsageError('--thickness-cm: the conductivity needs the pellet thickness too');
      if (geometry && (opts.diameterCm === undefined) === (opts.areaCm2 === undefined)) {
        throw new UsageError('--area-cm2: give exactly one of --diameter-cm and --area-cm2 with --thickness-cm');
      }
      let failed = 0;
      await forEachFile(
        ctx,
        files,
        json,
        (file) => {
          const doc = fitFile(file, model, opts, initial, (msg) => ctx.warn(`${file}: ${msg}`, json));
          if (!doc.converged) failed++;
          return doc;
        },
        human,
      );
      if (failed > 0) {
        ctx.error(`${failed === files.length && files.length === 1 ? files[0] : `${failed} of ${files.length} files`}: the fit did not converge (exit 3); try --initial or more --restarts`);
        ctx.setExitCode(3);
      }
    });
}

function fitFile(
  file: string,
  model: CircuitModel,
  opts: FitOptions,
  initial: Record<string, number> | undefined,
  warn: (msg: string) => void,
): FitDoc {
  let s: ImpedanceSpectrum = readImpedance(readInputFile(file), file);
  if (opts.fmin !== undefined || opts.fmax !== undefined) s = selectFrequencyRange(s, opts.fmin, opts.fmax);
  // (every reader already rejects f ≤ 0 with its file and line, so no DC point reaches here)
  const inductive = s.imag.reduce((c, v) => c + (v > 0 ? 1 : 0), 0);
  if (opts.dropInductive && inductive > 0) {
    const zi = s.imag;
    s = selectPoints(s, (i) => !(zi[i]! > 0));
  } else if (inductive > 0 && !model.parameters.some((q) => q.type === 'L')) {
    warn(`${inductive} point(s) have Z'' > 0 (inductive) but the circuit has no L; consider --drop-inductive or an L element`);
  }
  if (opts.weighting !== 'unit') {
    // 1/|Z| (or 1/|Z'|, 1/|Z''|) is infinite there: no parameter value could be evaluated
    const zero = s.real.findIndex((re, i) => re === 0 && s.imag[i] === 0);
    if (zero >= 0) {
      throw new InputError(file, undefined, `the point at f = ${s.frequency[zero]} Hz has Z = 0 Ohm, which --weighting ${opts.weighting} cannot weigh; remove it or use --weighting unit`);
    }
  }
  const P = model.parameterCount;
  if (s.frequency.length * 2 <= P) {
    throw new InputError(file, undefined, `${s.frequency.length} points in the selected range cannot determine ${P} parameters; widen --fmin/--fmax`);
  }
  const fit = fitCircuit(s, model, { weighting: opts.weighting, initial, restarts: opts.restarts, seed: opts.seed, maxIterations: opts.maxIterations });
  return fitDocument(file, fit, model, s, opts);
}

function fitDocument(file: string, fit: CircuitFit, model: CircuitModel, s: ImpedanceSpectrum, opts: FitOptions): FitDoc {
  const parameters: Record<string, Quantity> = {};
  fit.names.forEach((n, k) => (parameters[n] = quantity(fit.values[k]!, fit.units[k]!, fit.stderr[k])));
  const bulk = bulkParameter(model, fit.values, opts.bulk);
  const bulkResistance = bulk !== undefined ? parameters[bulk] : undefined;
  const conductivity =
    bulkResistance && opts.thicknessCm !== undefined
      ? pelletConductivity(bulkResistance, { thicknessCm: opts.thicknessCm, diameterCm: opts.diameterCm, areaCm2: opts.areaCm2 })
      : undefined;
  let fmin = Infinity;
  let fmax = -Infinity;
  for (const f of s.frequency) {
    fmin = Math.min(fmin, f);
    fmax = Math.max(fmax, f);
  }
  const doc: FitDoc = {
    circuit: fit.circuit,
    points: fit.points,
    converged: fit.converged,
    parameters,
    chiSquare: fit.chiSquare,
    aic: fit.aic,
    ...(bulkResistance ? { bulkResistance } : {}),
    ...(conductivity ? { conductivity } : {}),
    file,
    ...(bulk ? { bulk } : {}),
    weighting: fit.weighting,
    degreesOfFreedom: fit.degreesOfFreedom,
    sumOfSquares: fit.sumOfSquares,
    frequencyRange: { min: quantity(fmin, 'Hz'), max: quantity(fmax, 'Hz') },
    starts: fit.starts,
    iterations: fit.iterations,
    ...(fit.atBound.length ? { atBound: fit.atBound } : {}),
    correlation: correlationMatrix(fit),
  };
  return doc;
}

/** ρ_ij = cov_ij/√(cov_ii·cov_jj), rounded to 4 decimals; null for parameters without stderr. */
function correlationMatrix(fit: CircuitFit): (number | null)[][] {
  const P = fit.names.length;
  const c = fit.covariance;
  return fit.names.map((_, i) =>
    fit.names.map((__, j) => {
      const r = c[i * P + j]! / Math.sqrt(c[i * P + i]! * c[j * P + j]!);
      return Number.isFinite(r) ? Math.round(r * 1e4) / 1e4 : null;
    }),
  );
}

const num = (x: number, digits = 5): string => (Number.isFinite(x) ? x.toPrecision(digits) : 'n/a');

function human(doc: FitDoc): string {
  const lines = [
    `circuit   ${doc.circuit}`,
    `points    ${doc.points} (${num(doc.frequencyRange.min.value, 3)}–${num(doc.frequencyRange.max.value, 3)} Hz), ${doc.weighting} weighting, ${doc.converged ? 'converged' : 'DID NOT CONVERGE'}`,
    '',
  ];
  const rows = Object.entries(doc.parameters).map(([name, q]) => [
    name,
    num(q.value),
    q.stderr !== undefined ? num(q.stderr, 2) : doc.atBound?.includes(name) ? 'at bound' : '—',
    q.stderr !== undefined ? `${((100 * q.stderr) / Math.abs(q.value)).toPrecision(2)} %` : '',
    q.unit === '1' ? '' : q.unit,
  ]);
  const head = ['parameter', 'value', 'stderr', 'rel.', 'unit'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const fmt = (r: string[]) => r.map((x, c) => (c === 0 || c === 4 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ').trimEnd();
  lines.push(fmt(head), ...rows.map(fmt), '');
  lines.push(`chi²/ν    ${num(doc.chiSquare, 4)}   (ν = ${doc.degreesOfFreedom})   AIC ${num(doc.aic, 5)}`);
  if (doc.bulkResistance) {
    const r = doc.bulkResistance;
    lines.push(`bulk      ${doc.bulk} = ${num(r.value)}${r.stderr !== undefined ? ` ± ${num(r.stderr, 2)}` : ''} Ohm`);
  }
  if (doc.conductivity) {
    const c = doc.conductivity;
    lines.push(`σ         ${num(c.value, 4)}${c.stderr !== undefined ? ` ± ${num(c.stderr, 2)}` : ''} S/cm  (= ${num(c.value * 1e3, 4)} mS/cm)`);
  }
  return lines.join('\n');
}
