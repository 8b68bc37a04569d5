/**
 * Half Verlet neighbour list with ghost atoms (as LAMMPS does): atoms within cutoff+skin of
 * the box are replicated as ghosts, so cells smaller than twice the cutoff need no special
 * case. A pair (i, j) is stored once: j local with j > i, or j a ghost whose owner is > i, or
 * an image of i itself with a positive shift. Built by binning (bins ≥ (cutoff+skin)/2,
 * 125-bin stencil), O(N). Rebuilt when any atom has moved more than skin/2 since the last build.
 */
import type { MdSystem } from './system.js';
import { wrapPositions } from './system.js';

export class NeighborList {
  /** CSR: neighbours of local i are nbr[start[i]] … nbr[start[i+1]−1] (indices into ext arrays). */
  start = new Int32Array(1);
  nbr = new Int32Array(0);
  /** Extended positions: n local then ghosts. */
  ext = new Float64Array(0);
  /** Type and charge of each ext index (copied from the owner at build). */
  extType = new Int32Array(0);
  extQ = new Float64Array(0);
  /** Owner atom of each ext index (identity for locals). */
  owner = new Int32Array(0);
  /** Cartesian shift of each ghost relative to its owner. */
  private shift = new Float64Array(0);
  private gOwnerBuf = new Int32Array(0);
  private gShiftBuf = new Float64Array(0);
  nTotal = 0;
  builds = 0;
  private readonly ref: Float64Array;

  constructor(
    private readonly sys: MdSystem,
    readonly cutoff: number,
    readonly skin: number,
  ) {
    this.ref = new Float64Array(3 * sys.n);
  }

  /** Rebuilds if needed; then refreshes ghost positions from their owners. Returns true if rebuilt. */
  update(forceRebuild = false): boolean {
    const rebuilt = forceRebuild || this.builds === 0 || this.needsRebuild();
    if (rebuilt) this.build();
    else this.refreshGhosts();
    return rebuilt;
  }

  private needsRebuild(): boolean {
    const x = this.sys.positions;
    const lim = 0.25 * this.skin * this.skin;
    for (let k = 0; k < x.length; k += 3) {
      const dx = x[k]! - this.ref[k]!, dy = x[k + 1]! - this.ref[k + 1]!, dz = x[k + 2]! - this.ref[k + 2]!;
      if (dx * dx + dy * dy + dz * dz > lim) return true;
    }
    return false;
  }

  refreshGhosts(): void {
    const n = this.sys.n;
    const x = this.sys.positions;
    const e = this.ext;
    e.set(x.subarray(0, 3 * n));
    for (let g = n; g < this.nTotal; g++) {
      const o = 3 * this.owner[g]!, s = 3 * (g - n);
      e[3 * g] = x[o]! + this.shift[s]!;
      e[3 * g + 1] = x[o + 1]! + this.shift[s + 1]!;
      e[3 * g + 2] = x[o + 2]! + this.shift[s + 2]!;
    }
  }

  build(): void {
    const sys = this.sys;
    wrapPositions(sys);
    this.ref.set(sys.positions);
    const n = sys.n;
    const x = sys.positions;
    const [Lx, Ly, Lz] = sys.box as unknown as [number, number, number];
    const rc = this.cutoff + this.skin;
    const rc2 = rc * rc;
    // Ghosts: every image within rc of the box.
    const mx = Math.ceil(rc / Lx), my = Math.ceil(rc / Ly), mz = Math.ceil(rc / Lz);
    const maxGhosts = n * ((2 * mx + 1) * (2 * my + 1) * (2 * mz + 1) - 1);
    if (this.gOwnerBuf.length < maxGhosts) {
      this.gOwnerBuf = new Int32Array(maxGhosts);
      this.gShiftBuf = new Float64Array(3 * maxGhosts);
    }
    const gOwner = this.gOwnerBuf, gShift = this.gShiftBuf;
    let ng = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[3 * i]!, yi = x[3 * i + 1]!, zi = x[3 * i + 2]!;
      for (let a = -mx; a <= mx; a++) {
        const gx = xi + a * Lx;
        if (gx < -rc || gx >= Lx + rc) continue;
        for (let b = -my; b <= my; b++) {
          const gy = yi + b * Ly;
          if (gy < -rc || gy >= Ly + rc) continue;
          for (let c = -mz; c <= mz; c++) {
            if (a === 0 && b === 0 && c === 0) continue;
            const gz = zi + c * Lz;
            if (gz < -rc || gz >= Lz + rc) continue;
            gOwner[ng] = i;
            gShift[3 * ng] = a * Lx;
            gShift[3 * ng + 1] = b * Ly;
            gShift[3 * ng + 2] = c * Lz;
            ng++;
          }
        }
      }
    }
    const nTotal = n + ng;
    this.nTotal = nTotal;
    if (this.owner.length < nTotal) {
      this.owner = new Int32Array(Math.ceil(nTotal * 1.2));
      this.ext = new Float64Array(3 * this.owner.length);
      this.extType = new Int32Array(this.owner.length);
      this.extQ = new Float64Array(this.owner.length);
    }
    for (let i = 0; i < n; i++) this.owner[i] = i;
    for (let g = 0; g < ng; g++) this.owner[n + g] = gOwner[g]!;
    this.shift = gShift.slice(0, 3 * ng);
    for (let p = 0; p < nTotal; p++) {
      this.extType[p] = sys.types[this.owner[p]!]!;
      this.extQ[p] = sys.charges[this.owner[p]!]!;
    }
    this.refreshGhosts();
    // Shift sign per ghost: keep (i, ghost of i) only once, for the lexicographically positive shift.
    const positiveShift = new Uint8Array(nTotal);
    for (let g = 0; g < ng; g++) {
      const sx = gShift[3 * g]!, sy = gShift[3 * g + 1]!, sz = gShift[3 * g + 2]!;
      positiveShift[n + g] = sx > 0 || (sx === 0 && (sy > 0 || (sy === 0 && sz > 0))) ? 1 : 0;
    }
    // Bins of ≥ rc/2 over [−rc, L+rc), searched ±2 bins (fewer candidates than rc bins ±1)
    const e = this.ext;
    const half = rc / 2;
    const nbx = Math.max(1, Math.floor((Lx + 2 * rc) / half));
    const nby = Math.max(1, Math.floor((Ly + 2 * rc) / half));
    const nbz = Math.max(1, Math.floor((Lz + 2 * rc) / half));
    const bsx = (Lx + 2 * rc) / nbx, bsy = (Ly + 2 * rc) / nby, bsz = (Lz + 2 * rc) / nbz;
    const nb = nbx * nby * nbz;
    const binOf = new Int32Array(nTotal);
    const head = new Int32Array(nb + 1);
    for (let p = 0; p < nTotal; p++) {
      const bx = Math.min(nbx - 1, Math.max(0, Math.floor((e[3 * p]! + rc) / bsx)));
      const by = Math.min(nby - 1, Math.max(0, Math.floor((e[3 * p + 1]! + rc) / bsy)));
      const bz = Math.min(nbz - 1, Math.max(0, Math.floor((e[3 * p + 2]! + rc) / bsz)));
      const b = (bx * nby + by) * nbz + bz;
      binOf[p] = b;
      head[b + 1]!++;
    }
    for (let b = 0; b < nb; b++) head[b + 1]! += head[b]!;
    const fill = head.slice(0, nb);
    const members = new Int32Array(nTotal);
    for (let p = 0; p < nTotal; p++) members[fill[binOf[p]!]!++] = p;
    // Pairs
    let cap = Math.max(this.nbr.length, 64 * n);
    let nbr = this.nbr.length >= cap ? this.nbr : new Int32Array(cap);
    const start = new Int32Array(n + 1);
    let count = 0;
    const owner = this.owner;
    for (let i = 0; i < n; i++) {
      start[i] = count;
      const xi = e[3 * i]!, yi = e[3 * i + 1]!, zi = e[3 * i + 2]!;
      const b = binOf[i]!;
      const bz0 = b % nbz, by0 = Math.floor(b / nbz) % nby, bx0 = Math.floor(b / (nby * nbz));
      for (let ax = Math.max(0, bx0 - 2); ax <= Math.min(nbx - 1, bx0 + 2); ax++)
        for (let ay = Math.max(0, by0 - 2); ay <= Math.min(nby - 1, by0 + 2); ay++)
          for (let az = Math.max(0, bz0 - 2); az <= Math.min(nbz - 1, bz0 + 2); az++) {
            const bb = (ax * nby + ay) * nbz + az;
            for (let q = head[bb]!; q < head[bb + 1]!; q++) {
              const j = members[q]!;
              const oj = owner[j]!;
              if (oj < i || (j === i) || (oj === i && !positiveShift[j])) continue;
              const dx = e[3 * j]! - xi, dy = e[3 * j + 1]! - yi, dz = e[3 * j + 2]! - zi;
              if (dx * dx + dy * dy + dz * dz >= rc2) continue;
              if (count === cap) {
                cap *= 2;
                const grown = new Int32Array(cap);
                grown.set(nbr);
                nbr = grown;
              }
              nbr[count++] = j;
            }
          }
    }
    start[n] = count;
    this.start = start;
    this.nbr = nbr;
    this.builds++;
  }

  /** Number of stored pairs. */
  get pairs(): number {
    return this.start[this.sys.n]!;
  }
}
