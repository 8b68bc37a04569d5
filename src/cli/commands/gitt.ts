import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic gitt` (CONTRACT §4). */
export function register(program: Command, _ctx: CliContext): void {
  program
    .command('gitt')
    .description('apparent diffusion coefficients from GITT pulses (Weppner–Huggins)')
    .argument('<files...>', 'cycler files')
    .option('--json', 'print JSON')
    .action(notBuilt('gitt'));
}
