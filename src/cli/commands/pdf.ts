import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic pdf` (CONTRACT §6). */
export function register(program: Command, _ctx: CliContext): void {
  program
    .command('pdf')
    .description('X-ray pair distribution function G(r) of a structure or trajectory')
    .argument('<files...>', 'structure or trajectory files')
    .option('--json', 'print JSON')
    .action(notBuilt('pdf'));
}
