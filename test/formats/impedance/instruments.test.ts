import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImpedance } from '../../../src/formats/impedance/index.js';
import { fixture } from '../../helpers/paths.js';

describe('Autolab NOVA ASCII export (hand-made fixture, exact R0 + R1||C1 values)', () => {
  it('reads the semicolon table and negates -Z\'\'', () => {
    const path = fixture('fixtures', 'eis-formats', 'autolab-nova.txt');
    const s = readImpedance(new Uint8Array(readFileSync(path)), path);
    expect(s.meta.format).toBe('autolab');
    expect(s.meta.negatedImaginary).toBe(true);
    const [R0, R1, C1] = [10, 100, 1e-6];
    expect(s.frequency.length).toBe(5);
    for (let i = 0; i < 5; i++) {
      const w = 2 * Math.PI * s.frequency[i]!;
      const d = 1 + (w * R1 * C1) ** 2;
      expect(s.real[i]).toBeCloseTo(R0 + R1 / d, 10);
      expect(s.imag[i]).toBeCloseTo((-R1 * w * R1 * C1) / d, 10);
    }
  });
});
