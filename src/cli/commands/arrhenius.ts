/** `superionic arrhenius FILE… [--form sigmaT|sigma] [--json]` (CONTRACT §3). */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { oneOf } from '../options.js';
import { readInputFile } from '../../io/files.js';
import { readConductivityTable } from '../../formats/transport/conductivity-table.js';
import { fitArrhenius, type ArrheniusForm, type ArrheniusResult } from '../../transport/arrhenius.js';

interface Options {
  form: ArrheniusForm;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('arrhenius')
    .description('activation energy from conductivity vs temperature')
    .argument('<files...>', 'CSV files with a header: T_K or T_C, sigma_S_cm (or sigma_mS_cm), optional sigma_stderr_S_cm')
    .option('--form <form>', 'sigmaT: ln(σT) = ln σ0 − Ea/(kB·T); sigma: ln σ = ln σ0 − Ea/(kB·T)', oneOf('sigmaT', 'sigma'), 'sigmaT')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Fits a straight line to ln(σT) (or ln σ) against 1/T by least squares (weighted by (σ/δσ)²
when a sigma_stderr column is given). Ea = −slope·kB (kB = 8.617333262e-5 eV/K) with its
standard error from the fit covariance; the prefactor σ0 is in S·K/cm (sigmaT) or S/cm (sigma);
conductivityAt25C is the fitted line at 298.15 K with a delta-method standard error.

JSON: {"activationEnergy": {value, unit: "eV", stderr}, "prefactor", "conductivityAt25C"
(S/cm), "r2", "points", "form"}`,
    )
    .action(async (files: string[], opts: Options) => {
      const json = Boolean(opts.json);
      await forEachFile(ctx, files, json, (file) => fitArrhenius(readConductivityTable(readInputFile(file), file), opts.form), human);
    });
}

const mS = (x: { value: number; stderr?: number }) => ({ value: x.value * 1e3, ...(x.stderr === undefined ? {} : { stderr: x.stderr * 1e3 }) });

function human(r: ArrheniusResult): string {
  const q = (x: { value: number; stderr?: number }, digits = 4) =>
    x.stderr === undefined ? x.value.toPrecision(digits) : `${x.value.toPrecision(digits)} ± ${x.stderr.toPrecision(2)}`;
  return [
    `activation energy  ${q(r.activationEnergy)} eV`,
    `prefactor σ0       ${q(r.prefactor)} ${r.prefactor.unit}`,
    `σ at 25 °C         ${q(mS(r.conductivityAt25C))} mS/cm`,
    `R²                 ${r.r2.toFixed(5)}   (${r.points} points, form ${r.form})`,
  ].join('\n');
}
