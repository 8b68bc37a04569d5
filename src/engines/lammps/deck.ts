/**
 * Writes the LAMMPS form of our potential and structure (units metal): a data file
 * (`atom_style charge`, or `full` with the detected bonds) and the pair/kspace/bond commands,
 * so LAMMPS evaluates exactly what the embedded engine does:
 *   dsf   → pair_style born/coul/dsf α rc_born rc_coul
 *   ewald → pair_style born/coul/long rc_born rc_coul; pair_modify table 0; kspace_style ewald ACC
 *   pme   → the same with kspace_style pppm ACC (a different mesh method: close, not identical)
 *   bonds → bond_style morse|harmonic; special_bonds lj 0 coul 1
 */
import type { Potential } from '../../md/potential.js';
import type { MdSystem } from '../../md/system.js';
import type { BondSet } from '../../md/bonds.js';

const f = (x: number) => (Number.isInteger(x) ? x.toFixed(1) : x.toPrecision(17));

export function lammpsData(sys: MdSystem, bonds?: BondSet, unwrapped?: Float64Array): string {
  const nt = sys.species.length;
  const full = bonds !== undefined && bonds.kind.length > 0;
  const lines = ['superionic → LAMMPS (units metal); types: ' + sys.species.map((s, i) => `${i + 1} ${s}`).join(', '), ''];
  lines.push(`${sys.n} atoms`, `${nt} atom types`);
  if (full) lines.push(`${bonds!.kind.length} bonds`, `${bonds!.params.length} bond types`);
  lines.push('', `0 ${f(sys.box[0]!)} xlo xhi`, `0 ${f(sys.box[1]!)} ylo yhi`, `0 ${f(sys.box[2]!)} zlo zhi`, '', 'Masses', '');
  for (let t = 0; t < nt; t++) {
    const i = sys.types.indexOf(t);
    lines.push(`${t + 1} ${f(sys.masses[i]!)} # ${sys.species[t]}`);
  }
  lines.push('', full ? 'Atoms # full' : 'Atoms # charge', '');
  const x = unwrapped ?? sys.positions;
  for (let i = 0; i < sys.n; i++) {
    // Positions inside the box with image flags, so LAMMPS unwraps the same way.
    const p: string[] = [];
    const img: number[] = [];
    for (let k = 0; k < 3; k++) {
      const L = sys.box[k]!;
      const v = x[3 * i + k]!;
      const s = Math.floor(v / L);
      p.push(f(v - s * L));
      img.push(s);
    }
    const head = full ? `${i + 1} 1 ${sys.types[i]! + 1}` : `${i + 1} ${sys.types[i]! + 1}`;
    lines.push(`${head} ${f(sys.charges[i]!)} ${p.join(' ')} ${img.join(' ')}`);
  }
  if (sys.velocities.some((v) => v !== 0)) {
    lines.push('', 'Velocities', '');
    for (let i = 0; i < sys.n; i++) lines.push(`${i + 1} ${f(sys.velocities[3 * i]!)} ${f(sys.velocities[3 * i + 1]!)} ${f(sys.velocities[3 * i + 2]!)}`);
  }
  if (full) {
    lines.push('', 'Bonds', '');
    for (let b = 0; b < bonds!.kind.length; b++) lines.push(`${b + 1} ${bonds!.kind[b]! + 1} ${bonds!.atoms[2 * b]! + 1} ${bonds!.atoms[2 * b + 1]! + 1}`);
  }
  return lines.join('\n') + '\n';
}

/** The force-field commands for `pot` with the type order of `sys`. */
export function lammpsPotentialCommands(pot: Potential, sys: MdSystem, bonds?: BondSet): string {
  const c = pot.coulomb;
  const nt = sys.species.length;
  let maxBorn = c.cutoff;
  for (const p of pot.pairs) maxBorn = Math.max(maxBorn, p.cutoff);
  const out: string[] = [];
  if (c.method === 'dsf') out.push(`pair_style born/coul/dsf ${f(c.alpha!)} ${f(maxBorn)} ${f(c.cutoff)}`);
  else out.push(`pair_style born/coul/long ${f(maxBorn)} ${f(c.cutoff)}`, 'pair_modify table 0', `kspace_style ${c.method === 'pme' ? 'pppm' : 'ewald'} ${c.accuracy ?? 1e-5}`);
  for (let a = 0; a < nt; a++)
    for (let b = a; b < nt; b++) {
      const sa = sys.species[a]!, sb = sys.species[b]!;
      const p = pot.pairs.find((q) => (q.a === sa && q.b === sb) || (q.a === sb && q.b === sa));
      if (p) out.push(`pair_coeff ${a + 1} ${b + 1} ${f(p.A)} ${f(p.rho)} ${f(p.sigma)} ${f(p.C)} ${f(p.D)} ${f(p.cutoff)} # ${sa}-${sb}`);
      else out.push(`pair_coeff ${a + 1} ${b + 1} 0.0 1.0 0.0 0.0 0.0 ${f(c.cutoff)} # ${sa}-${sb} Coulomb only`);
    }
  if (bonds && bonds.kind.length > 0) {
    const forms = new Set(bonds.params.map((p) => p.form));
    if (forms.size > 1) out.push(`bond_style hybrid ${[...forms].join(' ')}`);
    else out.push(`bond_style ${[...forms][0]}`);
    const hybrid = forms.size > 1;
    bonds.params.forEach((p, k) => {
      const style = hybrid ? ` ${p.form}` : '';
      if (p.form === 'morse') out.push(`bond_coeff ${k + 1}${style} ${f(p.D0!)} ${f(p.alpha!)} ${f(p.r0)}`);
      else out.push(`bond_coeff ${k + 1}${style} ${f(p.K!)} ${f(p.r0)}`);
    });
    out.push('special_bonds lj 0.0 0.0 0.0 coul 1.0 1.0 1.0');
  }
  return out.join('\n') + '\n';
}

/** `run 0` deck: energies to the log, forces to `forces.dump`. */
export function energyDeck(sys: MdSystem, bonds: BondSet | undefined, pot: Potential, skin = 2.0): string {
  const full = bonds !== undefined && bonds.kind.length > 0;
  return [
    'units metal',
    `atom_style ${full ? 'full' : 'charge'}`,
    'boundary p p p',
    'read_data data.lmp',
    lammpsPotentialCommands(pot, sys, bonds).trimEnd(),
    `neighbor ${skin} bin`,
    'neigh_modify every 1 delay 0 check yes',
    'thermo_style custom step pe evdwl ecoul elong ebond press',
    'thermo_modify format float %.16g',
    'dump f all custom 1 forces.dump id type fx fy fz',
    'dump_modify f sort id format float %.16g',
    'run 0',
  ].join('\n') + '\n';
}
