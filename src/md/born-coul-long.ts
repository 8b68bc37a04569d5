/**
 * Born–Mayer–Huggins + the real-space part of Ewald Coulomb, as LAMMPS `pair_style
 * born/coul/long` with `pair_modify table 0` (pair_born_coul_long.cpp):
 *   E_coul = qᵢqⱼ·erfc(g·r)/r   for r < r_c,
 * with erfc from the Abramowitz–Stegun 7.1.26 polynomial (|error| ≤ 1.5e-7) exactly as LAMMPS
 * evaluates it, so energies and forces agree with LAMMPS to rounding. (LAMMPS's default
 * tabulation, table 12, differs from this by ~1e-6 relative.)
 */
import type { NeighborList } from './neighbor.js';
import { bornPair, type PairTable } from './pair-table.js';
import type { MdSystem } from './system.js';
import type { PairResult } from './born-coul-dsf.js';
import { QQR2E } from './units.js';

const EWALD_F = 1.12837917;
const EWALD_P = 0.3275911;
const A1 = 0.254829592;
const A2 = -0.284496736;
const A3 = 1.421413741;
const A4 = -1.453152027;
const A5 = 1.061405429;

export class BornCoulLong {
  private readonly cutCoulSq: number;

  constructor(
    private readonly table: PairTable,
    /** Ewald splitting parameter g, 1/Å (from the k-space solver). */
    readonly gEwald: number,
    readonly cutCoul: number,
    /** Charge of each type (e), for the single-pair evaluation used to build tables. */
    private readonly typeCharges: Float64Array,
  ) {
    this.cutCoulSq = cutCoul * cutCoul;
  }

  /** One pair (not the hot loop: table building and the rare r < 0.6 Å of SplinePair). */
  pairEnergyForce(ti: number, tj: number, rsq: number): { e: number; fpair: number } {
    const t = ti * this.table.ntypes + tj;
    let e = 0, fpair = 0;
    if (rsq >= this.table.cutSq[t]!) return { e, fpair };
    const r = Math.sqrt(rsq);
    if (rsq < this.cutCoulSq) {
      const grij = this.gEwald * r;
      const expm2 = Math.exp(-grij * grij);
      const tt = 1 / (1 + EWALD_P * grij);
      const erfcv = tt * (A1 + tt * (A2 + tt * (A3 + tt * (A4 + tt * A5)))) * expm2;
      const prefactor = (QQR2E * this.typeCharges[ti]! * this.typeCharges[tj]!) / r;
      fpair = (prefactor * (erfcv + EWALD_F * grij * expm2)) / rsq;
      e = prefactor * erfcv;
    }
    if (rsq < this.table.cutBornSq[t]!) {
      const born = bornPair(this.table, t, r);
      e += born.e;
      fpair += born.fOverR;
    }
    return { e, fpair };
  }

  selfEnergy(): number {
    return 0;
  }

  /** As BornCoulDsf.compute (same loop on purpose, see there), with the Ewald real-space kernel. */
  compute(sys: MdSystem, nl: NeighborList, f: Float64Array, vir: Float64Array): PairResult {
    const types = nl.extType, q = nl.extQ;
    const { cutSq, cutBornSq, born1, born2, born3, A, C, D, rhoinv, sigma, ntypes } = this.table;
    const x = nl.ext, start = nl.start, nbr = nl.nbr;
    const g = this.gEwald, cutCoulSq = this.cutCoulSq;
    let evdwl = 0, ecoul = 0;
    let vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
    for (let i = 0; i < sys.n; i++) {
      const xi = x[3 * i]!, yi = x[3 * i + 1]!, zi = x[3 * i + 2]!;
      const qi = q[i]!;
      const ti = types[i]! * ntypes;
      let fxi = 0, fyi = 0, fzi = 0;
      const end = start[i + 1]!;
      for (let k = start[i]!; k < end; k++) {
        const j = nbr[k]!;
        const dx = xi - x[3 * j]!, dy = yi - x[3 * j + 1]!, dz = zi - x[3 * j + 2]!;
        const rsq = dx * dx + dy * dy + dz * dz;
        const t = ti + types[j]!;
        if (rsq >= cutSq[t]!) continue;
        const r2inv = 1 / rsq;
        const r = Math.sqrt(rsq);
        let fpair = 0;
        if (rsq < cutCoulSq) {
          const grij = g * r;
          const expm2 = Math.exp(-grij * grij);
          const tt = 1 / (1 + EWALD_P * grij);
          const erfcv = tt * (A1 + tt * (A2 + tt * (A3 + tt * (A4 + tt * A5)))) * expm2;
          const prefactor = (QQR2E * qi * q[j]!) / r;
          fpair = prefactor * (erfcv + EWALD_F * grij * expm2);
          ecoul += prefactor * erfcv;
        }
        if (rsq < cutBornSq[t]!) {
          const r6inv = r2inv * r2inv * r2inv;
          const rexp = Math.exp((sigma[t]! - r) * rhoinv[t]!);
          fpair += born1[t]! * r * rexp - born2[t]! * r6inv + born3[t]! * r2inv * r6inv;
          evdwl += A[t]! * rexp - C[t]! * r6inv + D[t]! * r6inv * r2inv;
        }
        fpair *= r2inv;
        const fx = dx * fpair, fy = dy * fpair, fz = dz * fpair;
        fxi += fx; fyi += fy; fzi += fz;
        f[3 * j] = f[3 * j]! - fx;
        f[3 * j + 1] = f[3 * j + 1]! - fy;
        f[3 * j + 2] = f[3 * j + 2]! - fz;
        vxx += dx * fx; vyy += dy * fy; vzz += dz * fz; vxy += dx * fy; vxz += dx * fz; vyz += dy * fz;
      }
      f[3 * i] = f[3 * i]! + fxi;
      f[3 * i + 1] = f[3 * i + 1]! + fyi;
      f[3 * i + 2] = f[3 * i + 2]! + fzi;
    }
    vir[0] = vir[0]! + vxx; vir[1] = vir[1]! + vyy; vir[2] = vir[2]! + vzz;
    vir[3] = vir[3]! + vxy; vir[4] = vir[4]! + vxz; vir[5] = vir[5]! + vyz;
    return { evdwl, ecoul };
  }
}
