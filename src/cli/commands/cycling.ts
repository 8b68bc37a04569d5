import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic cycling summary|rate` (CONTRACT §4). */
export function register(cycling: Command, _ctx: CliContext): void {
  cycling
    .command('summary')
    .description('capacity, coulombic efficiency and retention per cycle')
    .argument('<files...>', 'cycler files')
    .option('--json', 'print JSON')
    .action(notBuilt('cycling summary'));
  cycling
    .command('rate')
    .description('rate capability grouped by C-rate, with recovery')
    .argument('<files...>', 'cycler files')
    .option('--json', 'print JSON')
    .action(notBuilt('cycling rate'));
}
