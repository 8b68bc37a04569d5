import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImpedance } from '../../../src/formats/impedance/index.js';
import { classifyColumn, findImpedanceColumns } from '../../../src/formats/impedance/columns.js';
import { delimitedImpedanceFormat } from '../../../src/formats/impedance/delimited.js';
import { fileHead } from '../../../src/formats/detect.js';
import { sharedData } from '../../helpers/paths.js';

const enc = new TextEncoder();
const read = (text: string, name = 'x.csv') => readImpedance(enc.encode(text), name);
const file = (...p: string[]) => {
  const path = sharedData('eis', ...p);
  return readImpedance(new Uint8Array(readFileSync(path)), path);
};

describe('header names', () => {
  it('recognises the usual spellings, units and negated imaginary parts', () => {
    expect(classifyColumn('freq/Hz')).toMatchObject({ role: 'frequency', scale: 1 });
    expect(classifyColumn('Frequency (kHz)')).toMatchObject({ role: 'frequency', scale: 1e3 });
    expect(classifyColumn('frequency_Hz')).toMatchObject({ role: 'frequency' });
    expect(classifyColumn('Re(Z)/Ohm')).toMatchObject({ role: 'real', negated: false, scale: 1 });
    expect(classifyColumn('-Im(Z)/Ohm')).toMatchObject({ role: 'imag', negated: true });
    expect(classifyColumn('\u2212Z\'\' (k\u03a9)')).toMatchObject({ role: 'imag', negated: true, scale: 1e3 });
    expect(classifyColumn('Z"/ohm')).toMatchObject({ role: 'imag', negated: false });
    expect(classifyColumn("Z''(b)")).toMatchObject({ role: 'imag' });
    expect(classifyColumn('Zimg')).toMatchObject({ role: 'imag' });
    expect(classifyColumn('imag_Ohm')).toMatchObject({ role: 'imag' });
    expect(classifyColumn('|Z|/Ohm')).toMatchObject({ role: 'modulus' });
    expect(classifyColumn('Phase(Z)/deg')?.scale).toBeCloseTo(Math.PI / 180, 15);
    expect(classifyColumn('Ewe/V')).toBeUndefined();
    expect(classifyColumn('Time(Sec)')).toBeUndefined();
  });

  it('prefers Z\', Z\'\' over |Z|, phase when both are present', () => {
    const c = findImpedanceColumns(['Freq/Hz', "Z'/ohm", 'Z"/ohm', 'Z/ohm', 'Phase/deg'])!;
    expect([c.frequency, c.real, c.imag]).toEqual([0, 1, 2]);
  });
});

describe('plain delimited impedance tables', () => {
  it('reads a CSV with our own header (eis simulate output)', () => {
    const s = read('frequency_Hz,real_Ohm,imag_Ohm\n1000,10,-5\n1,20,-1e-3\n');
    expect(Array.from(s.frequency)).toEqual([1000, 1]);
    expect(Array.from(s.imag)).toEqual([-5, -1e-3]);
    expect(s.meta.format).toBe('csv');
  });

  it('negates −Z\'\' columns so Z\'\' < 0 for capacitive points', () => {
    const s = read('# cell A, 25 °C\nf (Hz)\tZ\' (Ohm)\t-Z\'\' (Ohm)\n100\t5\t2\n10\t6\t3\n', 'a.tsv');
    expect(Array.from(s.imag)).toEqual([-2, -3]);
    expect(s.meta.negatedImaginary).toBe(true);
  });

  it('reads |Z| and phase, semicolons and decimal commas', () => {
    const s = read('Freq/Hz;|Z|/Ohm;Phase/deg\n1000;2,0;-90\n10;1,5;0\n');
    expect(s.real[0]).toBeCloseTo(0, 14);
    expect(s.imag[0]).toBeCloseTo(-2, 14);
    expect(s.real[1]).toBe(1.5);
    expect(s.imag[1]).toBe(0);
  });

  it('recognises UTF-8 unit symbols when sniffing (Ω)', () => {
    const bytes = enc.encode("Frequency (Hz),Z' (\u03a9),-Z'' (\u03a9)\n100,1,2\n10,3,4\n");
    expect(delimitedImpedanceFormat.sniff(fileHead(bytes, 'u.csv'))).toBe(20);
    expect(Array.from(readImpedance(bytes, 'u.csv').imag)).toEqual([-2, -4]);
  });

  it('scales kOhm and kHz', () => {
    const s = read('Frequency (kHz),Zre (kOhm),Zim (kOhm)\n2,1.5,-0.25\n');
    expect([s.frequency[0], s.real[0], s.imag[0]]).toEqual([2000, 1500, -250]);
  });

  it('reads impedance.py exampleData.csv (headerless, Z\'\' as stored)', () => {
    const s = file('impedance.py', 'exampleData.csv');
    expect(s.frequency.length).toBe(66);
    expect(s.frequency[0]).toBe(0.0031623);
    expect(s.real[0]).toBe(0.0494998977640506);
    expect(s.imag[0]).toBe(-0.020438698544418925);
    expect(s.frequency[65]).toBe(10000);
    expect(s.imag[65]).toBe(0.010157474564938236);
  });

  it('reads pyDRTtools LIB_data.txt (tabs plus trailing spaces) and data_1.csv', () => {
    const a = file('pyDRTtools', 'LIB_data.txt');
    expect(a.frequency.length).toBe(107);
    expect([a.frequency[0], a.real[0], a.imag[0]]).toEqual([999.040405, 0.112362966, 0.00318273902]);
    expect([a.frequency[106], a.real[106], a.imag[106]]).toEqual([0.00500083202, 0.151735559, -0.0137396762]);
    const b = file('pyDRTtools', 'data_1.csv');
    expect(b.frequency.length).toBe(107);
    expect([b.frequency[106], b.real[106], b.imag[106]]).toEqual([0.005000832, 0.145364374, -0.021382034]);
    expect(file('pyDRTtools', 'LIB_data_2.txt').frequency.length).toBe(100);
  });

  it('fails on a bad number with the file and line', () => {
    expect(() => read('f,Zre,Zim\n1,2,3\n2,abc,4\n')).toThrow(/^x\.csv:3: column "Zre" is "abc"; expected a number$/);
    expect(() => read('f,Zre,Zim\n1,2,3\n2,NaN,4\n')).toThrow(/x\.csv:3: .*NaN/);
    expect(() => read('f,Zre\n1,2,3\n')).toThrow(/x\.csv:1: header has no Z'' .*column/);
    expect(() => read('f,Zre,Zim\n1,2,3\n2,3\n')).toThrow(/x\.csv:3: row has 2 fields; expected at least 3/);
    expect(() => read('f,Zre,Zim\n-1,2,3\n')).toThrow(/x\.csv:2: frequency is -1 Hz/);
  });
});
