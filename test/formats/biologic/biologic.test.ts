/**
 * BioLogic .mpt/.mpr parsers against the expected values in shared/data/cycling/expected-values.json
 * (galvani c8e5bb12 for .mpr, the raw text for .mpt) and .mpr vs .mpt of the same run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mprHeadInfo, parseMpr } from '../../../src/formats/biologic/mpr.js';
import { parseMpt } from '../../../src/formats/biologic/mpt.js';
import { findColumn, rowCount, type BiologicTable } from '../../../src/formats/biologic/columns.js';
import { sharedData } from '../../helpers/paths.js';

interface MprExpect {
  rows: number;
  fields: string[];
  timestamp: string;
  first: Record<string, number>;
  last: Record<string, number>;
  mode_unique: number[];
  half_cycle_unique?: number[];
}
interface MptExpect {
  rows: number;
  columns_latin1: string[];
  first_row: string[];
  last_row: string[];
}
const expected = JSON.parse(readFileSync(sharedData('cycling', 'expected-values.json'), 'utf8')) as {
  biologic_mpr: Record<string, MprExpect>;
  biologic_mpt: Record<string, MptExpect>;
};
const bytes = (rel: string) => new Uint8Array(readFileSync(sharedData(rel)));
const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
const unique = (v: Float64Array) => [...new Set(v)].sort((a, b) => a - b);

describe('parseMpr on every fixture (galvani values)', () => {
  for (const [rel, e] of Object.entries(expected.biologic_mpr)) {
    it(rel, () => {
      const t = parseMpr(bytes(rel), rel);
      expect(rowCount(t)).toBe(e.rows);
      const names = t.columns.map((c) => c.name);
      for (const f of e.fields.filter((f) => f !== 'flags')) expect(names).toContain(f);
      for (const [name, v] of Object.entries(e.first)) {
        const col = findColumn(t, name)!;
        expect(same(col.values[0]!, v), `${name} first ${col.values[0]} vs ${v}`).toBe(true);
        const last = e.last[name]!;
        expect(same(col.values[e.rows - 1]!, last), `${name} last ${col.values[e.rows - 1]} vs ${last}`).toBe(true);
      }
      expect(unique(findColumn(t, 'mode')!.values)).toEqual(e.mode_unique);
      if (e.half_cycle_unique) expect(unique(findColumn(t, 'half cycle')!.values)).toEqual(e.half_cycle_unique);
      // galvani prints the LOG timestamp to the second (or ms); ours is ISO with ms.
      expect(String(t.meta.startTime).replace('T', ' ')).toContain(e.timestamp.slice(0, 19));
    });
  }

  it('reads the EC-Lab version from the log module', () => {
    expect(parseMpr(bytes('cycling/biologic/cheminfo_test.mpr'), 'x').meta.ecLabVersion).toBe('11.32');
    expect(parseMpr(bytes('cycling/biologic/navani_00_test_01_OCV_C01.mpr'), 'x').meta.ecLabVersion).toBe('11.50');
    expect(parseMpr(bytes('cycling/biologic/cellpy_biol.mpr'), 'x').meta.ecLabVersion).toBe('11.10');
  });

  it('reads the technique from the settings module', () => {
    expect(parseMpr(bytes('cycling/biologic/cheminfo_test.mpr'), 'x').technique).toBe('CA');
    expect(parseMpr(bytes('cycling/biologic/navani_jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr'), 'x').technique).toBe('GCPL');
    expect(parseMpr(bytes('cycling/biologic/navani_00_test_01_OCV_C01.mpr'), 'x').technique).toBe('OCV');
    expect(parseMpr(bytes('cycling/biologic/cellpy_biol.mpr'), 'x').technique).toBe('MB');
  });
});

describe('parseMpt on every fixture (raw text values)', () => {
  for (const [rel, e] of Object.entries(expected.biologic_mpt)) {
    it(rel, () => {
      const t = parseMpt(bytes(rel), rel);
      expect(rowCount(t)).toBe(e.rows);
      expect(t.columns.length).toBe(e.columns_latin1.length);
      e.columns_latin1.forEach((n, i) => {
        if (/^[\x20-\x7e\u00b0\u00b5]*$/.test(n)) expect(t.columns[i]!.name).toBe(n);
      });
      if (e.rows === 0) return;
      const check = (row: string[], r: number) =>
        row.forEach((s, i) => {
          if (s.includes('/') && s.includes(':')) return; // date-time, converted to seconds
          const x = s === 'INF' ? Infinity : Number(s.replace(',', '.'));
          expect(same(t.columns[i]!.values[r]!, x), `${e.columns_latin1[i]} row ${r}: ${t.columns[i]!.values[r]} vs ${s}`).toBe(true);
        });
      check(e.first_row, 0);
      check(e.last_row, e.rows - 1);
    });
  }

  it('turns date-time "time/s" into seconds since the first row', () => {
    const t = parseMpt(bytes('cycling/biologic/pyprobe_Sample_data_biologic_timestamped.mpt.txt'), 'x');
    expect(t.meta.timeFromDates).toBe(true);
    expect(t.meta.startTime).toBe('2024-11-20T11:38:41.707');
    const time = findColumn(t, 'time/s')!.values;
    expect(time[0]).toBe(0);
    const raw = readFileSync(sharedData('cycling/biologic/pyprobe_Sample_data_biologic_timestamped.mpt.txt'), 'latin1').trim().split('\n');
    const lastStamp = raw[raw.length - 1]!.split('\t')[2]!; // "MM/DD/YYYY hh:mm:ss.sss"
    const [, hh, mm, ss] = /(\d+):(\d+):([\d.]+)$/.exec(lastStamp)!;
    expect(time[time.length - 1]).toBeCloseTo(Number(hh) * 3600 + Number(mm) * 60 + Number(ss) - (11 * 3600 + 38 * 60 + 41.707), 6);
  });

  it('reads technique, start time, decimal commas, units and repeated names', () => {
    const peis = parseMpt(bytes('eis/ixdat_dataset_with_loop_01_05_PEIS_DUSB0_C01.mpt'), 'x');
    expect(peis.technique).toBe('PEIS');
    expect(peis.meta.startTime).toBe('2022-06-24T13:13:57.000');
    expect(peis.columns.filter((c) => c.name === '<I>/mA').length).toBe(2);
    expect(findColumn(peis, 'Cs/\u00b5F')?.unit).toBe('\u00b5F');
    const cv = parseMpt(bytes('cycling/biologic/ixdat_Pt_poly_cv.mpt'), 'x');
    expect(cv.meta.decimalComma).toBe(true);
    expect(cv.technique).toBe('CVA');
    const noHeader = parseMpt(bytes('cycling/biologic/pyprobe_Sample_data_biologic_no_header.mpt'), 'x');
    expect(findColumn(noHeader, 'Temperature/\u00b0C')).toBeDefined();
    expect(findColumn(noHeader, 'control/V/mA')?.unit).toBe('V/mA');
    const ca = parseMpt(bytes('cycling/biologic/cheminfo_test.mpt'), 'x');
    expect(ca.meta.nonFinite).toEqual({ 'Efficiency/%': 1 });
  });
});

describe('.mpr and .mpt of the same run agree', () => {
  it('cheminfo_test: every stored column, same names, values to float32 precision', () => {
    const mpr = parseMpr(bytes('cycling/biologic/cheminfo_test.mpr'), 'x');
    const mpt = parseMpt(bytes('cycling/biologic/cheminfo_test.mpt'), 'y');
    expect(rowCount(mpr)).toBe(rowCount(mpt));
    for (const c of mpr.columns) {
      const other = findColumn(mpt, c.name);
      expect(other, c.name).toBeDefined();
      let worst = 0;
      for (let i = 0; i < c.values.length; i++) {
        const a = c.values[i]!;
        const b = other!.values[i]!;
        worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(b), 1e-6));
      }
      expect(worst, c.name).toBeLessThan(1e-6);
    }
  });
});

describe('bad .mpr files', () => {
  const ocv = () => bytes('cycling/biologic/navani_00_test_01_OCV_C01.mpr').slice();
  const idOffset = (b: Uint8Array) => {
    // The data module's content starts after "MODULEVMP data" + 59-byte header; IDs at +6.
    const text = new TextDecoder('latin1').decode(b);
    return text.indexOf('MODULEVMP data') + 6 + 59 + 6;
  };

  it('names an unknown column ID', () => {
    const b = ocv();
    const off = idOffset(b) + 2 * 3; // 4th ID (Ewe/V = 6) → 999
    expect(b[off]).toBe(6);
    b[off] = 999 & 0xff;
    b[off + 1] = 999 >> 8;
    expect(() => parseMpr(b, 'bad.mpr')).toThrow(/^bad\.mpr:column ID 999: unknown BioLogic \.mpr column ID 999 \(after "time\/s"\)/);
  });

  it('reads the loop starts of a "VMP loop" module', () => {
    const b = ocv();
    const content = new Uint8Array(4 + 4 * 4);
    const dv = new DataView(content.buffer);
    dv.setUint32(0, 2, true);
    dv.setUint32(4, 0, true);
    dv.setUint32(8, 1, true); // loops start at rows 0 and 1; the rest is padding
    const header = new Uint8Array(6 + 59);
    header.set(new TextEncoder().encode('MODULEVMP loop  VMP loop'), 0);
    header.fill(0x20, 24, 41);
    const hv = new DataView(header.buffer);
    hv.setUint32(6 + 35, 0xffffffff, true);
    hv.setUint32(6 + 39, content.length, true);
    hv.setUint32(6 + 43, 0, true);
    const all = new Uint8Array(b.length + header.length + content.length);
    all.set(b, 0);
    all.set(header, b.length);
    all.set(content, b.length + header.length);
    expect(parseMpr(all, 'loop.mpr').meta.loopStarts).toEqual([0, 1]);
  });

  it('reports truncation', () => {
    const b = ocv();
    expect(() => parseMpr(b.subarray(0, b.length - 100), 't.mpr')).toThrow(/t\.mpr:.*truncated/);
    expect(() => parseMpr(b.subarray(0, 60), 't.mpr')).toThrow(/t\.mpr:.*truncated/);
  });
});

describe('bad .mpt files', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('rejects text in a number column with its line', () => {
    const t = 'EC-Lab ASCII FILE\r\nNb header lines : 4\r\n\r\ntime/s\tEwe/V\t\r\n1\t2\t\r\n2\tabc\t\r\n';
    expect(() => parseMpt(enc(t), 'a.mpt')).toThrow(/^a\.mpt:6: column "Ewe\/V" is "abc"; expected a number$/);
  });
  it('rejects an empty field', () => {
    expect(() => parseMpt(enc('time/s\tEwe/V\tI/mA\n1\t \t3\n'), 'a.mpt')).toThrow(/^a\.mpt:2: column "Ewe\/V" is ""; expected a number$/);
  });
  it('rejects a short row', () => {
    const t = 'time/s\tEwe/V\n1\t2\n3\n';
    expect(() => parseMpt(enc(t), 'a.mpt')).toThrow(/^a\.mpt:3: row has 1 fields; expected 2/);
  });
  it('rejects a header count beyond the file', () => {
    expect(() => parseMpt(enc('EC-Lab ASCII FILE\nNb header lines : 99\n'), 'a.mpt')).toThrow(/a\.mpt:2: "Nb header lines" is 99/);
  });
  it('returns a typed table for a tiny file', () => {
    const t: BiologicTable = parseMpt(enc('time/s\tEwe/V\tI/mA\n0\t3,5\t1\n'), 'a.mpt');
    expect(t.columns.map((c) => [c.name, c.unit, c.values[0]])).toEqual([
      ['time/s', 's', 0],
      ['Ewe/V', 'V', 3.5],
      ['I/mA', 'mA', 1],
    ]);
  });
});

describe('.mpr head and damaged data modules', () => {
  it('the head (first 64 KiB) gives the technique ID and column IDs the full parse finds', () => {
    for (const rel of Object.keys(expected.biologic_mpr)) {
      const b = bytes(rel);
      const t = parseMpr(b, rel);
      const head = mprHeadInfo(b.subarray(0, 65536));
      expect(head.techniqueId, rel).toBe(t.meta.techniqueId);
      expect(head.columnIds, rel).toEqual(t.meta.columnIds);
    }
  });

  it('a column list that runs past the end of the file is an input error, not a crash', () => {
    // Magic (52 bytes), then a v1 "VMP data" module header (version 3) whose 6-byte content
    // says 0 points and 200 column IDs, none of which are there.
    const b = new Uint8Array(52 + 6 + 51 + 6);
    const put = (s: string, at: number) => [...s].forEach((c, i) => (b[at + i] = c.charCodeAt(0)));
    put('BIO-LOGIC MODULAR FILE\x1a', 0);
    put('MODULE', 52);
    put('VMP data', 58);
    const v = new DataView(b.buffer);
    v.setUint32(58 + 35, 6, true);
    v.setUint32(58 + 39, 3, true);
    b[58 + 51 + 4] = 200;
    expect(() => parseMpr(b, 'cut.mpr')).toThrow(/^cut\.mpr:module "VMP data": too short to hold its column list$/);
    expect(mprHeadInfo(b).columnIds).toBeUndefined();
  });
});
