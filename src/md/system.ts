/**
 * The state the engine integrates: an orthorhombic periodic box, species types, masses,
 * charges, positions kept inside the box (with image counters for unwrapped output),
 * velocities (Å/ps) and forces (eV/Å). Built from a Structure and a potential.
 */
import type { Structure } from '../atoms/structure.js';
import { atomicMass, elementSymbol } from '../core/elements.js';
import type { Potential } from './potential.js';

export interface MdSystem {
  n: number;
  /** Box lengths Å (orthorhombic, origin at 0). */
  box: Float64Array;
  /** Species symbols, indexed by type. */
  species: string[];
  types: Int32Array;
  numbers: Uint8Array;
  /** g/mol */
  masses: Float64Array;
  /** e */
  charges: Float64Array;
  /** Å, wrapped into [0, L) at neighbour-list builds */
  positions: Float64Array;
  /** Periodic images crossed, per atom and axis (unwrapped = x + image·L). */
  images: Int32Array;
  /** Å/ps */
  velocities: Float64Array;
  /** eV/Å */
  forces: Float64Array;
}

/** Throws RangeError with a clear message for what the engine cannot do. */
export function createSystem(s: Structure, pot: Potential): MdSystem {
  const n = s.numbers.length;
  const c = s.cell;
  if (!s.pbc.every(Boolean)) throw new RangeError('the MD engine needs a structure periodic in x, y and z');
  const off = Math.abs(c[0][1]) + Math.abs(c[0][2]) + Math.abs(c[1][0]) + Math.abs(c[1][2]) + Math.abs(c[2][0]) + Math.abs(c[2][1]);
  if (off > 1e-9 * (c[0][0] + c[1][1] + c[2][2])) {
    throw new RangeError('the embedded MD engine supports orthorhombic cells only (use --engine lammps for triclinic cells)');
  }
  const box = Float64Array.of(c[0][0], c[1][1], c[2][2]);
  if (!(box[0]! > 0 && box[1]! > 0 && box[2]! > 0)) throw new RangeError('cell lengths must be positive');
  const species: string[] = [];
  const types = new Int32Array(n);
  const masses = new Float64Array(n);
  const charges = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const sym = elementSymbol(s.numbers[i]!);
    let t = species.indexOf(sym);
    if (t < 0) {
      t = species.length;
      species.push(sym);
    }
    types[i] = t;
    masses[i] = atomicMass(s.numbers[i]!);
    const q = pot.charges[sym];
    if (q === undefined) throw new RangeError(`the potential gives no charge for ${sym}`);
    charges[i] = q;
  }
  const sys: MdSystem = {
    n, box, species, types, numbers: s.numbers.slice(), masses, charges,
    positions: s.positions.slice(), images: new Int32Array(3 * n), velocities: new Float64Array(3 * n), forces: new Float64Array(3 * n),
  };
  const v = s.arrays?.velocities;
  if (v instanceof Float64Array && v.length === 3 * n) for (let k = 0; k < 3 * n; k++) sys.velocities[k] = v[k]! * 1000; // Å/fs → Å/ps
  wrapPositions(sys);
  return sys;
}

/** Moves atoms into [0, L) and counts the images crossed. */
export function wrapPositions(sys: MdSystem): void {
  const { positions: x, images, box, n } = sys;
  for (let i = 0; i < n; i++)
    for (let k = 0; k < 3; k++) {
      const L = box[k]!;
      const v = x[3 * i + k]!;
      if (v >= 0 && v < L) continue;
      const s = Math.floor(v / L);
      let w = v - s * L;
      if (w >= L) w -= L; // rounding at the edge
      x[3 * i + k] = w;
      images[3 * i + k] = images[3 * i + k]! + s;
    }
}

export function unwrappedPositions(sys: MdSystem): Float64Array {
  const out = new Float64Array(3 * sys.n);
  for (let i = 0; i < 3 * sys.n; i++) out[i] = sys.positions[i]! + sys.images[i]! * sys.box[i % 3]!;
  return out;
}

export function totalCharge(sys: MdSystem): number {
  let q = 0;
  for (let i = 0; i < sys.n; i++) q += sys.charges[i]!;
  return q;
}
