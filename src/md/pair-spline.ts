/**
 * Tabulated pair kernel for MD speed: for every type pair, E(s) and fpair(s) = −E'(r)/r as
 * cubic Hermite splines in s = r² on a uniform grid (no sqrt, exp or erfc in the loop; the
 * approach LAMMPS takes for long-range Coulomb, extended to the whole pair term). Node values
 * come from the exact kernels; slopes are exact for E (dE/ds = −fpair/2) and central
 * differences for fpair. Interpolation error ≲1e-9 relative on these potentials, far below
 * the 1e-6 agreement asked of LAMMPS (tests run with tables on). Used only when every Born
 * cutoff equals the Coulomb cutoff (no jump inside the table); below r_min = 0.6 Å the exact
 * kernel is called.
 */
import type { NeighborList } from './neighbor.js';
import type { MdSystem } from './system.js';
import type { PairResult } from './born-coul-dsf.js';

export interface ExactPair {
  /** Energy (eV) and fpair = −(dE/dr)/r (eV/Å²) of one pair of types (ti, tj) at r² = rsq. */
  pairEnergyForce(ti: number, tj: number, rsq: number): { e: number; fpair: number };
  /** Per-atom energy not in the pair sum (e.g. the DSF self term), eV. */
  selfEnergy(sys: MdSystem): number;
}

const RSQ_MIN = 0.36;

export class SplinePair {
  private readonly tab: Float64Array[]; // per type pair: [E, dE/ds·h, F, dF/ds·h] per node
  private readonly invH: number;
  private readonly nodes: number;
  private readonly cutSq: number;

  constructor(
    private readonly exact: ExactPair,
    private readonly ntypes: number,
    cutoff: number,
    nodes = 16384,
  ) {
    this.cutSq = cutoff * cutoff;
    this.nodes = nodes;
    const h = (this.cutSq - RSQ_MIN) / (nodes - 1);
    this.invH = 1 / h;
    this.tab = [];
    for (let a = 0; a < ntypes; a++)
      for (let b = 0; b < ntypes; b++) {
        const t = new Float64Array(4 * nodes);
        for (let k = 0; k < nodes; k++) {
          const s = RSQ_MIN + k * h;
          const { e, fpair } = exact.pairEnergyForce(a, b, Math.min(s, this.cutSq * (1 - 1e-12)));
          const d = 1e-4 * h;
          const fp = exact.pairEnergyForce(a, b, Math.min(s + d, this.cutSq * (1 - 1e-12))).fpair;
          const fm = exact.pairEnergyForce(a, b, s - d).fpair;
          t[4 * k] = e;
          t[4 * k + 1] = -0.5 * fpair * h;
          t[4 * k + 2] = fpair;
          t[4 * k + 3] = ((fp - fm) / (2 * d)) * h;
        }
        this.tab.push(t);
      }
  }

  compute(sys: MdSystem, nl: NeighborList, f: Float64Array, vir: Float64Array): PairResult {
    const types = nl.extType;
    const x = nl.ext, start = nl.start, nbr = nl.nbr;
    const nt = this.ntypes, cutSq = this.cutSq, invH = this.invH, last = this.nodes - 1;
    const tabs = this.tab;
    let evdwl = 0;
    let vxx = 0, vyy = 0, vzz = 0, vxy = 0, vxz = 0, vyz = 0;
    for (let i = 0; i < sys.n; i++) {
      const xi = x[3 * i]!, yi = x[3 * i + 1]!, zi = x[3 * i + 2]!;
      const ti = types[i]!;
      const row = ti * nt;
      let fxi = 0, fyi = 0, fzi = 0;
      const end = start[i + 1]!;
      for (let k = start[i]!; k < end; k++) {
        const j = nbr[k]!;
        const dx = xi - x[3 * j]!, dy = yi - x[3 * j + 1]!, dz = zi - x[3 * j + 2]!;
        const rsq = dx * dx + dy * dy + dz * dz;
        if (rsq >= cutSq) continue;
        let e: number, fpair: number;
        if (rsq < RSQ_MIN) {
          const r = this.exact.pairEnergyForce(ti, types[j]!, rsq);
          e = r.e;
          fpair = r.fpair;
        } else {
          const tab = tabs[row + types[j]!]!;
          const pos = (rsq - RSQ_MIN) * invH;
          let n = pos | 0;
          if (n >= last) n = last - 1;
          const u = pos - n;
          const o = 4 * n;
          const u2 = u * u, u3 = u2 * u;
          const h00 = 2 * u3 - 3 * u2 + 1, h10 = u3 - 2 * u2 + u, h01 = -2 * u3 + 3 * u2, h11 = u3 - u2;
          e = h00 * tab[o]! + h10 * tab[o + 1]! + h01 * tab[o + 4]! + h11 * tab[o + 5]!;
          fpair = h00 * tab[o + 2]! + h10 * tab[o + 3]! + h01 * tab[o + 6]! + h11 * tab[o + 7]!;
        }
        evdwl += e;
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
    // Tabulated energies do not split Born from Coulomb: report the sum as ecoul, evdwl 0.
    return { evdwl: 0, ecoul: evdwl + this.exact.selfEnergy(sys) };
  }
}
