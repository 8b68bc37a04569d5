/**
 * Assembles the potential for one system: neighbour list, Born + Coulomb pair style (DSF or
 * real-space Ewald), k-space Ewald, bonds. `compute()` fills `sys.forces` and returns the
 * energy terms (eV) and the virial (eV; xx yy zz xy xz yz), the way LAMMPS reports evdwl,
 * ecoul, elong and ebond.
 */
import type { Potential } from './potential.js';
import type { MdSystem } from './system.js';
import { NeighborList } from './neighbor.js';
import { buildPairTable, type PairTable } from './pair-table.js';
import { BornCoulDsf } from './born-coul-dsf.js';
import { BornCoulLong } from './born-coul-long.js';
import { Ewald } from './ewald.js';
import { Pme } from './pme.js';
import { SplinePair } from './pair-spline.js';
import { computeBonds, detectBonds, type BondSet } from './bonds.js';
import { NKTV2P } from './units.js';

export interface EnergyTerms {
  evdwl: number;
  ecoul: number;
  elong: number;
  ebond: number;
  /** Total potential energy, eV. */
  pe: number;
  /** Virial W_ab = Σ r_a F_b, eV: xx yy zz xy xz yz. */
  virial: Float64Array;
}

export interface ForceFieldOptions {
  /** Verlet skin, Å (LAMMPS `neighbor 2.0 bin`). */
  skin?: number;
  /**
   * Evaluate pairs from cubic-Hermite tables (SplinePair; ~1e-9 relative, faster). MD runs use
   * it; `md energy` does not, so its per-term energies (evdwl, ecoul) stay separate and exact.
   */
  tabulate?: boolean;
}

export class ForceField {
  readonly table: PairTable;
  readonly neighbors: NeighborList;
  readonly pair: BornCoulDsf | BornCoulLong;
  readonly ewald?: Ewald;
  readonly pme?: Pme;
  readonly spline?: SplinePair;
  readonly bonds?: BondSet;
  private fext = new Float64Array(0);

  constructor(
    readonly sys: MdSystem,
    readonly potential: Potential,
    opts: ForceFieldOptions = {},
  ) {
    this.table = buildPairTable(potential, sys.species);
    const c = potential.coulomb;
    this.neighbors = new NeighborList(sys, this.table.maxCutoff, opts.skin ?? 2.0);
    const typeCharges = Float64Array.from(sys.species, (sp) => potential.charges[sp] ?? 0);
    if (c.method === 'dsf') {
      this.pair = new BornCoulDsf(this.table, c.alpha!, c.cutoff, typeCharges);
    } else {
      this.ewald = new Ewald(sys, c.accuracy ?? 1e-5, c.cutoff);
      this.pair = new BornCoulLong(this.table, this.ewald.gEwald, c.cutoff, typeCharges);
      if (c.method === 'pme') this.pme = new Pme(sys, this.ewald);
    }
    const uniformCutoff = potential.pairs.every((p) => p.cutoff === c.cutoff || !sys.species.includes(p.a) || !sys.species.includes(p.b));
    if (opts.tabulate && uniformCutoff) this.spline = new SplinePair(this.pair, sys.species.length, c.cutoff);
    if (potential.bonds && potential.bonds.length > 0) this.bonds = detectBonds(sys, potential.bonds);
  }

  /** `rebuild` forces a neighbour-list rebuild (the runner does so at checkpoints, so a resumed run rebuilds identically). */
  compute(rebuild = false): EnergyTerms {
    const sys = this.sys;
    const nl = this.neighbors;
    nl.update(rebuild);
    const nTot = nl.nTotal;
    if (this.fext.length < 3 * nTot) this.fext = new Float64Array(3 * Math.ceil(nTot * 1.2));
    const fe = this.fext;
    fe.fill(0, 0, 3 * nTot);
    const vir = new Float64Array(6);
    const pr = this.spline ? this.spline.compute(sys, nl, fe, vir) : this.pair.compute(sys, nl, fe, vir);
    const f = sys.forces;
    f.set(fe.subarray(0, 3 * sys.n));
    const owner = nl.owner;
    for (let g = sys.n; g < nTot; g++) {
      const o = 3 * owner[g]!;
      f[o] = f[o]! + fe[3 * g]!;
      f[o + 1] = f[o + 1]! + fe[3 * g + 1]!;
      f[o + 2] = f[o + 2]! + fe[3 * g + 2]!;
    }
    let elong = 0;
    if (this.pme) elong = this.pme.compute(sys, f, vir);
    else if (this.ewald) elong = this.ewald.compute(sys, f, vir);
    let ebond = 0;
    let evdwl = pr.evdwl;
    if (this.bonds) {
      const b = computeBonds(sys, this.bonds, this.table, f, vir);
      ebond = b.ebond;
      evdwl -= b.evdwlExcluded;
    }
    return { evdwl, ecoul: pr.ecoul, elong, ebond, pe: evdwl + pr.ecoul + elong + ebond, virial: vir };
  }
}

/** Pressure in bar from the virial and kinetic energy tensor trace (2·KE, eV) at volume V (Å³). */
export function pressureBar(virial: Float64Array, twiceKinetic: number, volume: number): number {
  return ((twiceKinetic + virial[0]! + virial[1]! + virial[2]!) / (3 * volume)) * NKTV2P;
}
