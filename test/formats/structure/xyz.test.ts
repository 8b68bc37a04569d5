import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readXyz, parseExtxyzComment } from '../../../src/formats/structure/xyz.js';
import { writeExtxyz } from '../../../src/formats/structure/extxyz-write.js';
import { readCp2kCell } from '../../../src/formats/structure/cp2k-cell.js';
import { isTrajectory } from '../../../src/formats/structure/common.js';
import { detectFormat } from '../../../src/formats/detect.js';
import type { Structure } from '../../../src/atoms/structure.js';
import type { Trajectory } from '../../../src/atoms/trajectory.js';
import { sharedData, shared } from '../../helpers/paths.js';
import { bytes, frames, inputError } from './helpers.js';

describe('extended XYZ', () => {
  it('parses key=value comments with quotes, braces and flags', () => {
    const kv = parseExtxyzComment('Lattice="1 0 0 0 2 0 0 0 3" Properties=species:S:1:pos:R:3 pbc="T T F" energy=-3.5 flag name=\'a b\' v={1 2 3}');
    expect(kv.get('Lattice')).toBe('1 0 0 0 2 0 0 0 3');
    expect(kv.get('pbc')).toBe('T T F');
    expect(kv.get('energy')).toBe('-3.5');
    expect(kv.get('flag')).toBe('T');
    expect(kv.get('name')).toBe('a b');
    expect(kv.get('v')).toBe('1 2 3');
  });

  it('reads the designed-truth cell', () => {
    const f = sharedData('structure', 'nhoc_32fu.extxyz');
    const s = readXyz(new Uint8Array(readFileSync(f)), f) as Structure;
    expect(isTrajectory(s)).toBe(false);
    expect(s.numbers.length).toBe(288);
    expect(s.cell[0][0]).toBe(19.17883532);
    expect(s.pbc).toEqual([true, true, true]);
    expect(Array.from(s.positions.subarray(0, 3))).toEqual([7.14552173, 4.07286203, 18.7487909]);
    expect(s.numbers[0]).toBe(11);
  });

  it('streams a 200-frame trajectory with Time= as ps', () => {
    const f = sharedData('structure', 'nhoc_32fu_traj.extxyz');
    const t = readXyz(new Uint8Array(readFileSync(f)), f) as Trajectory;
    expect(t.frameCount).toBe(200);
    expect(t.timestepPs).toBe(1);
    let n = 0;
    let last;
    for (const fr of t.frames() as Iterable<{ timePs?: number; positions: Float64Array }>) {
      n++;
      last = fr;
    }
    expect(n).toBe(200);
    expect(last!.timePs).toBe(199);
    // Restartable: a second pass gives the same first frame.
    expect(frames(t)[0]!.positions[0]).toBe(7.14552173);
  });

  it('reads extra columns, Z columns and non-periodic files', () => {
    const text = `2
Properties=Z:I:1:pos:R:3:charge:R:1:tag:S:1 note="hello"
8 0 0 0 -2 a
1 0.9572 0 0 1 b
`;
    const s = readXyz(bytes(text), 'w.xyz') as Structure;
    expect(Array.from(s.numbers)).toEqual([8, 1]);
    expect(Array.from(s.arrays!.charge as Float64Array)).toEqual([-2, 1]);
    expect(s.arrays!.tag).toEqual(['a', 'b']);
    expect(s.pbc).toEqual([false, false, false]);
    expect(s.info!.note).toBe('hello');
  });

  it('takes vel:R:3 as velocities (Å/fs) in every frame', () => {
    const fr = (x: number): string => `1\nLattice="5 0 0 0 5 0 0 0 5" Properties=species:S:1:pos:R:3:vel:R:3\nNa ${x} 0 0 0.01 0.02 0.03\n`;
    const t = readXyz(bytes(fr(0) + fr(1)), 'v.xyz') as Trajectory;
    const f = frames(t);
    expect(Array.from(f[1]!.velocities!)).toEqual([0.01, 0.02, 0.03]);
    expect(f[1]!.positions[0]).toBe(1);
  });

  it('reads CP2K xyz trajectories with a cell from the .cell file', () => {
    const xyz = `2
 i =        0, time =        0.000, E =      -10.0
Na 0 0 0
Cl 2.8 0 0
2
 i =        5, time =        2.500, E =      -10.1
Na 0.1 0 0
Cl 2.9 0 0
`;
    const cellText = `#   Step   Time [fs]       Ax [Angstrom]       Ay [Angstrom]       Az [Angstrom]       Bx [Angstrom]       By [Angstrom]       Bz [Angstrom]       Cx [Angstrom]       Cy [Angstrom]       Cz [Angstrom]      Volume [Angstrom^3]
       0       0.000       5.6 0 0 0 5.6 0 0 0 5.6 175.616
       5       2.500       5.7 0 0 0 5.7 0 0 0 5.7 185.193
`;
    const cells = readCp2kCell(bytes(cellText), 'x.cell').map((c) => c.cell);
    const t = readXyz(bytes(xyz), 'p.xyz', { cells }) as Trajectory;
    const fr = frames(t);
    expect(fr.map((f) => f.step)).toEqual([0, 5]);
    expect(fr[1]!.timePs).toBeCloseTo(0.0025, 12);
    expect(t.timestepPs).toBeCloseTo(0.0025, 12);
    expect(fr[1]!.cell[0][0]).toBe(5.7);
    expect(t.structure.pbc).toEqual([true, true, true]);
    expect(detectFormat(bytes(xyz), 'p.xyz').id).toBe('xyz');
  });

  it('reads the anchors MD start structure', () => {
    const f = shared('anchors', 'md', 'data', 'nhoc_144_o2.xyz');
    const s = readXyz(new Uint8Array(readFileSync(f)), f) as Structure;
    expect(s.numbers.length).toBe(144);
    expect(s.cell[1][1]).toBeCloseTo(15.22225168333801, 12);
  });

  it('round-trips through the writer', () => {
    const s: Structure = {
      cell: [[5, 0, 0], [1, 6, 0], [0.5, 0.5, 7]],
      numbers: Uint8Array.from([11, 17, 72]),
      positions: Float64Array.from([0, 0, 0, 1.25, 2.5, 3.75, 4.123456789, 0.5, 6.9]),
      pbc: [true, true, false],
    };
    const back = readXyz(bytes(writeExtxyz(s)), 'rt.xyz') as Structure;
    expect(back.cell).toEqual(s.cell);
    expect(back.pbc).toEqual([true, true, false]);
    expect(Array.from(back.numbers)).toEqual([11, 17, 72]);
    back.positions.forEach((x, i) => expect(x).toBeCloseTo(s.positions[i]!, 8));
  });

  it('reports malformed files with the line number', () => {
    expect(inputError(() => readXyz(bytes('1\nLattice="1 0 0 0 1 0 0 0" Properties=species:S:1:pos:R:3\nNa 0 0 0\n'), 'f')).message).toMatch(/^f:2: Lattice has 8 numbers/);
    expect(inputError(() => readXyz(bytes('2\nLattice="1 0 0 2 0 0 0 0 1"\nNa 0 0 0\nCl 1 1 1\n'), 'f')).message).toMatch(/^f:2: .*zero volume/);
    expect(inputError(() => readXyz(bytes('2\ncomment\nNa 0 0 0\nQq 1 1 1\n'), 'f')).message).toMatch(/^f:4: unknown element "Qq"/);
    expect(inputError(() => readXyz(bytes('2\ncomment\nNa 0 0 0\nCl 1 1\n'), 'f')).message).toMatch(/^f:4: atom line has 3 fields/);
    expect(inputError(() => readXyz(bytes('2\ncomment\nNa 0 0 0\nCl 1 x 1\n'), 'f')).message).toMatch(/^f:4: y is "x"/);
    // Truncated second frame.
    const e = inputError(() => readXyz(bytes('2\nc\nNa 0 0 0\nCl 1 1 1\n2\nc\nNa 0 0 0\n'), 'f'));
    expect(e.message).toMatch(/^f:8: file ends in frame 2.*truncated/);
    expect(inputError(() => readXyz(bytes('abc\n'), 'f')).message).toMatch(/^f:1: expected the atom count/);
    // Different species in a later frame (found while streaming).
    const t = readXyz(bytes('1\nc\nNa 0 0 0\n1\nc\nCl 0 0 0\n'), 'f') as Trajectory;
    expect(inputError(() => frames(t)).message).toMatch(/^f:6: atom 1 of frame 2 is a different element/);
  });
});
