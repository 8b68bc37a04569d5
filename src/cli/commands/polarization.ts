import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic polarization` (CONTRACT §3). */
export function register(program: Command, _ctx: CliContext): void {
  program
    .command('polarization')
    .description('electronic conductivity from DC polarisation steps')
    .argument('<files...>', 'chronoamperometry files')
    .option('--json', 'print JSON')
    .action(notBuilt('polarization'));
}
