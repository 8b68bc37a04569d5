import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readXY, xyFormat } from '../../../src/formats/pattern/xy.js';
import { detectFormat, fileHead } from '../../../src/formats/detect.js';
import { InputError } from '../../../src/core/errors.js';
import { sharedData } from '../../helpers/paths.js';

const enc = new TextEncoder();

describe('two-column XY patterns', () => {
  it('reads the measured MnO pattern (CRLF, tab separated)', () => {
    const bytes = readFileSync(sharedData('xrd/MnO_measured_CuKa.xy'));
    const p = readXY(bytes, 'MnO.xy');
    expect(p.x.length).toBe(9001);
    expect(p.x[0]).toBe(10);
    expect(p.x[9000]).toBe(100);
    expect(p.y[0]).toBe(2001);
    expect(detectFormat(bytes, 'MnO.xy').id).toBe('xy');
  });

  it('keeps a third column', () => {
    const p = readXY(readFileSync(sharedData('xrd/Mn2O3_plus_LiF_measured_CuKa.xy')), 'mix.xy');
    expect((p.meta.column3 as Float64Array)[0]).toBe(1864);
  });

  it('accepts a CSV header and comments, comma separated', () => {
    const p = readXY(enc.encode('# scan\n2theta,counts\n10.0,5\n10.02,6.5\n10.04,7e1\n'), 'a.csv');
    expect([...p.x]).toEqual([10, 10.02, 10.04]);
    expect([...p.y]).toEqual([5, 6.5, 70]);
    expect(p.meta.header).toBe('2theta,counts');
  });

  it('reports the line of a bad row and of a non-increasing x', () => {
    const bad = (text: string) => {
      try {
        readXY(enc.encode(text), 'b.xy');
      } catch (e) {
        return e as InputError;
      }
      throw new Error('no error');
    };
    expect(bad('10 1\n11 2\n12 x\n').location).toBe(3);
    expect(bad('10 1\n11 2\n11 3\n').location).toBe(3);
    expect(bad('10 1\n').message).toMatch(/fewer than 2/);
  });

  it('does not claim text that is not a pattern', () => {
    expect(xyFormat.sniff(fileHead(enc.encode('data_x\n_cell_length_a 5\n'), 'x'))).toBe(0);
    expect(xyFormat.sniff(fileHead(enc.encode('1 2\n3 1\n2 5\n4 4\n5 5\n6 6\n'), 'x'))).toBe(0);
  });
});
