/**
 * What LAMMPS data and dump files share: the box (origin, a, b, c with the triclinic tilts
 * xy xz yz) and the mapping from numeric atom types to elements.
 */
import { InputError } from '../../core/errors.js';
import { atomicMass, ELEMENT_COUNT } from '../../core/elements.js';
import type { Cell } from '../../atoms/structure.js';

export interface LammpsBox {
  lo: [number, number, number];
  hi: [number, number, number];
  xy: number;
  xz: number;
  yz: number;
}

/** Rows a = (lx,0,0), b = (xy,ly,0), c = (xz,yz,lz) in Å (LAMMPS's restricted triclinic). */
export function boxCell(b: LammpsBox): Cell {
  return [
    [b.hi[0] - b.lo[0], 0, 0],
    [b.xy, b.hi[1] - b.lo[1], 0],
    [b.xz, b.yz, b.hi[2] - b.lo[2]],
  ];
}

/**
 * The element whose standard atomic mass is nearest to `mass` (g/mol), if within 0.6 u
 * (enough for rounded masses, never ambiguous for Z ≤ 100 except isotopes like D = 2.014,
 * which is read as H). Undefined otherwise.
 */
export function elementFromMass(mass: number): number | undefined {
  let best = 0;
  let bestDiff = Infinity;
  for (let z = 1; z <= Math.min(ELEMENT_COUNT, 100); z++) {
    const d = Math.abs(atomicMass(z) - mass);
    if (d < bestDiff) {
      bestDiff = d;
      best = z;
    }
  }
  if (mass > 1.9 && mass < 2.2) return 1; // deuterium
  return bestDiff <= 0.6 ? best : undefined;
}

/** Element of each type from a user list ("Na,Hf,O,Cl" → types 1…4). */
export function typeMapFromList(list: number[] | undefined): Map<number, number> {
  const m = new Map<number, number>();
  list?.forEach((z, i) => m.set(i + 1, z));
  return m;
}

export function requireType(types: Map<number, number>, t: number, file: string, line: number): number {
  const z = types.get(t);
  if (z === undefined) throw new InputError(file, line, `atom type ${t} has no element (no Masses entry or name); give the element of each type`);
  return z;
}
