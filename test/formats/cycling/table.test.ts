/** The delimited-table engine and its number/time parsers on hand-written cases. */
import { describe, expect, it } from 'vitest';
import { genericCsvFormat } from '../../../src/formats/csv-cycling/format.js';
import { readTable } from '../../../src/formats/csv-cycling/table.js';
import { parseDateTime, parseDurationBytes, parseFloatBytes, scanNumber } from '../../../src/formats/csv-cycling/numbers.js';
import { splitHeader } from '../../../src/formats/csv-cycling/columns.js';
import { detectFormat } from '../../../src/formats/detect.js';

const enc = (s: string) => new TextEncoder().encode(s);
const read = (s: string) => genericCsvFormat.read(enc(s), 't.csv');

describe('numbers', () => {
  it('parses like Number() on the fast path and falls back for long mantissas and D exponents', () => {
    for (const s of ['0', '-0.5', '1e-7', '3.14159265358979', '2.5E+003', '123456789012345678', '-9.63E-05', '.5', '7.']) {
      const b = enc(s);
      expect(parseFloatBytes(b, 0, b.length)).toBe(Number(s));
    }
    const d = enc('1.5D+02');
    expect(parseFloatBytes(d, 0, d.length)).toBe(150);
    expect(Number.isNaN(parseFloatBytes(enc('abc'), 0, 3))).toBe(true);
    const f = enc(' 2,5 ;x');
    expect(scanNumber(f, 0, f.length, 59, true)).toBe(2.5);
  });

  it('reads durations and date-times', () => {
    const b = enc('  2d 02:52:51.57');
    expect(parseDurationBytes(b, 0, b.length)).toBeCloseTo(2 * 86400 + 2 * 3600 + 52 * 60 + 51.57, 9);
    expect(parseDateTime('05/05/2021 15:36:22.757') - parseDateTime('05/05/2021 15:36:20')).toBeCloseTo(2.757, 6); // epoch seconds carry ~1e-7 s resolution
    expect(parseDateTime('23-Nov-23 3:56:11 PM') - parseDateTime('23-Nov-23 12:00:00 PM')).toBe(3 * 3600 + 56 * 60 + 11);
    expect(parseDateTime('19.06.2023 17:56:53') - parseDateTime('2023-06-19 17:56:50')).toBe(3);
  });

  it('splits units from names in every vendor style', () => {
    expect(splitHeader('Current (mA)')).toMatchObject({ base: 'current', unit: 'mA' });
    expect(splitHeader('I[A]')).toMatchObject({ base: 'i', unit: 'A' });
    expect(splitHeader('Q charge/discharge/mA.h')).toMatchObject({ base: 'qcharge/discharge'.replace('/', ''), unit: 'mA.h' });
    expect(splitHeader('Chg. Cap.(Ah)')).toMatchObject({ base: 'chgcap', unit: 'Ah' });
  });
});

describe('generic CSV reader', () => {
  it('converts units to s, V, A, Ah', () => {
    const r = read('Test Time (min),Voltage (mV),Current (mA),Charge Capacity (mAh)\n1,3000,500,0.25\n2,3100,500,0.5\n');
    expect(Array.from(r.time)).toEqual([60, 120]);
    expect(Array.from(r.voltage)).toEqual([3, 3.1]);
    expect(Array.from(r.current)).toEqual([0.5, 0.5]);
    expect(Array.from(r.chargeCapacity!)).toEqual([0.00025, 0.0005]);
  });

  it('reads semicolon files with decimal commas and quoted fields', () => {
    const r = read('time/s;Ewe/V;I/mA;comment\n0,5;3,25;-0,1;"a;b"\n1,5;3,5;0,2;x\n');
    expect(Array.from(r.time)).toEqual([0.5, 1.5]);
    expect(Array.from(r.voltage)).toEqual([3.25, 3.5]);
    expect(r.current[0]).toBeCloseTo(-1e-4, 15);
  });

  it('turns date-time and duration time columns into seconds from the start', () => {
    const a = read('time/s,Ewe/V,I/mA\n05/05/2021 15:36:22.757,3,0\n05/05/2021 15:36:45.513,3.1,1\n');
    expect(a.time[0]).toBe(0);
    expect(a.time[1]).toBeCloseTo(22.756, 6);
    const b = read('Time,Voltage(V),Current(A)\n00:00:00,3,0\n01:00:05,3,0\n');
    expect(b.time[1]).toBe(3605);
  });

  it('says which line and column are wrong', () => {
    expect(() => read('time/s,Ewe/V,I/mA\n0,3,0\n1,oops,0\n')).toThrow(/t\.csv:3: .*Ewe\/V/);
    expect(() => read('time/s,Ewe/V,Current (furlong)\n0,3,0\n')).toThrow(/t\.csv:1: .*furlong/);
  });

  it('signs Maccor currents by state and splits Amp-hr into charge/discharge only without counters of its own', () => {
    const rows = '1\tC\t0\t0.5\t3.5\t0.1\t0.1\n2\tD\t10\t0.5\t3.4\t0.2\t0.1\n';
    const maccor = (header: string) =>
      readTable(enc(`Today's Date\n${header}\n${rows}`), 'm.txt', { headerLine: 1, delimiter: 9, stateSigned: true, format: 'maccor-text' });
    const split = maccor('Rec\tState\tTest (Sec)\tAmps\tVolts\tAmp-hr\tOther');
    expect(Array.from(split.current)).toEqual([0.5, -0.5]);
    expect(Array.from(split.chargeCapacity!)).toEqual([0.1, 0]);
    expect(Array.from(split.dischargeCapacity!)).toEqual([0, 0.2]);
    // a charge counter of its own: kept, Amp-hr not split, no discharge counter invented
    const own = maccor('Rec\tState\tTest (Sec)\tAmps\tVolts\tAmp-hr\tChg Cap (Ah)');
    expect(Array.from(own.current)).toEqual([0.5, -0.5]);
    expect(Array.from(own.chargeCapacity!)).toEqual([0.1, 0.1]);
    expect(own.dischargeCapacity).toBeUndefined();
  });

  it('is recognised by content only when the header names time, voltage and current', () => {
    expect(detectFormat(enc('time/s,Ewe/V,I/mA\n0,3,0\n'), 'x.txt', ['cycling']).id).toBe('csv-cycling');
    expect(() => detectFormat(enc('a,b,c\n1,2,3\n'), 'x.csv', ['cycling'])).toThrow(/not a recognised/);
  });
});
