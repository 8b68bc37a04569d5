import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic xrd` (CONTRACT §6). */
export function register(program: Command, _ctx: CliContext): void {
  program
    .command('xrd')
    .description('powder X-ray diffraction pattern of a structure')
    .argument('<files...>', 'structure files')
    .option('--json', 'print JSON')
    .action(notBuilt('xrd'));
}
