import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic eis simulate` (CONTRACT §2). */
export function register(eis: Command, _ctx: CliContext): void {
  eis
    .command('simulate')
    .description('compute the impedance of a circuit (CSV frequency_Hz,real_Ohm,imag_Ohm)')
    .requiredOption('--circuit <circuit>', 'circuit string')
    .requiredOption('--params <list>', 'parameter values, e.g. "R0=10,R1=1e3"')
    .action(notBuilt('eis simulate'));
}
