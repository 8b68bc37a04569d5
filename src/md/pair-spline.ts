/**
 * Tabulated pair kernel for MD speed: for every unordered type pair, E(r) and
 * fpair(r) = −E'(r)/r as cubic Hermite splines on a uniform grid in r (no exp or erfc in the
 * loop; LAMMPS tabulates its long-range Coulomb the same way, here the whole pair term is).
 * Node values come from the exact kernels; slopes are exact for E (dE/dr = −r·fpair) and
 * central differences for fpair. 3072 nodes over 0.6 Å…r_c keep each table at 96 kB (cache
 * resident) with ~1e-10 relative energy error. Used only when every Born cutoff equals the
 * Coulomb cutoff (no jump inside the table); below 0.6 Å the exact kernel is called.
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

const R_MIN = 0.6;
const RSQ_MIN = R_MIN * R_MIN;

export class SplinePair {
  /** All tables in one array: [E, dE/dr·h, F, dF/dr·h] per node, one block per unordered type pair. */
  private readonly tab: Float64Array;
  /** Offset of the block of each ordered type pair (a,b) and (b,a) share one. */
  private readonly offset: Int32Array;
  private readonly invH: number;
  private readonly nodes: number;
  private readonly cutSq: number;

  constructor(
    private readonly exact: ExactPair,
    private readonly ntypes: number,
    cutoff: number,
    nodes = 3072,
  ) {
    this.cutSq = cutoff * cutoff;
    this.nodes = nodes;
    const h = (cutoff - R_MIN) / (nodes - 1);
    this.invH = 1 / h;
    const blocks = (ntypes * (ntypes + 1)) / 2;
    this.tab = new Float64Array(blocks * 4 * nodes);
    this.offset = new Int32Array(ntypes * ntypes);
    let block = 0;
    const below = (r: number) => Math.min(r, cutoff * (1 - 1e-12));
    for (let a = 0; a < ntypes; a++)
      for (let b = a; b < ntypes; b++) {
        const t = this.tab.subarray(block * 4 * nodes, (block + 1) * 4 * nodes);
        for (let k = 0; k < nodes; k++) {
          const r = below(R_MIN + k * h);
          const { e, fpair } = exact.pairEnergyForce(a, b, r * r);
          const d = 1e-4 * h;
          const fp = exact.pairEnergyForce(a, b, below(r + d) ** 2).fpair;
          const fm = exact.pairEnergyForce(a, b, (r - d) ** 2).fpair;
          t[4 * k] = e;
          t[4 * k + 1] = -r * fpair * h;
          t[4 * k + 2] = fpair;
          t[4 * k + 3] = ((fp - fm) / (2 * d)) * h;
        }
        this.offset[a * ntypes + b] = block * 4 * nodes;
        this.offset[b * ntypes + a] = block * 4 * nodes;
        block++;
      }
  }

  /** As BornCoulDsf.compute (same loop on purpose, see there), with the table lookup as kernel. */
  compute(sys: MdSystem, nl: NeighborList, f: Float64Array, vir: Float64Array): PairResult {
    const types = nl.extType;
    const x = nl.ext, start = nl.start, nbr = nl.nbr;
    const nt = this.ntypes, cutSq = this.cutSq, invH = this.invH, last = this.nodes - 1;
    const tab = this.tab, offset = this.offset;
    let epair = 0;
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
          const pos = (Math.sqrt(rsq) - R_MIN) * invH;
          let n = pos | 0;
          if (n >= last) n = last - 1;
          const u = pos - n;
          const o = offset[row + types[j]!]! + 4 * n;
          const u2 = u * u, u3 = u2 * u;
          const h00 = 2 * u3 - 3 * u2 + 1, h10 = u3 - 2 * u2 + u, h01 = -2 * u3 + 3 * u2, h11 = u3 - u2;
          e = h00 * tab[o]! + h10 * tab[o + 1]! + h01 * tab[o + 4]! + h11 * tab[o + 5]!;
          fpair = h00 * tab[o + 2]! + h10 * tab[o + 3]! + h01 * tab[o + 6]! + h11 * tab[o + 7]!;
        }
        epair += e;
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
    return { evdwl: 0, ecoul: epair + this.exact.selfEnergy(sys) };
  }
}
