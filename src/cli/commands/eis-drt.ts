import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic eis drt` (CONTRACT §2). */
export function register(eis: Command, _ctx: CliContext): void {
  eis
    .command('drt')
    .description('distribution of relaxation times')
    .argument('<files...>', 'impedance files')
    .option('--json', 'print JSON')
    .action(notBuilt('eis drt'));
}
