import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic inspect FILE…` (CONTRACT §1). */
export function register(program: Command, _ctx: CliContext): void {
  program
    .command('inspect')
    .description('recognise files by content and report format, kind and size')
    .argument('<files...>', 'input files')
    .option('--json', 'print JSON')
    .action(notBuilt('inspect'));
}
