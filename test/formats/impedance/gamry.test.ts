/** Gamry impedance reader: errors name the line of the offending ZCURVE row. */
import { describe, expect, it } from 'vitest';
import { readGamryImpedance } from '../../../src/formats/impedance/gamry.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('readGamryImpedance', () => {
  it('names the line of a bad ZCURVE row', () => {
    // Line 3 is the TABLE line, 4 names, 5 units, 6 and 7 the rows.
    const text =
      'EXPLAIN\nTAG\tEISPOT\nZCURVE\tTABLE\n\tPt\tFreq\tZreal\tZimag\n\t#\tHz\tohm\tohm\n' +
      '\t0\t1000\t10\t-5\n\t1\t-1\t11\t-6\n';
    expect(() => readGamryImpedance(enc(text), 'z.DTA')).toThrow(/^z\.DTA:7: frequency is -1 Hz/);
    const s = readGamryImpedance(enc(text.replace('\t-1\t', '\t100\t')), 'z.DTA');
    expect(Array.from(s.frequency)).toEqual([1000, 100]);
    expect(Array.from(s.imag)).toEqual([-5, -6]);
  });
});
