/**
 * The structure view's analysis (web/src/lib/structure-analysis.ts, run in the browser's worker)
 * on the designed-truth NHOC cell: polyhedra populations and bridging/non-bridging oxygen equal
 * the generator's truth (shared/data/structure/nhoc_32fu.truth.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAs } from '../../src/formats/detect.js';
import type { Structure } from '../../src/atoms/structure.js';
import type { Trajectory } from '../../src/atoms/trajectory.js';
import { analyseStructure } from '../../web/src/lib/structure-analysis.js';
import { NetworkAccumulator } from '../../src/atoms/network.js';
import { sharedData } from '../helpers/paths.js';

describe('workbench structure analysis', () => {
  const file = sharedData('structure', 'nhoc_32fu.extxyz');
  const truth = JSON.parse(readFileSync(sharedData('structure', 'nhoc_32fu.truth.json'), 'utf8')).structure_truth;
  const read = readAs<Structure | Trajectory>(new Uint8Array(readFileSync(file)), file, ['structure', 'trajectory']).data;
  const s = 'frames' in read && typeof read.frames === 'function' ? (read as Trajectory).structure : (read as Structure);
  const a = analyseStructure({ numbers: s.numbers, positions: s.positions, cell: s.cell, pbc: s.pbc });

  it('finds the designed polyhedra', () => {
    const counts: Record<string, number> = {};
    for (const l of a.labels) counts[l] = (counts[l] ?? 0) + 1;
    expect(counts).toEqual(truth.polyhedra);
    expect(a.formers).toEqual(['Hf']);
    // cutoffs from the first g(r) minimum lie beyond the designed bond lengths
    for (const c of a.cutoffs) expect(c.rc).toBeGreaterThanOrEqual(truth.cutoffs[`Hf-${c.ligand}`]);
  });

  it('classifies oxygen as bridging / non-bridging like the truth', () => {
    let bo = 0;
    let nbo = 0;
    s.numbers.forEach((z, i) => {
      if (z !== 8) return;
      if (a.formerBonds[i]! >= 2) bo++;
      else if (a.formerBonds[i] === 1) nbo++;
    });
    expect(bo).toBe(truth.oxygen['BO(2 M)']);
    expect(nbo).toBe(truth.oxygen['NBO(1 M)']);
  });

  it('has partial g(r) whose Hf–O first peak sits at the designed bond length', () => {
    const k = a.partials.findIndex((p) => p.label === 'Hf–O');
    const g = a.partials[k]!.g;
    let best = 0;
    for (let i = 1; i < g.length; i++) if (g[i]! > g[best]!) best = i;
    expect(a.r[best]!).toBeGreaterThan(1.9);
    expect(a.r[best]!).toBeLessThan(2.2);
  });

  it('counts the formers a ligand bridges, not its bonds: one Hf seen through two images is one', () => {
    // Cubic 4 Å cell, Hf at the origin, O half way along x: O is 2 Å from Hf and from Hf's +x image.
    const one = analyseStructure(
      { numbers: Uint8Array.from([72, 8]), positions: Float64Array.from([0, 0, 0, 2, 0, 0]), cell: [[4, 0, 0], [0, 4, 0], [0, 0, 4]], pbc: [true, true, true] },
      undefined,
      undefined,
      0,
      [{ ligand: 'O', rc: 2.3 }],
    );
    const network = new NetworkAccumulator(Uint8Array.from([72, 8]), [72], [{ z: 8, rc: 2.3 }]);
    network.addFrame(Float64Array.from([0, 0, 0, 2, 0, 0]), [[4, 0, 0], [0, 4, 0], [0, 0, 4]]);
    const classes = network.result().ligands.O!;
    expect(one.formerBonds[1]).toBe(1);
    expect(one.nonBridging).toBe(classes.nonBridging);
    expect(one.bridging).toBe(classes.bridging + classes.tricluster);
  });
});

