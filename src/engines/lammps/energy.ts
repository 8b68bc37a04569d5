/** Energy, forces and pressure of a structure computed by LAMMPS (`run 0`), for cross-checks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Potential } from '../../md/potential.js';
import type { MdSystem } from '../../md/system.js';
import type { BondSet } from '../../md/bonds.js';
import { energyDeck, lammpsData } from './deck.js';
import { parseDump, parseLog } from './output.js';
import { withLammps, type LammpsRunOptions } from './run.js';

export interface LammpsEnergy {
  pe: number;
  evdwl: number;
  ecoul: number;
  elong: number;
  ebond: number;
  /** bar */
  press: number;
  /** eV/Å, 3n in our atom order */
  forces: Float64Array;
}

export async function lammpsEnergy(sys: MdSystem, pot: Potential, bonds?: BondSet, opts: LammpsRunOptions = {}): Promise<LammpsEnergy> {
  return withLammps(
    { 'in.lmp': energyDeck(sys, bonds, pot), 'data.lmp': lammpsData(sys, bonds) },
    (dir, log) => {
      const blocks = parseLog(log);
      const b = blocks[blocks.length - 1]!;
      const row = b.rows[0]!;
      const col = (name: string) => row[b.columns.indexOf(name)] ?? 0;
      const d = parseDump(readFileSync(join(dir, 'forces.dump'), 'utf8'), 'forces.dump')[0]!;
      const forces = new Float64Array(3 * sys.n);
      for (let i = 0; i < sys.n; i++) {
        forces[3 * i] = d.data.fx![i]!;
        forces[3 * i + 1] = d.data.fy![i]!;
        forces[3 * i + 2] = d.data.fz![i]!;
      }
      return { pe: col('PotEng'), evdwl: col('E_vdwl'), ecoul: col('E_coul'), elong: col('E_long'), ebond: col('E_bond'), press: col('Press'), forces };
    },
    opts,
  );
}
