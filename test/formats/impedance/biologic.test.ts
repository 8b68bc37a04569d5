import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImpedance } from '../../../src/formats/impedance/index.js';
import { sharedData } from '../../helpers/paths.js';

const read = (...p: string[]) => {
  const path = sharedData(...p);
  return readImpedance(new Uint8Array(readFileSync(path)), p[p.length - 1]!);
};

describe('BioLogic PEIS text exports', () => {
  it('negates -Im(Z) (exampleDataBioLogic.mpt, impedance.py values)', () => {
    const s = read('eis', 'impedance.py', 'exampleDataBioLogic.mpt');
    expect(s.meta.format).toBe('biologic-mpt');
    expect(s.meta.technique).toBe('PEIS');
    expect(s.frequency.length).toBe(43);
    expect([s.frequency[0], s.real[0], s.imag[0]]).toEqual([1000.3201, 65.470886, -0.38998979]);
    expect([s.frequency[42], s.real[42], s.imag[42]]).toEqual([0.01689554, 110.97003, -2.3458567]);
    expect(s.meta.cycleNumber).toHaveLength(43);
    expect(s.meta.cycles).toBe(1);
  });

  it('fails on the file without freq/Hz with the column-name line', () => {
    expect(() => read('eis', 'impedance.py', 'exampleDataBioLogic_MissingFreq.mpt')).toThrow(
      /^exampleDataBioLogic_MissingFreq\.mpt:61: no "freq\/Hz" column/,
    );
  });

  it('reads the ixdat PEIS files and the empty ZIR file', () => {
    const loop = read('eis', 'ixdat_dataset_with_loop_01_05_PEIS_DUSB0_C01.mpt');
    expect(loop.frequency.length).toBe(16);
    expect(loop.imag[0]).toBe(1066.9791); // stored −Im(Z) = −1066.9791: an inductive point
    const multi = read('eis', 'ixdat_multiple_techniques_dataset_01_01_PEIS_C01.mpt');
    expect(multi.frequency.length).toBe(31);
    expect(multi.imag[0]).toBe(-981.99841);
    const zir = read('eis', 'ixdat_multiple_techniques_dataset_01_07_ZIR_C01.mpt');
    expect(zir.frequency.length).toBe(0);
    expect(zir.meta.technique).toBe('ZIR');
  });
});

/** Builds a minimal .mpr: settings module (technique id) + data module, v1 or v2 (≥ 11.50) headers. */
function buildMpr(techniqueId: number, ids: number[], rows: number[][], layout: 'v3' | 'v2header'): Uint8Array {
  const parts: number[] = [];
  const pushStr = (s: string, n: number) => {
    for (let i = 0; i < n; i++) parts.push(i < s.length ? s.charCodeAt(i) : 0x20);
  };
  const pushU32 = (x: number) => parts.push(x & 0xff, (x >> 8) & 0xff, (x >> 16) & 0xff, (x >>> 24) & 0xff);
  const magic = 'BIO-LOGIC MODULAR FILE\x1a';
  pushStr(magic, 48);
  parts.push(0, 0, 0, 0);
  const module = (short: string, content: Uint8Array, version: number) => {
    pushStr('MODULE', 6);
    pushStr(short, 10);
    pushStr(short, 25);
    if (layout === 'v2header') {
      pushU32(0xffffffff);
      pushU32(content.length);
      pushU32(version);
      pushU32(10);
    } else {
      pushU32(content.length);
      pushU32(version);
    }
    pushStr('01/02/24', 8);
    parts.push(...content);
  };
  module('VMP Set', Uint8Array.from([techniqueId, 0, 0, 0]), 0);
  const size = { 32: 4, 37: 4, 38: 4, 4: 8, 24: 8 } as Record<number, number>;
  const recordSize = ids.reduce((a, id) => a + size[id]!, 0);
  const start = layout === 'v3' ? 406 : 1007;
  const data = new Uint8Array(start + rows.length * recordSize);
  const dv = new DataView(data.buffer);
  dv.setUint32(0, rows.length, true);
  if (layout === 'v3') {
    data[4] = ids.length;
    ids.forEach((id, i) => dv.setUint16(5 + 2 * i, id, true));
  } else {
    dv.setUint16(4, ids.length, true);
    ids.forEach((id, i) => dv.setUint16(6 + 2 * i, id, true));
  }
  rows.forEach((row, r) => {
    let p = start + r * recordSize;
    ids.forEach((id, i) => {
      if (size[id] === 4) dv.setFloat32(p, row[i]!, true);
      else dv.setFloat64(p, row[i]!, true);
      p += size[id]!;
    });
  });
  module('VMP data', data, layout === 'v3' ? 3 : 0);
  return Uint8Array.from(parts);
}

describe('BioLogic PEIS binary files', () => {
  const ids = [32, 37, 38, 4, 24];
  const rows = [
    [1e5, 10.5, 0.25, 1.5, 1],
    [10, 20.25, 3.5, 2.5, 1],
    [1e5, 11, 0.5, 9, 2],
  ];
  for (const layout of ['v3', 'v2header'] as const) {
    it(`reads a PEIS .mpr (${layout}), negating -Im(Z) and keeping the cycle of each point`, () => {
      const s = readImpedance(buildMpr(29, ids, rows, layout), 'peis.mpr');
      expect(s.meta.format).toBe('biologic-mpr');
      expect(s.meta.technique).toBe('PEIS');
      expect(Array.from(s.frequency)).toEqual([1e5, 10, 1e5]);
      expect(Array.from(s.real)).toEqual([10.5, 20.25, 11]);
      expect(Array.from(s.imag)).toEqual([-0.25, -3.5, -0.5]);
      expect(s.meta.cycleNumber).toEqual([1, 1, 2]);
      expect(s.meta.cycles).toBe(2);
    });
  }

  it('does not take a non-impedance .mpr', () => {
    expect(() => readImpedance(buildMpr(4, ids, rows, 'v3'), 'gcpl.mpr')).toThrow(/gcpl\.mpr: not a recognised impedance file format/);
  });
});

describe('Gamry impedance files', () => {
  it('reads ZCURVE Freq, Zreal, Zimag as stored (impedance.py values)', () => {
    for (const f of ['exampleDataGamry.DTA', 'exampleDataGamryABORT.DTA']) {
      const s = read('eis', 'impedance.py', f);
      expect(s.meta.format).toBe('gamry-dta');
      expect(s.frequency.length).toBe(72);
      expect([s.frequency[0], s.real[0], s.imag[0]]).toEqual([200015.6, 825.8584, -1367.239]);
      expect([s.frequency[71], s.real[71], s.imag[71]]).toEqual([0.0158898, 17007.49, -6635.557]);
    }
    expect(read('eis', 'impedance.py', 'exampleDataGamryABORT.DTA').meta.aborted).toBe(true);
  });
  it('reads gamry-parser EIS files', () => {
    const s = read('eis', 'gamryparser_eispot_data.DTA');
    expect([s.frequency.length, s.frequency[0], s.real[0], s.imag[0]]).toEqual([10, 10000, 224.6075, -3.767681]);
    expect(read('eis', 'gamryparser_eispot_data_curveaborted.DTA').frequency.length).toBe(5);
  });
});

describe('BioLogic sign convention against EC-Lab\'s own phase', () => {
  it('Z\'\' has the sign of Phase(Z)/deg at every point of every PEIS text export', async () => {
    const { parseMpt } = await import('../../../src/formats/biologic/mpt.js');
    const { findColumn } = await import('../../../src/formats/biologic/columns.js');
    const files = [
      ['eis', 'impedance.py', 'exampleDataBioLogic.mpt'],
      ['eis', 'biologic-converter', 'peis.mpt'],
      ['eis', 'ixdat_dataset_with_loop_01_05_PEIS_DUSB0_C01.mpt'],
      ['eis', 'ixdat_multiple_techniques_dataset_01_01_PEIS_C01.mpt'],
    ];
    let checked = 0;
    for (const p of files) {
      const s = read(...p);
      const phase = findColumn(parseMpt(new Uint8Array(readFileSync(sharedData(...p))), 'x'), 'Phase(Z)/deg')!.values;
      for (let i = 0; i < s.imag.length; i++) {
        if (Math.abs(phase[i]!) < 1e-6) continue;
        expect(Math.sign(s.imag[i]!), `${p.join('/')} point ${i}`).toBe(Math.sign(phase[i]!));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('BioLogic .mpr of a technique unknown by ID', () => {
  it('is read as impedance when it records freq/Hz, Re(Z) and -Im(Z)', () => {
    const s = readImpedance(buildMpr(200, [32, 37, 38], [[1000, 5, 1], [100, 6, 2]], 'v3'), 'unknown.mpr');
    expect(s.meta.format).toBe('biologic-mpr');
    expect(Array.from(s.imag)).toEqual([-1, -2]);
  });
});
