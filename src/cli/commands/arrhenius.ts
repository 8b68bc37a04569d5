import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic arrhenius` (CONTRACT §3). */
export function register(program: Command, _ctx: CliContext): void {
  program
    .command('arrhenius')
    .description('activation energy from conductivity vs temperature')
    .argument('<files...>', 'CSV files with T_K or T_C and sigma_S_cm')
    .option('--json', 'print JSON')
    .action(notBuilt('arrhenius'));
}
