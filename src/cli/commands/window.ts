import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic window` (CONTRACT §4). */
export function register(program: Command, _ctx: CliContext): void {
  program
    .command('window')
    .description('electrochemical stability window from LSV/CV')
    .argument('<files...>', 'voltammetry files')
    .option('--json', 'print JSON')
    .action(notBuilt('window'));
}
