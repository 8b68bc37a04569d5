import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { notBuilt } from './_stub.js';

/** `superionic structure info|rdf|coordination|network|build` (CONTRACT §5). */
export function register(structure: Command, _ctx: CliContext): void {
  for (const [name, what] of [
    ['info', 'atoms, formula, cell, volume and density'],
    ['rdf', 'partial radial distribution functions and running coordination numbers'],
    ['coordination', 'coordination numbers and polyhedra populations'],
    ['network', 'bridging/non-bridging ligands and corner/edge/face sharing'],
  ] as const) {
    structure
      .command(name)
      .description(what)
      .argument('<files...>', 'structure or trajectory files')
      .option('--json', 'print JSON')
      .action(notBuilt('structure ' + name));
  }
  structure.command('build').description('random amorphous starting cell').action(notBuilt('structure build'));
}
