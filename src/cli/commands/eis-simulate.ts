import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { integer, number, positive } from '../options.js';
import { InputError } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { writeFileAtomic } from '../../io/files.js';
import { CircuitModel, parseParameterList } from '../../impedance/circuit/model.js';
import { ELEMENTS_DOCUMENTED } from '../../impedance/circuit/elements.js';

interface SimulateOptions {
  circuit: string;
  params: string;
  fmin: number;
  fmax: number;
  pointsPerDecade: number;
  noise?: number;
  seed: number;
  output?: string;
}

const HELP = `
Writes CSV with the header frequency_Hz,real_Ohm,imag_Ohm: Z = Z' + jZ'' with Z'' < 0 for
capacitive behaviour (as measured; a Nyquist plot shows −Z''). Frequencies are log-spaced from
--fmax down to --fmin (high → low, the order instruments sweep), both ends included,
N = round(decades·points-per-decade) + 1 points.

--noise RELATIVE adds independent Gaussian noise of standard deviation RELATIVE·|Z(f)| to Z'
and to Z'' (seeded by --seed: same seed, same bytes).

Elements (ω = 2πf; parameters NAME for one-parameter elements, NAME_0, NAME_1, … otherwise):
${ELEMENTS_DOCUMENTED.map((e) => `  ${e.formula}`).join('\n')}

Example: superionic eis simulate --circuit "R0-p(R1,CPE1)-CPE2" \\
           --params "R0=10,R1=1e3,CPE1_0=1e-9,CPE1_1=0.9,CPE2_0=1e-6,CPE2_1=0.85" --noise 0.005`;

/** Log-spaced frequencies from fmax down to fmin in Hz, both included. */
export function sweepFrequencies(fmin: number, fmax: number, perDecade: number): Float64Array {
  const decades = Math.log10(fmax / fmin);
  const n = Math.max(1, Math.round(decades * perDecade)) + 1;
  return Float64Array.from({ length: n }, (_, i) => (i === n - 1 ? fmin : fmax * Math.pow(10, (-decades * i) / (n - 1))));
}

/** `superionic eis simulate` (CONTRACT §2). */
export function register(eis: Command, ctx: CliContext): void {
  eis
    .command('simulate')
    .description('compute the impedance of a circuit (CSV frequency_Hz,real_Ohm,imag_Ohm)')
    .requiredOption('--circuit <circuit>', 'circuit string, e.g. R0-p(R1,CPE1)-CPE2')
    .requiredOption('--params <list>', 'every parameter value, e.g. "R0=10,R1=1e3,CPE1_0=1e-9,CPE1_1=0.9"')
    .option('--fmin <Hz>', 'lowest frequency in Hz', positive, 0.01)
    .option('--fmax <Hz>', 'highest frequency in Hz', positive, 1e6)
    .option('--points-per-decade <N>', 'points per decade', integer, 10)
    .option('--noise <relative>', 'Gaussian noise, standard deviation relative to |Z| (e.g. 0.005)', number)
    .option('--seed <N>', 'seed of the noise', integer, 1)
    .option('-o, --output <file>', 'write the CSV to this file (atomically) instead of stdout')
    .addHelpText('after', HELP)
    .action((opts: SimulateOptions) => {
      const model = new CircuitModel(opts.circuit);
      const p = model.parameterVector(parseParameterList(opts.params, '--params'), '--params', true);
      if (!(opts.fmax > opts.fmin)) throw new InputError('--fmax', undefined, `--fmax (${opts.fmax} Hz) must be above --fmin (${opts.fmin} Hz)`);
      if (!(opts.pointsPerDecade >= 1)) throw new InputError('--points-per-decade', undefined, 'needs at least 1 point per decade');
      if (opts.noise !== undefined && !(opts.noise >= 0)) throw new InputError('--noise', undefined, `noise must be ≥ 0, got ${opts.noise}`);
      const f = sweepFrequencies(opts.fmin, opts.fmax, opts.pointsPerDecade);
      const re = new Float64Array(f.length);
      const im = new Float64Array(f.length);
      model.evaluate(f, p, re, im);
      if (opts.noise) {
        const rng = createRng(opts.seed);
        for (let i = 0; i < f.length; i++) {
          const s = opts.noise * Math.hypot(re[i]!, im[i]!);
          re[i] = re[i]! + s * rng.normal();
          im[i] = im[i]! + s * rng.normal();
        }
      }
      const lines = ['frequency_Hz,real_Ohm,imag_Ohm'];
      for (let i = 0; i < f.length; i++) lines.push(`${fmt(f[i]!)},${fmt(re[i]!)},${fmt(im[i]!)}`);
      const csv = lines.join('\n') + '\n';
      if (opts.output) writeFileAtomic(opts.output, csv);
      else ctx.io.stdout(csv);
    });
}

/** Shortest round-trip representation (exact doubles, no trailing noise digits). */
function fmt(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}
