import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic demo|run|serve` (CONTRACT §9). */
export function register(program: Command, _ctx: CliContext): void {
  program.command('demo').description('run the bundled NHOC study end to end').option('--out <dir>', 'output folder').action(notBuilt('demo'));
  program.command('run').description('run a study folder').argument('<study>').option('--out <dir>', 'output folder').action(notBuilt('run'));
  program.command('serve').description('the local workbench on 127.0.0.1').argument('[study]').action(notBuilt('serve'));
}
