import { describe, expect, it } from 'vitest';
import { readPoscar, readXdatcar, writePoscar } from '../../../src/formats/structure/vasp.js';
import { detectFormat } from '../../../src/formats/detect.js';
import { cellVolume } from '../../../src/atoms/structure.js';
import { bytes, frames, inputError } from './helpers.js';

const POSCAR = `NaCl rocksalt
1.0
5.64 0 0
0 5.64 0
0 0 5.64
Na Cl
4 4
Direct
0 0 0
0 0.5 0.5
0.5 0 0.5
0.5 0.5 0
0.5 0 0
0 0.5 0
0 0 0.5
0.5 0.5 0.5
`;

describe('POSCAR/CONTCAR', () => {
  it('reads VASP 5 Direct coordinates', () => {
    const s = readPoscar(bytes(POSCAR), 'POSCAR');
    expect(Array.from(s.numbers)).toEqual([11, 11, 11, 11, 17, 17, 17, 17]);
    expect(Array.from(s.positions.subarray(3, 6))).toEqual([0, 2.82, 2.82]);
    expect(detectFormat(bytes(POSCAR), 'x').id).toBe('poscar');
  });

  it('applies a negative scale factor as the cell volume', () => {
    const s = readPoscar(bytes(POSCAR.replace('\n1.0\n', '\n-1000\n')), 'P');
    expect(cellVolume(s.cell)).toBeCloseTo(1000, 9);
    expect(s.positions[4]).toBeCloseTo(5, 12); // 0.5 of a 10 Å cube edge
  });

  it('scales Cartesian coordinates and reads Selective dynamics flags', () => {
    const text = `test
2.0
2 0 0
0 2 0
0 0 2
Hf O
1 1
Selective dynamics
Cartesian
0.5 0.5 0.5 T T F
1 1 1 F F F
`;
    const s = readPoscar(bytes(text), 'P');
    expect(s.cell[0][0]).toBe(4);
    expect(Array.from(s.positions)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(Array.from(s.arrays!.selectiveDynamics as Int32Array)).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it('reads VASP 4 files when the comment names the elements, and POTCAR-style labels', () => {
    const v4 = POSCAR.replace('NaCl rocksalt', 'Na Cl').replace('Na Cl\n4 4', '4 4');
    expect(Array.from(readPoscar(bytes(v4), 'P').numbers.slice(3, 5))).toEqual([11, 17]);
    const labels = POSCAR.replace('Na Cl\n', 'Na_pv Cl/abc123\n');
    expect(readPoscar(bytes(labels), 'P').numbers[4]).toBe(17);
  });

  it('round-trips through the writer (species grouped)', () => {
    const s = readPoscar(bytes(POSCAR), 'P');
    const back = readPoscar(bytes(writePoscar(s)), 'P2');
    expect(Array.from(back.numbers)).toEqual(Array.from(s.numbers));
    back.positions.forEach((x, i) => expect(x).toBeCloseTo(s.positions[i]!, 9));
  });

  it('reports malformed files with the line number', () => {
    expect(inputError(() => readPoscar(bytes(POSCAR.replace('0 5.64 0', '0 0 0')), 'P')).message).toMatch(/^P:5: the lattice vectors span zero volume/);
    expect(inputError(() => readPoscar(bytes(POSCAR.replace('Na Cl', 'Na Qx')), 'P')).message).toMatch(/^P:6: unknown element "Qx"/);
    expect(inputError(() => readPoscar(bytes(POSCAR.replace('4 4', '4 4 1')), 'P')).message).toMatch(/^P:7: 3 counts for 2 species/);
    expect(inputError(() => readPoscar(bytes(POSCAR.split('\n').slice(0, 12).join('\n')), 'P')).message).toMatch(/^P:13: file ends after 4 of 8 positions/);
    expect(inputError(() => readPoscar(bytes(POSCAR.replace('Direct', 'Fractional')), 'P')).message).toMatch(/^P:8: .*expected "Direct" or "Cartesian"/);
  });
});

const XDAT_HEAD = `NaCl
1.0
4 0 0
0 4 0
0 0 4
Na Cl
1 1
`;

describe('XDATCAR', () => {
  it('reads fixed-cell configurations', () => {
    const text = `${XDAT_HEAD}Direct configuration=     1
0 0 0
0.5 0.5 0.5
Direct configuration=     2
0.1 0 0
0.5 0.5 0.5
`;
    const t = readXdatcar(bytes(text), 'XDATCAR');
    expect(t.frameCount).toBe(2);
    const f = frames(t);
    expect(f[1]!.positions[0]).toBeCloseTo(0.4, 12);
    expect(detectFormat(bytes(text), 'x').id).toBe('xdatcar');
  });

  it('reads variable-cell files (header before every block)', () => {
    const block = (L: number, x: number): string =>
      `NaCl\n1.0\n${L} 0 0\n0 ${L} 0\n0 0 ${L}\nNa Cl\n1 1\nDirect configuration=     1\n${x} 0 0\n0.5 0.5 0.5\n`;
    const t = readXdatcar(bytes(block(4, 0) + block(5, 0.2)), 'X');
    const f = frames(t);
    expect(f.length).toBe(2);
    expect(f[1]!.cell[0][0]).toBe(5);
    expect(f[1]!.positions[0]).toBeCloseTo(1, 12);
    expect(t.structure.info!.variableCell).toBe(true);
  });

  it('reports a truncated configuration', () => {
    const text = `${XDAT_HEAD}Direct configuration=     1\n0 0 0\n0.5 0.5 0.5\nDirect configuration=     2\n0.1 0 0\n`;
    expect(inputError(() => readXdatcar(bytes(text), 'X')).message).toMatch(/^X:13: file ends inside configuration 2/);
  });
});
