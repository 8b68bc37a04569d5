/**
 * Network connectivity of a glass (CONTRACT §5): bonds former–ligand are cutoff bonds (d < rc).
 * Each ligand atom bonded to 0, 1, 2 or ≥ 3 formers is free, non-bridging, bridging or a
 * tricluster (glass-science BO/NBO; modifiers such as Na are not counted). Two formers sharing
 * 1, 2 or ≥ 3 ligand atoms share a corner, an edge or a face (with the mean former–former
 * distance of each kind: in Hf oxychlorides ~3.4 Å for edges, ~3.9 Å for corners). Counts are
 * per frame, averaged over frames (whole numbers for one frame).
 */
import { elementSymbol } from '../core/elements.js';
import type { Cell } from './structure.js';
import { cutoffBonds, type LigandCutoff } from './bonds.js';
import { cellInverse, minimumImage } from './lattice.js';

export interface LigandClasses {
  free: number;
  nonBridging: number;
  bridging: number;
  tricluster: number;
}

export interface NetworkResult {
  formers: string[];
  frames: number;
  ligands: Record<string, LigandClasses>;
  sharing: { corner: number; edge: number; face: number };
  /** Mean former–former distance (Å, nearest image) of corner-, edge- and face-sharing pairs; null if none. */
  sharingDistance: { corner: number | null; edge: number | null; face: number | null };
  /** Qⁿ speciation: formers with n bridging ligands (all ligand species), keyed "Q0"… */
  qn: Record<string, number>;
}

export class NetworkAccumulator {
  private readonly classes: Float64Array[];
  private readonly sharing = new Float64Array(3);
  private readonly sharingDist = new Float64Array(3);
  private readonly qn = new Map<number, number>();
  private frames = 0;

  constructor(
    readonly numbers: Uint8Array,
    readonly formers: number[],
    readonly ligands: LigandCutoff[],
    readonly pbc: readonly [boolean, boolean, boolean] = [true, true, true],
  ) {
    this.classes = ligands.map(() => new Float64Array(4));
  }

  addFrame(positions: Float64Array, cell: Cell): void {
    const b = cutoffBonds(this.numbers, positions, cell, this.formers, this.ligands, this.pbc);
    const n = this.numbers.length;
    // Formers bonded to each ligand atom (an atom bonded twice to one former through two
    // images counts that former once).
    const formersOf = new Map<number, number[]>();
    for (let c = 0; c < b.centres.length; c++) {
      for (let e = b.offsets[c]!; e < b.offsets[c + 1]!; e++) {
        const l = b.ligand[e]!;
        let list = formersOf.get(l);
        if (!list) formersOf.set(l, (list = []));
        if (!list.includes(c)) list.push(c);
      }
    }
    const ligKind = new Int32Array(n).fill(-1);
    this.ligands.forEach((l, m) => {
      for (let i = 0; i < n; i++) if (this.numbers[i] === l.z) ligKind[i] = m;
    });
    for (let i = 0; i < n; i++) {
      const m = ligKind[i]!;
      if (m < 0) continue;
      const k = Math.min(3, formersOf.get(i)?.length ?? 0);
      this.classes[m]![k]!++;
    }
    // Shared ligands per former pair, and bridging ligands per former.
    const shared = new Map<number, number>();
    const nc = b.centres.length;
    const bridgingOf = new Int32Array(nc);
    for (const list of formersOf.values()) {
      if (list.length >= 2) for (const c of list) bridgingOf[c]!++;
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const p = Math.min(list[x]!, list[y]!) * nc + Math.max(list[x]!, list[y]!);
          shared.set(p, (shared.get(p) ?? 0) + 1);
        }
      }
    }
    const inv = cellInverse(cell);
    const d = new Float64Array(3);
    const r = new Float64Array(3);
    for (const [p, count] of shared) {
      const kind = Math.min(3, count) - 1;
      this.sharing[kind]!++;
      const i = b.centres[Math.floor(p / nc)]!, j = b.centres[p % nc]!;
      for (let x = 0; x < 3; x++) d[x] = positions[3 * j + x]! - positions[3 * i + x]!;
      minimumImage(cell, d, r, inv, this.pbc);
      this.sharingDist[kind]! += Math.hypot(r[0]!, r[1]!, r[2]!);
    }
    for (let c = 0; c < nc; c++) this.qn.set(bridgingOf[c]!, (this.qn.get(bridgingOf[c]!) ?? 0) + 1);
    this.frames++;
  }

  result(): NetworkResult {
    const f = this.frames || 1;
    const ligands: Record<string, LigandClasses> = {};
    this.ligands.forEach((l, m) => {
      const c = this.classes[m]!;
      ligands[elementSymbol(l.z)] = { free: c[0]! / f, nonBridging: c[1]! / f, bridging: c[2]! / f, tricluster: c[3]! / f };
    });
    const qn: Record<string, number> = {};
    for (const [k, v] of [...this.qn].sort((a, b) => a[0] - b[0])) qn[`Q${k}`] = v / f;
    return {
      formers: this.formers.map((z) => elementSymbol(z)),
      frames: this.frames,
      ligands,
      sharing: { corner: this.sharing[0]! / f, edge: this.sharing[1]! / f, face: this.sharing[2]! / f },
      sharingDistance: {
        corner: this.sharing[0]! > 0 ? this.sharingDist[0]! / this.sharing[0]! : null,
        edge: this.sharing[1]! > 0 ? this.sharingDist[1]! / this.sharing[1]! : null,
        face: this.sharing[2]! > 0 ? this.sharingDist[2]! / this.sharing[2]! : null,
      },
      qn,
    };
  }
}
