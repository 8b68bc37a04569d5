/**
 * What the structure view shows beside the 3D model: partial g(r) of the network formers (and
 * the mobile ion) against the ligands, cutoffs at the first minimum of each former–ligand g(r),
 * every former's coordination polyhedron, and how many formers each ligand bridges
 * (0 free, 1 non-bridging, ≥ 2 bridging), with the library's own accumulators.
 */
import { RdfAccumulator, firstMinimum, type RdfPair } from '../../../src/atoms/rdf.js';
import { cutoffBonds, type LigandCutoff } from '../../../src/atoms/bonds.js';
import { polyhedronLabel } from '../../../src/atoms/coordination.js';
import { elementSymbol } from '../../../src/core/elements.js';
import type { Frame } from '../../../src/atoms/trajectory.js';
import type { StructureAnalysis, StructureData } from './protocol.js';

/** Cations that build the anion network in halide/oxide electrolytes and glasses. */
const FORMERS = [72, 40, 73, 41, 22, 14, 15, 5, 13, 32, 74, 42, 50, 39, 57, 21, 49, 30, 31];
const LIGANDS = [8, 17, 16, 9, 35, 53, 7, 34];
const MOBILE = [11, 3, 19, 12, 47];
const R_MAX = 8;
const DR = 0.04;
const DEFAULT_CUTOFF = 3.0;

/**
 * @param frames for a trajectory, its frames: g(r) is averaged over them (up to maxFrames,
 * evenly strided); polyhedra and bridging are those of the structure shown (the first frame).
 */
export function analyseStructure(
  s: StructureData,
  frames?: Iterable<Frame>,
  frameCount?: number,
  maxFrames = 500,
  /** Fixed cutoffs (Å) by ligand symbol: skips g(r) (a trajectory frame keeps the averaged one). */
  fixedCutoffs?: { ligand: string; rc: number }[],
): StructureAnalysis {
  const present = [...new Set(s.numbers)].sort((a, b) => a - b);
  const formers = FORMERS.filter((z) => present.includes(z));
  const ligands = LIGANDS.filter((z) => present.includes(z));
  const mobile = MOBILE.filter((z) => present.includes(z));
  const count = (z: number): number => s.numbers.reduce((n, x) => n + (x === z ? 1 : 0), 0);

  const pairs: RdfPair[] = [];
  for (const a of [...formers, ...mobile]) for (const b of ligands) pairs.push({ a, b });
  if (pairs.length === 0) {
    for (let i = 0; i < present.length; i++) for (let j = i; j < present.length; j++) pairs.push({ a: present[i]!, b: present[j]! });
  }
  const usable = pairs.filter((p) => (p.a === p.b ? count(p.a) >= 2 : true)).slice(0, 8);
  const periodic = s.pbc.some(Boolean);
  let r: Float64Array = new Float64Array(0);
  let frameTotal = 1;
  let partials: StructureAnalysis['partials'] = [];
  if (periodic && usable.length && !fixedCutoffs) {
    const acc = new RdfAccumulator(s.numbers, usable, R_MAX, DR, s.pbc);
    if (frames) {
      const stride = Math.max(1, Math.ceil((frameCount ?? 1) / maxFrames));
      let k = 0;
      for (const f of frames) if (k++ % stride === 0) acc.addFrame(f.positions, f.cell);
    } else {
      acc.addFrame(s.positions, s.cell);
    }
    const res = acc.result();
    frameTotal = res.frames;
    r = res.r;
    partials = res.pairs.map((p) => ({ label: `${elementSymbol(p.a)}–${elementSymbol(p.b)}`, g: p.g, cn: p.cn }));
  }

  const cutoffs: LigandCutoff[] = (formers.length ? ligands : []).map((z) => {
    const fixed = fixedCutoffs?.find((c) => c.ligand === elementSymbol(z));
    if (fixed) return { z, rc: fixed.rc };
    let rc = Number.POSITIVE_INFINITY;
    for (const f of formers) {
      const k = usable.findIndex((p) => p.a === f && p.b === z);
      const m = k >= 0 && partials[k] ? firstMinimum(r, partials[k]!.g) : undefined;
      if (m !== undefined) rc = Math.min(rc, m);
    }
    return { z, rc: Number.isFinite(rc) ? rc : DEFAULT_CUTOFF };
  });

  const n = s.numbers.length;
  const formerBonds = new Uint8Array(n);
  let centres: Int32Array = new Int32Array(0);
  let offsets: Int32Array = new Int32Array(1);
  let ligandIdx: Int32Array = new Int32Array(0);
  const labels: string[] = [];
  if (formers.length && cutoffs.length) {
    const b = cutoffBonds(s.numbers, s.positions, s.cell, formers, cutoffs, s.pbc);
    centres = b.centres;
    offsets = b.offsets;
    ligandIdx = b.ligand;
    // Distinct formers per ligand, as atoms/network.ts counts them: a ligand bonded to one former
    // through two periodic images (small cells) is bonded to one former, not bridging.
    const lastCentre = new Int32Array(n).fill(-1);
    for (let c = 0; c < centres.length; c++) {
      for (let k = offsets[c]!; k < offsets[c + 1]!; k++) {
        const l = b.ligand[k]!;
        if (lastCentre[l] === c) continue;
        lastCentre[l] = c;
        formerBonds[l] = Math.min(255, formerBonds[l]! + 1);
      }
    }
    const symbols = cutoffs.map((c) => elementSymbol(c.z));
    for (let c = 0; c < centres.length; c++) {
      const counts = new Int32Array(cutoffs.length);
      for (let k = offsets[c]!; k < offsets[c + 1]!; k++) counts[b.ligandKind[k]!]!++;
      labels.push(polyhedronLabel(elementSymbol(s.numbers[centres[c]!]!), symbols, counts));
    }
  }
  let bridging = 0;
  let nonBridging = 0;
  for (let i = 0; i < n; i++) {
    if (!ligands.includes(s.numbers[i]!)) continue;
    if (formerBonds[i]! >= 2) bridging++;
    else if (formerBonds[i] === 1) nonBridging++;
  }
  return {
    frames: frameTotal,
    r,
    partials,
    formers: formers.map(elementSymbol),
    cutoffs: cutoffs.map((c) => ({ ligand: elementSymbol(c.z), rc: c.rc })),
    centres,
    offsets,
    ligands: ligandIdx,
    formerBonds,
    labels,
    bridging,
    nonBridging,
  };
}
