/**
 * Born–Mayer–Huggins + damped shifted force Coulomb, as LAMMPS `pair_style born/coul/dsf α rc`
 * (pair_born_coul_dsf.cpp; Fennell & Gezelter, J. Chem. Phys. 124, 234104 (2006)):
 *   E_coul = qᵢqⱼ [erfc(αr)/r − erfc(αr_c)/r_c + (r − r_c)·(erfc(αr_c)/r_c² + 2α/√π·e^{−α²r_c²}/r_c)]
 * plus the self term −(e_shift/2 + α/√π)·qᵢ² per atom. erfc is evaluated accurately (libm-like,
 * ~1e-15), as LAMMPS 2021 does for this style, reusing the e^{−α²r²} the force needs anyway.
 */
import { erfc, erfcWithExp } from '../numerics/special.js';
import type { NeighborList } from './neighbor.js';
import { bornPair, type PairTable } from './pair-table.js';
import type { MdSystem } from './system.js';
import { QQR2E } from './units.js';

const MY_PIS = Math.sqrt(Math.PI);

export interface PairResult {
  evdwl: number;
  ecoul: number;
}

export class BornCoulDsf {
  private readonly fShift: number;
  private readonly eShift: number;
  private readonly cutCoulSq: number;
  /** Self energy per unit q², eV/e²: −(e_shift/2 + α/√π)·qqr2e. */
  private readonly selfPerQ2: number;

  constructor(
    private readonly table: PairTable,
    readonly alpha: number,
    readonly cutCoul: number,
    /** Charge of each type (e), for the single-pair evaluation used to build tables. */
    private readonly typeCharges: Float64Array,
  ) {
    const erfcc = erfc(alpha * cutCoul);
    const erfcd = Math.exp(-alpha * alpha * cutCoul * cutCoul);
    this.fShift = -(erfcc / (cutCoul * cutCoul) + ((2 / MY_PIS) * alpha * erfcd) / cutCoul);
    this.eShift = erfcc / cutCoul - this.fShift * cutCoul;
    this.cutCoulSq = cutCoul * cutCoul;
    this.selfPerQ2 = -(this.eShift / 2 + alpha / MY_PIS) * QQR2E;
  }

  /** One pair (not the hot loop: table building and the rare r < 0.6 Å of SplinePair). */
  pairEnergyForce(ti: number, tj: number, rsq: number): { e: number; fpair: number } {
    const t = ti * this.table.ntypes + tj;
    let e = 0, fpair = 0;
    if (rsq >= this.table.cutSq[t]!) return { e, fpair };
    const r = Math.sqrt(rsq);
    if (rsq < this.cutCoulSq) {
      const prefactor = (QQR2E * this.typeCharges[ti]! * this.typeCharges[tj]!) / r;
      const erfcd = Math.exp(-this.alpha * this.alpha * rsq);
      const erfcc = erfcWithExp(this.alpha * r, erfcd);
      fpair = (prefactor * (erfcc / r + ((2 * this.alpha) / MY_PIS) * erfcd + r * this.fShift) * r) / rsq;
      e = prefactor * (erfcc - r * this.eShift - rsq * this.fShift);
    }
    if (rsq < this.table.cutBornSq[t]!) {
      const born = bornPair(this.table, t, r);
      e += born.e;
      fpair += born.fOverR;
    }
    return { e, fpair };
  }

  selfEnergy(sys: MdSystem): number {
    let e = 0;
    for (let i = 0; i < sys.n; i++) e += this.selfPerQ2 * sys.charges[i]! ** 2;
    return e;
  }

  // compute() below and BornCoulLong.compute / SplinePair.compute share their loop skeleton
  // on purpose: each kernel is written inline so V8 compiles one monomorphic loop per style;
  // a shared loop calling the kernel through a callback would be polymorphic across styles and
  // could not hand back e and fpair without allocating per pair. Change the three together.

  /** Adds forces to `f` (ext-indexed, 3·nTotal) and the virial (xx yy zz xy xz yz) to `vir`. */
  compute(sys: MdSystem, nl: NeighborList, f: Float64Array, vir: Float64Array): PairResult {
    const types = nl.extType, q = nl.extQ;
    const { cutSq, cutBornSq, born1, born2, born3, A, C, D, rhoinv, sigma, ntypes } = this.table;
    const x = nl.ext, start = nl.start, nbr = nl.nbr;
    const alpha = this.alpha, fShift = this.fShift, eShift = this.eShift, cutCoulSq = this.cutCoulSq, selfPerQ2 = this.selfPerQ2;
    const a2 = alpha * alpha;
    const twoAlphaPis = (2 * alpha) / MY_PIS;
    let evdwl = 0, ecoul = 0;
    let vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
    for (let i = 0; i < sys.n; i++) {
      const xi = x[3 * i]!, yi = x[3 * i + 1]!, zi = x[3 * i + 2]!;
      const qi = q[i]!;
      const ti = types[i]! * ntypes;
      let fxi = 0, fyi = 0, fzi = 0;
      ecoul += selfPerQ2 * qi * qi;
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
          const prefactor = (QQR2E * qi * q[j]!) / r;
          const erfcd = Math.exp(-a2 * rsq);
          const erfcc = erfcWithExp(alpha * r, erfcd);
          fpair = prefactor * (erfcc / r + twoAlphaPis * erfcd + r * fShift) * r;
          ecoul += prefactor * (erfcc - r * eShift - rsq * fShift);
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
