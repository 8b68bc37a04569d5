/** `superionic md energy|run|melt-quench` (CONTRACT §8). */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { oneOf } from '../options.js';
import { notBuilt } from './_stub.js';
import { readInputFile } from '../../io/files.js';
import { readAs } from '../../formats/detect.js';
import { InputError } from '../../core/errors.js';
import { quantity } from '../../core/quantity.js';
import { decodeText } from '../../formats/text.js';
import type { Structure } from '../../atoms/structure.js';
import type { Trajectory } from '../../atoms/trajectory.js';
import { parsePotential, type Potential } from '../../md/potential.js';
import { createSystem, type MdSystem } from '../../md/system.js';
import { ForceField, pressureBar } from '../../md/forcefield.js';
import { lammpsEnergy } from '../../engines/lammps/energy.js';

export function register(md: Command, ctx: CliContext): void {
  md.command('energy')
    .description('energy, forces and pressure of a structure for a Born–Mayer–Huggins + Coulomb potential')
    .argument('<files...>', 'structure files (CIF, POSCAR, extended XYZ, LAMMPS data, …; first frame of a trajectory)')
    .requiredOption('--potential <P>', 'potential JSON (CONTRACT §8; see potentials/README.md)')
    .option('--engine <name>', 'embedded (this program) or lammps (runs lmp)', oneOf('embedded', 'lammps'), 'embedded')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Pair energy E(r) = A·exp((σ − r)/ρ) − C/r⁶ + D/r⁸ + qᵢqⱼ/r (LAMMPS born/coul/dsf or
born/coul/long + kspace ewald with the potential's accuracy), bonds (Morse or harmonic) with
their pair term excluded (special_bonds lj 0 coul 1). Units: eV, Å, e; pressure in bar is the
virial pressure P = Σᵢ rᵢ·Fᵢ/(3V) (no kinetic part). The embedded engine needs an orthorhombic
cell; it agrees with LAMMPS to ~1e-13 in energy.

JSON: {"energy": {value, unit: "eV"}, "forces": [[eV/Å]], "pressure": {value, unit: "bar"},
"terms": {"evdwl", "ecoul", "elong", "ebond"} (eV), "atoms", "engine", "bonds"}`,
    )
    .action(async (files: string[], opts: { potential: string; engine: 'embedded' | 'lammps'; json?: boolean }) => {
      const pot = readPotential(opts.potential);
      await forEachFile(ctx, files, Boolean(opts.json), (file) => energy(file, pot, opts.engine), humanEnergy);
    });
  md.command('run').description('run an MD protocol').argument('<protocol>').action(notBuilt('md run'));
  md.command('melt-quench').description("the paper's melt-quench protocol").action(notBuilt('md melt-quench'));
}

export function readPotential(file: string): Potential {
  return parsePotential(decodeText(readInputFile(file)), file);
}

export function readStructure(file: string): Structure {
  const { data } = readAs<Structure | Trajectory>(readInputFile(file), file, ['structure', 'trajectory']);
  if ('frames' in data) return data.structure;
  return data;
}

export function systemFor(file: string, s: Structure, pot: Potential): MdSystem {
  try {
    return createSystem(s, pot);
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(file, undefined, e.message);
    throw e;
  }
}

async function energy(file: string, pot: Potential, engine: 'embedded' | 'lammps') {
  const sys = systemFor(file, readStructure(file), pot);
  const ff = new ForceField(sys, pot);
  const V = sys.box[0]! * sys.box[1]! * sys.box[2]!;
  let doc;
  if (engine === 'lammps') {
    const r = await lammpsEnergy(sys, pot, ff.bonds);
    doc = {
      energy: quantity(r.pe, 'eV'),
      forces: rows(r.forces),
      pressure: quantity(r.press, 'bar'),
      terms: { evdwl: r.evdwl, ecoul: r.ecoul, elong: r.elong, ebond: r.ebond },
    };
  } else {
    const e = ff.compute();
    doc = {
      energy: quantity(e.pe, 'eV'),
      forces: rows(sys.forces),
      pressure: quantity(pressureBar(e.virial, 0, V), 'bar'),
      terms: { evdwl: e.evdwl, ecoul: e.ecoul, elong: e.elong, ebond: e.ebond },
    };
  }
  return { ...doc, atoms: sys.n, engine, bonds: ff.bonds?.kind.length ?? 0, file };
}

function rows(f: Float64Array): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < f.length; i += 3) out.push([f[i]!, f[i + 1]!, f[i + 2]!]);
  return out;
}

function humanEnergy(doc: { energy: { value: number }; pressure: { value: number }; atoms: number; terms: Record<string, number>; forces: number[][] }): string {
  let fmax = 0;
  for (const f of doc.forces) fmax = Math.max(fmax, Math.hypot(f[0]!, f[1]!, f[2]!));
  return [
    `energy    ${doc.energy.value.toFixed(6)} eV  (${(doc.energy.value / doc.atoms).toFixed(6)} eV/atom, ${doc.atoms} atoms)`,
    `terms     ${Object.entries(doc.terms).map(([k, v]) => `${k} ${v.toFixed(6)}`).join('  ')}`,
    `pressure  ${doc.pressure.value.toFixed(2)} bar (virial)`,
    `max |F|   ${fmax.toFixed(4)} eV/Å`,
  ].join('\n');
}
