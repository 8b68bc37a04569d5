/** `superionic polarization FILE --thickness-cm L (--diameter-cm D | --area-cm2 A)` (CONTRACT §3). */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { number } from '../options.js';
import { readInputFile } from '../../io/files.js';
import { readCycler } from '../../formats/cycling/read.js';
import { quantity } from '../../core/quantity.js';
import { InputError, UsageError } from '../../core/errors.js';
import { dcPolarization } from '../../cycling/polarization.js';
import { positiveOption } from './cycling-common.js';

interface Options {
  thicknessCm?: number;
  diameterCm?: number;
  areaCm2?: number;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('polarization')
    .description('electronic conductivity from DC polarisation steps')
    .argument('<files...>', 'chronoamperometry files (voltage steps on an ion-blocking cell)')
    .option('--thickness-cm <cm>', 'pellet thickness L, cm', number)
    .option('--diameter-cm <cm>', 'electrode diameter, cm (A = π·D²/4)', number)
    .option('--area-cm2 <cm2>', 'electrode area A, cm²', number)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Ion-blocking electrodes (e.g. SS|SE|SS): after each voltage step the ionic current decays and
the steady-state current I_ss (mean over the last 10 % of the step) is electronic. Steps come
from the file's step column, else from voltage changes > 5 mV. R = 1/slope of I_ss against V
(least squares with intercept over all steps; V/I_ss for a single step) and

    σ_e = L / (A · R)      [S/cm, L in cm, A in cm²]

JSON: {"electronicConductivity": Quantity(S/cm, stderr with ≥ 3 steps), "resistance":
Quantity(Ohm), "steps": [{"voltage": Quantity(V), "current": Quantity(A)}]}`,
    )
    .action(async (files: string[], opts: Options) => {
      const L = positiveOption('--thickness-cm', opts.thicknessCm, 'cm');
      if (L === undefined) throw new UsageError('--thickness-cm is required');
      if ((opts.diameterCm === undefined) === (opts.areaCm2 === undefined)) {
        throw new UsageError('give exactly one of --diameter-cm and --area-cm2');
      }
      const D = positiveOption('--diameter-cm', opts.diameterCm, 'cm');
      const A = D !== undefined ? (Math.PI * D * D) / 4 : positiveOption('--area-cm2', opts.areaCm2, 'cm²')!;
      const json = Boolean(opts.json);
      await forEachFile(
        ctx,
        files,
        json,
        (file) => {
          const r = readCycler(readInputFile(file), file);
          let res;
          try {
            res = dcPolarization(r, { thicknessCm: L, areaCm2: A });
          } catch (e) {
            // dcPolarization signals data it cannot use with RangeError; anything else is a bug to surface
            if (!(e instanceof RangeError)) throw e;
            throw new InputError(file, undefined, `${e.message}; expected voltage steps with their currents`);
          }
          return {
            file,
            format: r.meta.format,
            electronicConductivity: quantity(res.electronicConductivity, 'S/cm', res.conductivityStderr),
            resistance: quantity(res.resistance, 'Ohm'),
            steps: res.steps.map((s) => ({ voltage: quantity(s.voltage, 'V'), current: quantity(s.current, 'A') })),
          };
        },
        (d) =>
          [
            `electronic conductivity  ${d.electronicConductivity.value.toExponential(3)} S/cm`,
            `resistance               ${d.resistance.value.toExponential(3)} Ω`,
            ...d.steps.map((s) => `  step ${s.voltage.value.toFixed(4)} V → I_ss ${s.current.value.toExponential(3)} A`),
          ].join('\n'),
      );
    });
}
