/**
 * An atomic structure (DESIGN §2): cell rows are the lattice vectors a, b, c in Å; positions are
 * Cartesian Å, n×3 row-major; `numbers` are atomic numbers (Z ≤ 118). Periodicity per axis.
 */
import { cellDeterminant } from './lattice.js';

export interface Structure {
  /** 3×3, rows are lattice vectors, Å. All zeros for a non-periodic molecule. */
  cell: [[number, number, number], [number, number, number], [number, number, number]];
  /** Atomic numbers, length n. */
  numbers: Uint8Array;
  /** Cartesian positions, Å, length 3n. */
  positions: Float64Array;
  pbc: [boolean, boolean, boolean];
  /** Per-atom extras read from the file (charges, labels, velocities Å/fs …), each of length n or 3n. */
  arrays?: Record<string, Float64Array | Int32Array | string[]>;
  /** Free-form information (comment line, space group, source …). */
  info?: Record<string, unknown>;
}

export type Cell = Structure['cell'];

export function atomCount(s: Structure): number {
  return s.numbers.length;
}

/** Cell volume in Å^3 (absolute value of the triple product). */
export function cellVolume(cell: Cell): number {
  return Math.abs(cellDeterminant(cell));
}
