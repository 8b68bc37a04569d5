/**
 * Coordination numbers and polyhedra populations (CONTRACT §5). For each centre atom the
 * ligands within their cutoffs (strict d < rc) are counted per ligand species; the polyhedron
 * label is the centre symbol followed by each ligand symbol in the given order with its count,
 * counts of 1 written without the digit and counts of 0 omitted: HfCl6, HfOCl5, HfO2Cl4.
 * Over several frames, polyhedron counts are summed over frames and `fraction` is of all
 * centre-frames; `mean` is the mean number of each ligand per centre.
 */
import { elementSymbol } from '../core/elements.js';
import type { Cell } from './structure.js';
import { cutoffBonds, type LigandCutoff } from './bonds.js';

export interface CoordinationResult {
  center: string;
  /** Centre atoms per frame. */
  count: number;
  frames: number;
  /** Mean number of each ligand species per centre (keys: element symbols). */
  mean: Record<string, number>;
  /** Mean total coordination number. */
  meanTotal: number;
  /** Populations, most frequent first (ties by label). count = centre-frames with that label. */
  polyhedra: { label: string; count: number; fraction: number }[];
  /** Histogram of total coordination numbers: { "6": centre-frames }. */
  cnHistogram: Record<string, number>;
}

export function polyhedronLabel(centre: string, ligands: string[], counts: ArrayLike<number>): string {
  let s = centre;
  ligands.forEach((l, m) => {
    const c = counts[m]!;
    if (c > 0) s += c === 1 ? l : l + String(c);
  });
  return s;
}

/** Accumulates coordination statistics over frames. */
export class CoordinationAccumulator {
  private readonly labels = new Map<string, number>();
  private readonly cnHist = new Map<number, number>();
  private readonly sums: Float64Array;
  private frames = 0;
  private count = 0;
  private readonly centreSym: string;
  private readonly ligSyms: string[];

  constructor(
    readonly numbers: Uint8Array,
    readonly centre: number,
    readonly ligands: LigandCutoff[],
    readonly pbc: readonly [boolean, boolean, boolean] = [true, true, true],
  ) {
    this.sums = new Float64Array(ligands.length);
    this.centreSym = elementSymbol(centre);
    this.ligSyms = ligands.map((l) => elementSymbol(l.z));
  }

  addFrame(positions: Float64Array, cell: Cell): void {
    const b = cutoffBonds(this.numbers, positions, cell, [this.centre], this.ligands, this.pbc);
    const counts = new Int32Array(this.ligands.length);
    for (let c = 0; c < b.centres.length; c++) {
      counts.fill(0);
      for (let e = b.offsets[c]!; e < b.offsets[c + 1]!; e++) counts[b.ligandKind[e]!]!++;
      let total = 0;
      counts.forEach((x, m) => {
        this.sums[m]! += x;
        total += x;
      });
      const label = polyhedronLabel(this.centreSym, this.ligSyms, counts);
      this.labels.set(label, (this.labels.get(label) ?? 0) + 1);
      this.cnHist.set(total, (this.cnHist.get(total) ?? 0) + 1);
    }
    this.count = b.centres.length;
    this.frames++;
  }

  result(): CoordinationResult {
    const n = this.count * this.frames || 1;
    const mean: Record<string, number> = {};
    let meanTotal = 0;
    this.ligSyms.forEach((s, m) => {
      mean[s] = this.sums[m]! / n;
      meanTotal += this.sums[m]! / n;
    });
    const polyhedra = [...this.labels]
      .map(([label, count]) => ({ label, count, fraction: count / n }))
      .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const cnHistogram: Record<string, number> = {};
    for (const [k, v] of [...this.cnHist].sort((a, b) => a[0] - b[0])) cnHistogram[String(k)] = v;
    return { center: this.centreSym, count: this.count, frames: this.frames, mean, meanTotal, polyhedra, cnHistogram };
  }
}
