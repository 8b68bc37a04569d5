import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic eis kk` (CONTRACT §2). */
export function register(eis: Command, _ctx: CliContext): void {
  eis
    .command('kk')
    .description('Lin-KK validation of an impedance spectrum')
    .argument('<files...>', 'impedance files')
    .option('--json', 'print JSON')
    .action(notBuilt('eis kk'));
}
