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

/** u: how far a rounded mass may be from its element's standard mass. */
const MASS_TOLERANCE = 0.6;
/** u: how close it must be when a second element lies within MASS_TOLERANCE. */
const AMBIGUOUS_MASS_TOLERANCE = 0.05;

/**
 * The element whose standard atomic mass is nearest to `mass` (g/mol), if within 0.6 u, with
 * deuterium (2.014) read as H. Some neighbours lie closer than 0.6 u (Ar/Ca 0.13, Co/Ni 0.24,
 * Bi/Po, Cm/Bk): when a second element also fits, the mass must match the nearest within
 * 0.05 u, so a rounded "59" (Co 58.93 or Ni 58.69?) or "40" (Ar or Ca?) gives undefined rather
 * than a guess — the user names the element instead. Undefined otherwise.
 */
export function elementFromMass(mass: number): number | undefined {
  if (mass > 1.9 && mass < 2.2) return 1; // deuterium
  let best = 0;
  let bestDiff = Infinity;
  let secondDiff = Infinity;
  for (let z = 1; z <= Math.min(ELEMENT_COUNT, 100); z++) {
    const d = Math.abs(atomicMass(z) - mass);
    if (d < bestDiff) {
      secondDiff = bestDiff;
      bestDiff = d;
      best = z;
    } else if (d < secondDiff) secondDiff = d;
  }
  if (bestDiff > MASS_TOLERANCE) return undefined;
  if (secondDiff <= MASS_TOLERANCE && bestDiff > AMBIGUOUS_MASS_TOLERANCE) return undefined;
  return best;
}

/** Element of each type from a user list ("Na,Hf,O,Cl" → types 1…4). */
export function typeMapFromList(list: number[] | undefined): Map<number, number> {
  const m = new Map<number, number>();
  list?.forEach((z, i) => m.set(i + 1, z));
  return m;
}

export function requireType(types: Map<number, number>, t: number, file: string, line: number): number {
  const z = types.get(t);
  if (z === undefined) throw new InputError(file, line, `atom type ${t} has no element (no Masses entry or name, or a mass that fits two elements); give the element of each type`);
  return z;
}
