/** `superionic gitt FILE --mass-mg --molar-mass --molar-volume --area-cm2` (CONTRACT §4). */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { number, positive } from '../options.js';
import { readInputFile } from '../../io/files.js';
import { readCycler } from '../../formats/cycling/read.js';
import { quantity } from '../../core/quantity.js';
import { InputError, UsageError } from '../../core/errors.js';
import { analyzeGitt, type GittSkippedPulse } from '../../cycling/gitt.js';
import { massG, positiveOption } from './cycling-common.js';

interface Options {
  massMg?: number;
  molarMass?: number;
  molarVolume?: number;
  areaCm2?: number;
  restCurrentA?: number;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('gitt')
    .description('apparent diffusion coefficients from GITT pulses (Weppner–Huggins)')
    .argument('<files...>', 'cycler files with current pulses separated by rests')
    .option('--mass-mg <mg>', 'active-material mass m_B in mg', number)
    .option('--molar-mass <g_mol>', 'molar mass M_B of the active material, g/mol', number)
    .option('--molar-volume <cm3_mol>', 'molar volume V_M of the active material, cm³/mol', number)
    .option('--area-cm2 <cm2>', 'area S through which ions enter, cm² (see the convention below)', number)
    .option('--rest-current-a <A>', '|I| at or below this is rest (default 1e-4 × max |I|)', positive)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Weppner–Huggins (J. Electrochem. Soc. 124 (1977) 1569), small-step form, valid for τ ≪ L²/D:

    D = 4/(π·τ) · (m_B·V_M / (M_B·S))² · (ΔE_s / ΔE_τ)²      [cm²/s]

τ pulse length (s); ΔE_s = relaxed voltage at the end of the rest after the pulse minus that
before it; ΔE_τ = E(end of pulse) − E(0⁺) with the ohmic IR jump EXCLUDED: E(0⁺) is the t → 0
intercept of a straight-line fit of E against √(t − t₀) over the pulse (its R² is reported).
A pulse needs a rest before and after it.

Area convention: S is the area you state (geometric electrode area unless you pass the
particle/contact area); m_B·V_M/(M_B·S) is the diffusion length L. In composite solid-state
electrodes the true contact area is unknown, so D is reported as an APPARENT diffusion
coefficient (D ∝ 1/S²). In two-phase plateaus (ΔE_s → 0) D is not meaningful.

JSON: {"pulses": [{"index", "voltage" (relaxed, V), "diffusionCoefficient" (cm2/s), "tau" (s),
"deltaEs", "deltaEt", "irDrop" (V), "current" (mA), "r2", "relaxationRate" (V/s at the end of
the following rest), "tauOverDiffusionTime" (τ·D/L², should be ≪ 1)}], "convention"}`,
    )
    .action(async (files: string[], opts: Options) => {
      const m = massG(opts.massMg, true)!;
      const M = positiveOption('--molar-mass', opts.molarMass, 'g/mol');
      const Vm = positiveOption('--molar-volume', opts.molarVolume, 'cm³/mol');
      const S = positiveOption('--area-cm2', opts.areaCm2, 'cm²');
      if (M === undefined) throw new UsageError('--molar-mass is required (g/mol)');
      if (Vm === undefined) throw new UsageError('--molar-volume is required (cm³/mol)');
      if (S === undefined) throw new UsageError('--area-cm2 is required (cm²)');
      const json = Boolean(opts.json);
      await forEachFile(
        ctx,
        files,
        json,
        (file) => {
          const r = readCycler(readInputFile(file), file);
          const skipped: GittSkippedPulse[] = [];
          const pulses = analyzeGitt(r, {
            massG: m,
            molarMass: M,
            molarVolume: Vm,
            areaCm2: S,
            ...(opts.restCurrentA === undefined ? {} : { restCurrent: opts.restCurrentA }),
          }, skipped);
          for (const sk of skipped) ctx.warn(`${file}: pulse at t = ${sk.startTimeS} s skipped: ${sk.reason}`, json);
          if (!pulses.length) throw new InputError(file, undefined, 'no current pulse with a rest before and after it; expected a GITT run');
          return {
            file,
            format: r.meta.format,
            convention: `apparent D; S = ${S} cm² as stated; L = m·Vm/(M·S) = ${((m * Vm) / (M * S)).toPrecision(4)} cm`,
            pulses: pulses.map((p) => ({
              index: p.index,
              voltage: quantity(p.relaxedVoltage, 'V'),
              diffusionCoefficient: quantity(p.diffusionCoefficient, 'cm2/s'),
              tau: quantity(p.tau, 's'),
              deltaEs: quantity(p.deltaEs, 'V'),
              deltaEt: quantity(p.deltaEt, 'V'),
              irDrop: quantity(p.irDrop, 'V'),
              current: quantity(p.current * 1000, 'mA'),
              r2: p.r2,
              // NaN when the following rest has fewer than two points: left out, not null.
              ...(Number.isFinite(p.relaxationRate) ? { relaxationRate: quantity(p.relaxationRate, 'V/s') } : {}),
              tauOverDiffusionTime: p.tauOverDiffusionTime,
            })),
          };
        },
        (d) =>
          [
            'pulse  E_relaxed (V)  D_apparent (cm²/s)  τ (s)    R²(E–√t)',
            ...d.pulses.map(
              (p) =>
                `${String(p.index).padStart(5)}  ${p.voltage.value.toFixed(4).padStart(13)}  ${p.diffusionCoefficient.value.toExponential(3).padStart(18)}  ${p.tau.value.toFixed(0).padStart(6)}  ${p.r2.toFixed(4)}`,
            ),
            d.convention,
          ].join('\n'),
      );
    });
}
