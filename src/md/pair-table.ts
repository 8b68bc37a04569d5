/**
 * Per type-pair coefficient tables for the Born–Mayer–Huggins short-range term, laid out flat
 * (index ti·ntypes + tj) for the force loops, with the same derived constants LAMMPS
 * `pair_born.cpp` uses: born1 = A/ρ, born2 = 6C, born3 = 8D.
 */
import type { Potential } from './potential.js';

export interface PairTable {
  ntypes: number;
  A: Float64Array;
  rhoinv: Float64Array;
  sigma: Float64Array;
  C: Float64Array;
  D: Float64Array;
  born1: Float64Array;
  born2: Float64Array;
  born3: Float64Array;
  /** Born cutoff² (0 = no short-range term). */
  cutBornSq: Float64Array;
  /** max(Born, Coulomb) cutoff², what the loop tests first. */
  cutSq: Float64Array;
  /** Largest cutoff of any pair or of Coulomb, Å. */
  maxCutoff: number;
}

export function buildPairTable(pot: Potential, species: string[]): PairTable {
  const nt = species.length;
  const m = nt * nt;
  const t: PairTable = {
    ntypes: nt, A: new Float64Array(m), rhoinv: new Float64Array(m), sigma: new Float64Array(m), C: new Float64Array(m),
    D: new Float64Array(m), born1: new Float64Array(m), born2: new Float64Array(m), born3: new Float64Array(m),
    cutBornSq: new Float64Array(m), cutSq: new Float64Array(m), maxCutoff: pot.coulomb.cutoff,
  };
  const rc2 = pot.coulomb.cutoff ** 2;
  t.cutSq.fill(rc2);
  for (const p of pot.pairs) {
    const a = species.indexOf(p.a), b = species.indexOf(p.b);
    if (a < 0 || b < 0) continue; // pair for a species absent from this structure
    for (const k of a === b ? [a * nt + b] : [a * nt + b, b * nt + a]) {
      t.A[k] = p.A;
      t.rhoinv[k] = 1 / p.rho;
      t.sigma[k] = p.sigma;
      t.C[k] = p.C;
      t.D[k] = p.D;
      t.born1[k] = p.A / p.rho;
      t.born2[k] = 6 * p.C;
      t.born3[k] = 8 * p.D;
      t.cutBornSq[k] = p.cutoff * p.cutoff;
      t.cutSq[k] = Math.max(rc2, p.cutoff * p.cutoff);
    }
    t.maxCutoff = Math.max(t.maxCutoff, p.cutoff);
  }
  return t;
}

/** Born–Mayer–Huggins energy and −dE/dr · (1/r)… of one pair at distance r (for bond exclusions). */
export function bornPair(t: PairTable, k: number, r: number): { e: number; fOverR: number } {
  const r2inv = 1 / (r * r);
  const r6inv = r2inv * r2inv * r2inv;
  const rexp = Math.exp((t.sigma[k]! - r) * t.rhoinv[k]!);
  const forceborn = t.born1[k]! * r * rexp - t.born2[k]! * r6inv + t.born3[k]! * r2inv * r6inv;
  const e = t.A[k]! * rexp - t.C[k]! * r6inv + t.D[k]! * r6inv * r2inv;
  return { e, fOverR: forceborn * r2inv };
}
