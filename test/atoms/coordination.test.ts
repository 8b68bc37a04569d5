import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CoordinationAccumulator, polyhedronLabel } from '../../src/atoms/coordination.js';
import { NetworkAccumulator } from '../../src/atoms/network.js';
import { sharedData } from '../helpers/paths.js';
import { allFrames, load } from './helpers.js';

const Hf = 72, O = 8, Cl = 17;
const truth = JSON.parse(readFileSync(sharedData('structure', 'nhoc_32fu.truth.json'), 'utf8')).structure_truth;
const cut = [{ z: O, rc: truth.cutoffs['Hf-O'] }, { z: Cl, rc: truth.cutoffs['Hf-Cl'] }];

describe('polyhedron labels', () => {
  it('omit counts of 1 and 0, ligands in the given order', () => {
    expect(polyhedronLabel('Hf', ['O', 'Cl'], [0, 6])).toBe('HfCl6');
    expect(polyhedronLabel('Hf', ['O', 'Cl'], [1, 5])).toBe('HfOCl5');
    expect(polyhedronLabel('Hf', ['O', 'Cl'], [2, 4])).toBe('HfO2Cl4');
    expect(polyhedronLabel('Hf', ['Cl', 'O'], [4, 2])).toBe('HfCl4O2');
  });
});

describe('designed-truth cell (nhoc_32fu): exactly the truth file', () => {
  for (const file of ['nhoc_32fu.extxyz', 'nhoc_32fu.data']) {
    it(`coordination and polyhedra from ${file}`, () => {
      const s = load(sharedData('structure', file)).structure;
      const acc = new CoordinationAccumulator(s.numbers, Hf, cut);
      acc.addFrame(s.positions, s.cell);
      const r = acc.result();
      expect(r.count).toBe(32);
      expect(r.mean).toEqual({ O: truth.mean_cn['Hf-O'], Cl: truth.mean_cn['Hf-Cl'] });
      expect(r.meanTotal).toBe(truth.mean_cn.total);
      expect(r.cnHistogram).toEqual(truth.cn_histogram);
      expect(Object.fromEntries(r.polyhedra.map((p) => [p.label, p.count]))).toEqual(truth.polyhedra);
      expect(r.polyhedra[0]).toEqual({ label: 'HfO2Cl4', count: 15, fraction: 15 / 32 });
    });
  }

  it('bridging/non-bridging O, free Cl and corner/edge sharing', () => {
    const s = load(sharedData('structure', 'nhoc_32fu.extxyz')).structure;
    const acc = new NetworkAccumulator(s.numbers, [Hf], cut);
    acc.addFrame(s.positions, s.cell);
    const r = acc.result();
    expect(r.ligands.O).toEqual({
      free: truth.oxygen['free_O(0 M)'],
      nonBridging: truth.oxygen['NBO(1 M)'],
      bridging: truth.oxygen['BO(2 M)'],
      tricluster: truth.oxygen['O(>=3 M)'],
    });
    expect(r.ligands.Cl!.free).toBe(truth.chlorine['free_Cl(0 M)']);
    expect(r.ligands.Cl!.nonBridging).toBe(truth.chlorine['terminal_Cl(1 M)']);
    expect(r.ligands.Cl!.bridging + r.ligands.Cl!.tricluster).toBe(truth.chlorine['bridging_Cl(>=2 M)']);
    expect(r.sharing).toEqual({ corner: truth.polyhedron_pairs_sharing.corner, edge: truth.polyhedron_pairs_sharing.edge, face: 0 });
    // Former–former distances of the sharing pairs, by an independent cubic minimum image.
    const L = s.cell[0][0];
    const hf = Array.from(s.numbers.keys()).filter((i) => s.numbers[i] === Hf);
    const near: number[] = [];
    for (let x = 0; x < hf.length; x++)
      for (let y = x + 1; y < hf.length; y++) {
        let d2 = 0;
        for (let k = 0; k < 3; k++) {
          let dd = s.positions[3 * hf[y]! + k]! - s.positions[3 * hf[x]! + k]!;
          dd -= L * Math.round(dd / L);
          d2 += dd * dd;
        }
        if (d2 < 4.6 ** 2) near.push(Math.sqrt(d2));
      }
    // Dimers are the only Hf pairs this close in the designed cell: 4 corner + 2 edge.
    near.sort((a, b) => a - b);
    expect(near.length).toBe(6);
    expect(r.sharingDistance.edge! * 2 + r.sharingDistance.corner! * 4).toBeCloseTo(near.reduce((a, b) => a + b, 0), 9);
    expect(r.sharingDistance.edge!).toBeLessThan(r.sharingDistance.corner!);
    expect(r.sharingDistance.face).toBeNull();
    // 8 bridging O shared by 4 corner pairs (1 each) and 2 edge pairs (2 each) → Q1 formers.
    expect(r.qn).toEqual({ Q0: 20, Q1: 8, Q2: 4 });
  });

  it('the vibrating trajectory keeps the same polyhedra in every frame', () => {
    const t = load(sharedData('structure', 'nhoc_32fu_traj.lammpstrj'));
    const acc = new CoordinationAccumulator(t.structure.numbers, Hf, cut);
    const frames = allFrames(t).slice(0, 10);
    frames.forEach((f) => acc.addFrame(f.positions, f.cell));
    const r = acc.result();
    expect(r.frames).toBe(10);
    expect(Object.fromEntries(r.polyhedra.map((p) => [p.label, p.count / 10]))).toEqual(truth.polyhedra);
  });
});
