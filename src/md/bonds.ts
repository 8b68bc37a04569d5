/**
 * Bonds for molecular anions (peroxide O₂²⁻), CONTRACT §8: bonded pairs are the mutually
 * nearest a–b pairs within `detect.maxDistance` in the starting structure, fixed for the run.
 * Forms as LAMMPS: `bond_style morse` E = D0[1 − e^{−α(r−r0)}]², `bond_style harmonic`
 * E = K(r − r0)². Their short-range pair term is excluded and their Coulomb kept (LAMMPS
 * `special_bonds lj 0 coul 1`), done here by subtracting the Born term of the bonded image.
 */
import type { BondParams } from './potential.js';
import type { MdSystem } from './system.js';
import { bornPair, type PairTable } from './pair-table.js';

export interface BondSet {
  /** Atom pairs, 2 per bond. */
  atoms: Int32Array;
  /** Index into the potential's bonds list, per bond. */
  kind: Int32Array;
  params: BondParams[];
}

function minImage(d: number, L: number): number {
  return d - L * Math.round(d / L);
}

export function detectBonds(sys: MdSystem, params: BondParams[]): BondSet {
  const atoms: number[] = [];
  const kind: number[] = [];
  const taken = new Uint8Array(sys.n);
  params.forEach((bp, kIdx) => {
    const ta = sys.species.indexOf(bp.a), tb = sys.species.indexOf(bp.b);
    if (ta < 0 || tb < 0) return;
    const max2 = bp.detect.maxDistance ** 2;
    const nearest = (i: number, t: number): number => {
      let best = -1, bestD = max2;
      for (let j = 0; j < sys.n; j++) {
        if (j === i || sys.types[j] !== t) continue;
        const d2 = dist2(sys, i, j);
        if (d2 < bestD) {
          bestD = d2;
          best = j;
        }
      }
      return best;
    };
    for (let i = 0; i < sys.n; i++) {
      if (sys.types[i] !== ta || taken[i]) continue;
      const j = nearest(i, tb);
      if (j < 0 || taken[j]) continue;
      if (nearest(j, ta) !== i) continue;
      if (ta === tb && j < i) continue;
      taken[i] = 1;
      taken[j] = 1;
      atoms.push(i, j);
      kind.push(kIdx);
    }
  });
  return { atoms: Int32Array.from(atoms), kind: Int32Array.from(kind), params };
}

function dist2(sys: MdSystem, i: number, j: number): number {
  const x = sys.positions, L = sys.box;
  const dx = minImage(x[3 * j]! - x[3 * i]!, L[0]!);
  const dy = minImage(x[3 * j + 1]! - x[3 * i + 1]!, L[1]!);
  const dz = minImage(x[3 * j + 2]! - x[3 * i + 2]!, L[2]!);
  return dx * dx + dy * dy + dz * dz;
}

/** Adds bond forces minus the excluded Born pair forces; returns {ebond, evdwlExcluded}. */
export function computeBonds(sys: MdSystem, bonds: BondSet, table: PairTable, f: Float64Array, vir: Float64Array): { ebond: number; evdwlExcluded: number } {
  let ebond = 0, excl = 0;
  const x = sys.positions, L = sys.box;
  for (let b = 0; b < bonds.kind.length; b++) {
    const i = bonds.atoms[2 * b]!, j = bonds.atoms[2 * b + 1]!;
    const p = bonds.params[bonds.kind[b]!]!;
    const dx = minImage(x[3 * i]! - x[3 * j]!, L[0]!);
    const dy = minImage(x[3 * i + 1]! - x[3 * j + 1]!, L[1]!);
    const dz = minImage(x[3 * i + 2]! - x[3 * j + 2]!, L[2]!);
    const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
    let fbond: number; // −dE/dr / r
    if (p.form === 'morse') {
      const ralpha = Math.exp(-p.alpha! * (r - p.r0));
      ebond += p.D0! * (1 - ralpha) ** 2;
      fbond = r > 0 ? (-2 * p.D0! * p.alpha! * (1 - ralpha) * ralpha) / r : 0;
    } else {
      const dr = r - p.r0;
      ebond += p.K! * dr * dr;
      fbond = r > 0 ? (-2 * p.K! * dr) / r : 0;
    }
    // Excluded Born term of this pair (special_bonds lj 0).
    const t = sys.types[i]! * table.ntypes + sys.types[j]!;
    if (r * r < table.cutBornSq[t]!) {
      const bp = bornPair(table, t, r);
      excl += bp.e;
      fbond -= bp.fOverR;
    }
    const fx = dx * fbond, fy = dy * fbond, fz = dz * fbond;
    f[3 * i] = f[3 * i]! + fx; f[3 * i + 1] = f[3 * i + 1]! + fy; f[3 * i + 2] = f[3 * i + 2]! + fz;
    f[3 * j] = f[3 * j]! - fx; f[3 * j + 1] = f[3 * j + 1]! - fy; f[3 * j + 2] = f[3 * j + 2]! - fz;
    vir[0] = vir[0]! + dx * fx; vir[1] = vir[1]! + dy * fy; vir[2] = vir[2]! + dz * fz;
    vir[3] = vir[3]! + dx * fy; vir[4] = vir[4]! + dx * fz; vir[5] = vir[5]! + dy * fz;
  }
  return { ebond, evdwlExcluded: excl };
}
