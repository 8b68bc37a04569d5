import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic md energy|run|melt-quench` (CONTRACT §8). */
export function register(md: Command, _ctx: CliContext): void {
  md.command('energy').description('energy, forces and pressure of a structure').argument('<files...>').option('--json', 'print JSON').action(notBuilt('md energy'));
  md.command('run').description('run an MD protocol').argument('<protocol>').action(notBuilt('md run'));
  md.command('melt-quench').description("the paper's melt-quench protocol").action(notBuilt('md melt-quench'));
}
