/** `superionic window FILE [--area-cm2 A] [--threshold-ma-cm2 X | --method tangent]` (CONTRACT §4). */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { number, oneOf } from '../options.js';
import { readInputFile } from '../../io/files.js';
import { readCycler } from '../../formats/cycling/read.js';
import { quantity } from '../../core/quantity.js';
import { UsageError } from '../../core/errors.js';
import { stabilityWindow, type WindowMethod } from '../../cycling/window.js';
import { positiveOption } from './cycling-common.js';

interface Options {
  areaCm2?: number;
  thresholdMaCm2?: number;
  method?: 'threshold' | 'tangent';
  json?: boolean;
}

const DEFAULT_THRESHOLD = 0.01;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('window')
    .description('electrochemical stability window from LSV/CV')
    .argument('<files...>', 'voltammetry files (LSV or CV: potential and current)')
    .option('--area-cm2 <cm2>', 'electrode area, cm² (current density j = I/A)', number)
    .option('--threshold-ma-cm2 <x>', `onset where |j| first stays above X mA/cm² (mA without --area-cm2); default ${DEFAULT_THRESHOLD}`, number)
    .option('--method <method>', 'threshold (default) or tangent', oneOf('threshold', 'tangent'))
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
The first anodic sweep gives the oxidation onset, the first cathodic sweep the reduction onset.
threshold: the potential where |j| = |I|/A last crosses X going towards the sweep's vertex (the
start of the final run above X, linearly interpolated), so a capacitive spike at the start of
the sweep is ignored. tangent: the intersection of the baseline (line through the middle 60 % of
the quiet stretch before the rise) with the tangent to the steep rise (line through the
outermost points above 50 % of the sweep's peak current). Potentials as recorded (state the
reference, e.g. Na/Na⁺); null when a sweep never reaches the criterion or is absent.

JSON: {"oxidation": Quantity(V)|null, "reduction": Quantity(V)|null, "method",
"threshold"?: Quantity(mA/cm2 or mA)}`,
    )
    .action(async (files: string[], opts: Options) => {
      if (opts.method === 'tangent' && opts.thresholdMaCm2 !== undefined) {
        throw new UsageError('--threshold-ma-cm2 and --method tangent exclude each other');
      }
      const area = positiveOption('--area-cm2', opts.areaCm2, 'cm²');
      const thr = positiveOption('--threshold-ma-cm2', opts.thresholdMaCm2, 'mA/cm²') ?? DEFAULT_THRESHOLD;
      const method: WindowMethod = opts.method === 'tangent' ? { kind: 'tangent' } : { kind: 'threshold', value: thr };
      const json = Boolean(opts.json);
      await forEachFile(
        ctx,
        files,
        json,
        (file) => {
          const r = readCycler(readInputFile(file), file);
          const w = stabilityWindow(r, method, area);
          return {
            file,
            format: r.meta.format,
            oxidation: w.oxidation === null ? null : quantity(w.oxidation, 'V'),
            reduction: w.reduction === null ? null : quantity(w.reduction, 'V'),
            method: method.kind,
            ...(method.kind === 'threshold' ? { threshold: quantity(method.value, area ? 'mA/cm2' : 'mA') } : {}),
          };
        },
        (d) =>
          [
            `oxidation onset  ${d.oxidation ? `${d.oxidation.value.toFixed(3)} V` : '— (not reached)'}`,
            `reduction onset  ${d.reduction ? `${d.reduction.value.toFixed(3)} V` : '— (not reached)'}`,
            `method           ${d.method}${d.threshold ? ` (${d.threshold.value} ${d.threshold.unit})` : ''}`,
          ].join('\n'),
      );
    });
}
