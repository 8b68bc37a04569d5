/**
 * `md energy` physics equals LAMMPS (Debian lammps, 29 Sep 2021) on cells generated here:
 * energy to 1e-6 relative (we get ~1e-13) and forces to 1e-4 eV/Å, for born/coul/dsf and for
 * born/coul/long + kspace ewald, with and without Morse bonds (special_bonds lj 0 coul 1).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { requireEngine } from '../helpers/engines.js';
import { sharedData } from '../helpers/paths.js';
import { randomNhoc, demoPotential } from './cells.js';
import { createSystem } from '../../src/md/system.js';
import { ForceField, pressureBar } from '../../src/md/forcefield.js';
import { parsePotential, type Potential } from '../../src/md/potential.js';
import { lammpsEnergy } from '../../src/engines/lammps/energy.js';
import type { Structure } from '../../src/atoms/structure.js';

const lmp = requireEngine('LAMMPS', 'lmp');

async function compare(s: Structure, pot: Potential) {
  const sys = createSystem(s, pot);
  const ff = new ForceField(sys, pot);
  const e = ff.compute();
  const ref = await lammpsEnergy(sys, pot, ff.bonds);
  let maxdf = 0;
  for (let k = 0; k < 3 * sys.n; k++) maxdf = Math.max(maxdf, Math.abs(sys.forces[k]! - ref.forces[k]!));
  const V = sys.box[0]! * sys.box[1]! * sys.box[2]!;
  return { e, ref, maxdf, press: pressureBar(e.virial, 0, V), bonds: ff.bonds?.kind.length ?? 0 };
}

describe.runIf(lmp)('energy and forces equal LAMMPS', () => {
  it('born/coul/dsf on a 144-atom cell (rc 10 Å > L/2: ghost images)', async () => {
    const r = await compare(randomNhoc(16, 11), demoPotential('dsf'));
    expect(Math.abs(r.e.pe / r.ref.pe - 1)).toBeLessThan(1e-6);
    expect(r.maxdf).toBeLessThan(1e-4);
    expect(Math.abs(r.press / r.ref.press - 1)).toBeLessThan(1e-6);
  });

  it('born/coul/long + ewald on an orthorhombic (1:1.3:0.8) cell', async () => {
    const r = await compare(randomNhoc(12, 12, 3.0, [1, 1.3, 0.8]), demoPotential('ewald', 7));
    expect(Math.abs(r.e.pe / r.ref.pe - 1)).toBeLessThan(1e-6);
    expect(Math.abs(r.e.elong / r.ref.elong - 1)).toBeLessThan(1e-6);
    expect(r.maxdf).toBeLessThan(1e-4);
    expect(Math.abs(r.press / r.ref.press - 1)).toBeLessThan(1e-6);
  });

  it('force-matched NHOC potential with Morse peroxide bonds (ewald, bonds excluded from Born)', async () => {
    const pot = parsePotential(readFileSync(sharedData('potentials', 'nhoc-fm-xtb-v0.json'), 'utf8'), 'nhoc-fm-xtb-v0.json');
    const r = await compare(randomNhoc(8, 13, 3.0, [1, 1, 1], true), pot);
    expect(r.bonds).toBe(8);
    expect(Math.abs(r.e.ebond / r.ref.ebond - 1)).toBeLessThan(1e-9);
    expect(Math.abs(r.e.pe / r.ref.pe - 1)).toBeLessThan(1e-6);
    expect(r.maxdf).toBeLessThan(1e-4);
  });
});
