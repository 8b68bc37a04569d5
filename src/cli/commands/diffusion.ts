import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic diffusion` (CONTRACT §7). */
export function register(program: Command, _ctx: CliContext): void {
  program
    .command('diffusion')
    .description('mean-squared displacement, diffusion coefficient and conductivity')
    .argument('<files...>', 'trajectory files')
    .option('--json', 'print JSON')
    .action(notBuilt('diffusion'));
}
