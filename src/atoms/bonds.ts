/**
 * Cutoff bonds between centres (or network formers) and ligands: a bond exists when the
 * periodic distance is strictly below the ligand's cutoff (Å). Every periodic image within the
 * cutoff is a separate bond (matters only for cells thinner than twice the cutoff).
 */
import type { Cell } from './structure.js';
import { buildCellList, forEachNeighbor, newQuery } from './neighbors.js';

export interface LigandCutoff {
  /** Atomic number of the ligand species. */
  z: number;
  /** Cutoff, Å (bond if d < rc). */
  rc: number;
}

export interface Bonds {
  /** Centre atom indices, in input order. */
  centres: Int32Array;
  /** Bonds of centre c are offsets[c] … offsets[c+1]−1 into ligand/ligandKind/distance. */
  offsets: Int32Array;
  /** Ligand atom index of each bond. */
  ligand: Int32Array;
  /** Index into the ligand cutoff list of each bond. */
  ligandKind: Int32Array;
  /** Bond length, Å. */
  distance: Float64Array;
}

/** Bonds from every atom of the centre elements to ligands within their cutoffs. */
export function cutoffBonds(
  numbers: Uint8Array,
  positions: Float64Array,
  cell: Cell,
  centreElements: number[],
  ligands: LigandCutoff[],
  pbc: readonly [boolean, boolean, boolean] = [true, true, true],
): Bonds {
  const centres: number[] = [];
  numbers.forEach((z, i) => centreElements.includes(z) && centres.push(i));
  const lists = ligands.map((l) => {
    const idx: number[] = [];
    numbers.forEach((z, i) => z === l.z && idx.push(i));
    return buildCellList(cell, positions, Int32Array.from(idx), l.rc, pbc);
  });
  const offsets = new Int32Array(centres.length + 1);
  const lig: number[] = [];
  const kind: number[] = [];
  const dist: number[] = [];
  const q = newQuery();
  centres.forEach((i, c) => {
    ligands.forEach((l, m) => {
      forEachNeighbor(lists[m]!, positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!, i, l.rc, (j, d2) => {
        lig.push(j);
        kind.push(m);
        dist.push(Math.sqrt(d2));
      }, q);
    });
    offsets[c + 1] = lig.length;
  });
  return {
    centres: Int32Array.from(centres),
    offsets,
    ligand: Int32Array.from(lig),
    ligandKind: Int32Array.from(kind),
    distance: Float64Array.from(dist),
  };
}
