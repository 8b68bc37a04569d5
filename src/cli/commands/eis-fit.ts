import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic eis fit` (CONTRACT §2). */
export function register(eis: Command, _ctx: CliContext): void {
  eis
    .command('fit')
    .description('fit an equivalent circuit to an impedance spectrum')
    .argument('<files...>', 'impedance files')
    .requiredOption('--circuit <circuit>', 'circuit string, e.g. R0-p(R1,CPE1)-CPE2')
    .option('--json', 'print JSON')
    .action(notBuilt('eis fit'));
}
