import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLammpsData, writeLammpsData } from '../../../src/formats/structure/lammps-data.js';
import { readLammpsDump } from '../../../src/formats/structure/lammps-dump.js';
import { elementFromMass } from '../../../src/formats/structure/lammps-common.js';
import { detectFormat } from '../../../src/formats/detect.js';
import { readTrajectory } from '../../../src/formats/structure/read.js';
import type { Structure } from '../../../src/atoms/structure.js';
import type { Trajectory } from '../../../src/atoms/trajectory.js';
import { sharedData, shared } from '../../helpers/paths.js';
import { bytes, frames, inputError } from './helpers.js';

const read = (p: string): Uint8Array => new Uint8Array(readFileSync(p));

describe('LAMMPS data', () => {
  it('reads atomic style with elements from masses', () => {
    const f = sharedData('structure', 'nhoc_32fu.data');
    const s = readLammpsData(read(f), f);
    expect(s.numbers.length).toBe(288);
    expect(new Set(s.numbers)).toEqual(new Set([11, 72, 8, 17]));
    expect(s.info!.atomStyle).toBe('atomic');
    expect(detectFormat(read(f), f).id).toBe('lammps-data');
  });

  it('reads charge style with # element comments', () => {
    for (const f of [sharedData('structure', 'nhoc_144.data'), shared('anchors', 'md', 'data', 'nhoc_1494.data')]) {
      const s = readLammpsData(read(f), f);
      const q = s.arrays!.charge as Float64Array;
      expect(q.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6);
      expect(s.numbers[0]).toBe(72);
      expect(q[0]).toBe(2.4);
    }
  });

  it('reads full style, image flags, triclinic tilts and sorts by id', () => {
    const text = `test

2 atoms
2 atom types

0 10 xlo xhi
0 11 ylo yhi
0 12 zlo zhi
1.5 -0.5 0.25 xy xz yz

Masses

1 22.99
2 35.45

Atoms # full

2 7 2 -1.0 5 5 5 0 1 0
1 7 1 1.0 1 1 1 0 0 0
`;
    const s = readLammpsData(bytes(text), 'd');
    expect(Array.from(s.numbers)).toEqual([11, 17]);
    expect(s.cell).toEqual([[10, 0, 0], [1.5, 11, 0], [-0.5, 0.25, 12]]);
    expect(Array.from(s.arrays!.image as Int32Array)).toEqual([0, 0, 0, 0, 1, 0]);
    expect(Array.from(s.arrays!.molecule as Int32Array)).toEqual([7, 7]);
    expect(Array.from(s.positions)).toEqual([1, 1, 1, 5, 5, 5]);
  });

  it('maps masses to elements', () => {
    expect(elementFromMass(178.49)).toBe(72);
    expect(elementFromMass(15.9994)).toBe(8);
    expect(elementFromMass(35.45)).toBe(17);
    expect(elementFromMass(500)).toBeUndefined();
  });

  it('does not guess between elements whose masses lie within the tolerance (Co/Ni, Ar/Ca)', () => {
    expect(elementFromMass(58.6934)).toBe(28);
    expect(elementFromMass(58.933)).toBe(27);
    expect(elementFromMass(39.948)).toBe(18);
    expect(elementFromMass(40.078)).toBe(20);
    expect(elementFromMass(59)).toBeUndefined();
    expect(elementFromMass(40)).toBeUndefined();
    expect(elementFromMass(2.014)).toBe(1);
    const data = (mass: string) =>
      `t\n\n1 atoms\n1 atom types\n0 5 xlo xhi\n0 5 ylo yhi\n0 5 zlo zhi\n\nMasses\n\n1 ${mass}\n\nAtoms # atomic\n\n1 1 0 0 0\n`;
    expect(readLammpsData(new TextEncoder().encode(data('58.69')), 'd').numbers[0]).toBe(28);
    expect(() => readLammpsData(new TextEncoder().encode(data('59')), 'd')).toThrow(/atom type 1 has no element .*fits two elements/);
  });

  it('round-trips through the writer (charge style)', () => {
    const f = sharedData('structure', 'nhoc_144.data');
    const s = readLammpsData(read(f), f);
    const back = readLammpsData(bytes(writeLammpsData(s)), 'w');
    expect(Array.from(back.numbers)).toEqual(Array.from(s.numbers));
    expect(Array.from(back.arrays!.charge as Float64Array)).toEqual(Array.from(s.arrays!.charge as Float64Array));
    back.positions.forEach((x, i) => expect(x).toBeCloseTo(s.positions[i]!, 9));
    expect(back.cell).toEqual(s.cell);
  });

  it('reports malformed files', () => {
    const good = `t\n\n2 atoms\n1 atom types\n0 5 xlo xhi\n0 5 ylo yhi\n0 5 zlo zhi\n\nMasses\n\n1 22.99\n\nAtoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n`;
    expect(readLammpsData(bytes(good), 'd').numbers.length).toBe(2);
    expect(inputError(() => readLammpsData(bytes(good.replace('2 1 1 1 1\n', '')), 'd')).message).toMatch(/missing atoms/);
    expect(inputError(() => readLammpsData(bytes(good.replace('0 5 ylo', '5 5 ylo')), 'd')).message).toMatch(/^d:6: box yhi ≤ ylo/);
    expect(inputError(() => readLammpsData(bytes(good.replace('2 1 1 1 1', '2 1 1 z 1')), 'd')).message).toMatch(/^d:16: y is "z"/);
    expect(inputError(() => readLammpsData(bytes(good.replace('1 22.99', '1 999')), 'd')).message).toMatch(/atom type 1 has no element/);
    expect(readLammpsData(bytes(good.replace('1 22.99', '1 999')), 'd', { typeElements: [3] }).numbers[0]).toBe(3);
  });
});

describe('LAMMPS dump', () => {
  it('streams the 200-frame unwrapped dump (xu yu zu, element column)', () => {
    const f = sharedData('structure', 'nhoc_32fu_traj.lammpstrj');
    const t = readLammpsDump(read(f), f) as Trajectory;
    expect(t.frameCount).toBe(200);
    const fr = frames(t);
    expect(fr[199]!.step).toBe(199);
    expect(fr[0]!.unwrapped).toBe(true);
    // Same positions as the extended-XYZ copy of the trajectory.
    const x = readTrajectory(read(sharedData('structure', 'nhoc_32fu_traj.extxyz')), 'x').trajectory;
    const xf = frames(x);
    expect(Array.from(fr[150]!.positions)).toEqual(Array.from(xf[150]!.positions));
  });

  const DUMP = (cols: string, rows: string[], box = 'ITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\n', step = 0): string =>
    `ITEM: TIMESTEP\n${step}\nITEM: NUMBER OF ATOMS\n${rows.length}\n${box}ITEM: ATOMS ${cols}\n${rows.join('\n')}\n`;

  it('handles scaled and image-flag coordinates, unsorted ids and type maps', () => {
    const text = DUMP('id type xs ys zs', ['2 2 0.5 0.5 0.5', '1 1 0.1 0 0']) + DUMP('id type x y z ix iy iz', ['1 1 1 0 0 1 0 0', '2 2 5 5 5 0 0 -1'], undefined, 10);
    const t = readLammpsDump(bytes(text), 'd', { typeElements: [11, 17] }) as Trajectory;
    const f = frames(t);
    expect(Array.from(t.structure.numbers)).toEqual([11, 17]);
    expect(Array.from(f[0]!.positions)).toEqual([1, 0, 0, 5, 5, 5]);
    expect(Array.from(f[1]!.positions)).toEqual([11, 0, 0, 5, 5, -5]);
    expect(f[1]!.unwrapped).toBe(true);
    expect(detectFormat(bytes(text), 'd').id).toBe('lammps-dump');
    // Without a type map, types only: element 0 and a flag for the caller.
    const s = readLammpsDump(bytes(text), 'd') as Trajectory;
    expect(s.structure.info!.typesOnly).toBe(true);
  });

  it('converts triclinic bounding boxes to the cell', () => {
    const box = 'ITEM: BOX BOUNDS xy xz yz pp pp pp\n-1 11 2\n0 10 -1\n0 10 0\n';
    const s = readLammpsDump(bytes(DUMP('id element x y z', ['1 Na 0 0 0'], box)), 'd') as Structure;
    // xy = 2, xz = −1, yz = 0: xlo = −1 − min(0, 2, −1, 1) = 0, xhi = 11 − max(0, 2, −1, 1) = 9.
    expect(s.cell).toEqual([[9, 0, 0], [2, 10, 0], [-1, 0, 10]]);
  });

  it('reports truncated frames and bad items with line numbers', () => {
    const one = DUMP('id element x y z', ['1 Na 0 0 0', '2 Cl 1 1 1']);
    const truncated = one + one.split('\n').slice(0, 10).join('\n') + '\n';
    const t = readLammpsDump(bytes(truncated), 'd') as Trajectory;
    expect(inputError(() => frames(t)).message).toMatch(/^d:22: frame 2 \(step 0\) ends after 1 of 2 atoms/);
    expect(inputError(() => readLammpsDump(bytes(one.replace('NUMBER OF ATOMS', 'NUMBER OF THINGS')), 'd')).message).toMatch(/^d:3: .*expected "ITEM: NUMBER OF ATOMS"/);
    expect(inputError(() => readLammpsDump(bytes(one.replace('1 Na', '1 Zz')), 'd')).message).toMatch(/^d:10: unknown element "Zz"/);
    expect(inputError(() => readLammpsDump(bytes(one.replace('x y z', 'vx vy vz')), 'd')).message).toMatch(/no coordinate columns/);
  });
});
