/**
 * Every file in ../shared/data/cycling is read by content: row counts and first values against
 * expected-values.json (galvani, lenient mpt parse, mdb-reader/mdbtools, NewareNDA) and, for the
 * text exports, the counts measured in PROVENANCE-cycling.md plus the first data row as written
 * in the file. Sidecar files (settings .mps, log .mpl, *_Metadata.csv) are not data: they must
 * be refused with one clear line.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectBytes } from '../../../src/formats/detect.js';
import { readCycler } from '../../../src/formats/cycling/read.js';
import { InputError } from '../../../src/core/errors.js';
import { sharedData } from '../../helpers/paths.js';

const root = sharedData('cycling');
const expected = JSON.parse(readFileSync(`${root}/expected-values.json`, 'utf8')) as Record<string, Record<string, any>>;

/** [format, kind, rows, first (time s, voltage V, current A)] for the files without a JSON entry. */
const TEXT: Record<string, [string, string, number, [number, number, number]?]> = {
  'arbin/battdat_arbin_example.csv': ['arbin-csv', 'cycling', 2142, [0, 3.2796359, -9.63e-5]],
  'arbin/beep_2017-05-09_test-TC-contact_CH33.csv': ['arbin-csv', 'cycling', 287, [0, 3.298668384552002, 6.600444793701172]],
  'arbin/beep_FastCharge_000025_CH8.csv': ['arbin-csv', 'cycling', 248, [10.0024, 3.3011441, 0]],
  'arbin/pyprobe_sample_data_arbin.csv': ['arbin-csv', 'cycling', 13, [30.0005, 3.534595, 0]],
  'arbin/navani_bs542_004_gr_li_50ua_50mv_1v_191020_Channel_11.xlsx': ['arbin-xlsx', 'cycling', 4526, [1.001, 2.637298583984375, 0]],
  'basytec/pyprobe_sample_data_basytec.txt': ['basytec', 'cycling', 74, [0, 3.52575489148741, 0]],
  'maccor/battdat_maccor_example.001': ['maccor-text', 'cycling', 8, [0, 3.30678264, 0]],
  'maccor/battdat_maccor_example.002': ['maccor-text', 'cycling', 8, [0, 3.30678264, 0]],
  'maccor/beep_PredictionDiagnostics_000109_tztest.010': ['maccor-text', 'cycling', 2165, [1804441.3, 4.10009918, 6.9578850996]],
  'maccor/beep_PredictionDiagnostics_000151_test.052': ['maccor-text', 'cycling', 333, [769267.24, 3.86823835, -4.8400091554]],
  'maccor/beep_xTESLADIAG_000019_CH70.070': ['maccor-text', 'cycling', 11669, [0, 3.45845731, 0]],
  'maccor/cellpy_maccor_001.txt': ['maccor-text', 'cycling', 6704, [0, 3.4625, 0]],
  'maccor/pyprobe_sample_data_maccor.csv': ['maccor-text', 'cycling', 15, [0, 3.668, 0]],
  'novonix/beep_test_Nova_Form-CH01-01_short.csv': ['novonix', 'cycling', 3942, [0, 0.13736417, 0]],
  'novonix/pyprobe_sample_data_novonix.csv': ['novonix', 'cycling', 207, [0, 3.84318331, 0]],
  'neware/cellpy_neware_uio.csv': ['neware-csv', 'cycling', 9065, [0, 2.917, 0]],
  'biologic/beep_test_loopsnewoutput_MB_CE1_short10k.csv': ['csv-cycling', 'cycling', 9999, [0, 3.81503248214722, 0]],
};

const SIDECARS = /\.(mps|mpl)$|_[Mm]etadata\.csv$/;

/** Files we knowingly do not decode yet: they must fail with one clear InputError, never half-read. */
const UNSUPPORTED: Record<string, RegExp> = {
};

function dataFiles(): string[] {
  const out: string[] = [];
  for (const d of readdirSync(root)) {
    if (d === 'licenses' || !statSync(`${root}/${d}`).isDirectory()) continue;
    for (const f of readdirSync(`${root}/${d}`)) out.push(`${d}/${f}`);
  }
  return out.sort();
}

const read = (rel: string) => new Uint8Array(readFileSync(`${root}/${rel}`));
const num = (s: string) => Number(String(s).replace(',', '.'));

function expectedFor(rel: string): { format: string; kind?: string; rows: number; first?: [number | undefined, number, number | undefined] } | undefined {
  const key = `cycling/${rel}`;
  const mpr = expected.biologic_mpr?.[key];
  if (mpr) {
    const f = mpr.first;
    const I = f['I/mA'] !== undefined ? f['I/mA'] * 1e-3 : undefined;
    return { format: 'biologic-mpr', rows: mpr.rows, first: [f['time/s'], f['Ewe/V'], I] };
  }
  const mpt = expected.biologic_mpt?.[key];
  if (mpt) {
    const cols: string[] = mpt.columns_latin1;
    const row: string[] = mpt.first_row;
    if (!row.length) return { format: 'biologic-mpt', rows: 0 };
    const at = (...names: string[]) => {
      for (const n of names) {
        const k = cols.indexOf(n);
        if (k >= 0) return num(row[k]!);
      }
      return undefined;
    };
    const iMa = at('I/mA', '<I>/mA');
    const dated = /\d\/\d/.test(row[cols.indexOf('time/s')] ?? '');
    return {
      format: 'biologic-mpt',
      rows: mpt.rows,
      first: [dated ? 0 : at('time/s'), at('Ewe/V', '<Ewe>/V', 'Ecell/V')!, iMa === undefined ? undefined : iMa * 1e-3],
    };
  }
  const res = expected.arbin_res?.[key];
  if (res) {
    const r = res.first_row;
    return { format: 'arbin-res', kind: 'cycling', rows: res.rows, first: [num(r.Test_Time), num(r.Voltage), num(r.Current)] };
  }
  const nw = expected.neware?.[key];
  if (nw) {
    const r = nw.first_row;
    return {
      format: rel.endsWith('.ndax') ? 'neware-ndax' : 'neware-nda',
      kind: 'cycling',
      rows: nw.rows,
      first: [r.Time, r.Voltage, r['Current(mA)'] * 1e-3],
    };
  }
  const t = TEXT[rel];
  if (t) return { format: t[0], kind: t[1], rows: t[2], ...(t[3] ? { first: t[3] } : {}) };
  return undefined;
}

describe('every cycling fixture is read by content', () => {
  for (const rel of dataFiles()) {
    if (rel.startsWith('gamry/')) continue; // see gamry.test.ts
    it(rel, () => {
      const bytes = read(rel);
      if (SIDECARS.test(rel)) {
        expect(() => inspectBytes(bytes, rel)).toThrow(/settings file|log file|metadata table|summary table/);
        return;
      }
      const unsupported = UNSUPPORTED[rel];
      if (unsupported) {
        expect(() => inspectBytes(bytes, rel)).toThrow(unsupported);
        return;
      }
      const exp = expectedFor(rel);
      expect(exp, `no expectation written for ${rel}`).toBeDefined();
      const info = inspectBytes(bytes, rel);
      expect(info.format).toBe(exp!.format);
      if (exp!.kind) expect(info.kind).toBe(exp!.kind);
      expect(['cycling', 'voltammetry']).toContain(info.kind);
      expect(info.rows).toBe(exp!.rows);
      if (exp!.first && exp!.rows > 0) {
        const r = readCycler(bytes, rel);
        const [t, v, i] = exp!.first;
        // Neware ndc ≥ 14: the first run-info point says 0.1–1 s into the step where NewareNDA
        // prints 0 (its gap filling); we keep the file's value, so allow one sampling interval.
        if (t !== undefined) expect(Math.abs(r.time[0]! - t)).toBeLessThanOrEqual(info.format === 'neware-ndax' ? 1 : 1e-6);
        expect(r.voltage[0]! / v).toBeCloseTo(1, 6);
        if (i !== undefined) expect(r.current[0]).toBeCloseTo(i, 9);
        for (const a of [r.time, r.voltage, r.current]) expect(a.length).toBe(exp!.rows);
      }
    });
  }
});

describe('BioLogic .mpr and .mpt of the same run agree (cheminfo_test, CA)', () => {
  it('time, potential, current and per-point charge', () => {
    const a = readCycler(read('biologic/cheminfo_test.mpr'), 'test.mpr');
    const b = readCycler(read('biologic/cheminfo_test.mpt'), 'test.mpt');
    expect(a.time.length).toBe(b.time.length);
    let dt = 0, dv = 0, di = 0, dq = 0;
    for (let k = 0; k < a.time.length; k++) {
      dt = Math.max(dt, Math.abs(a.time[k]! - b.time[k]!));
      dv = Math.max(dv, Math.abs(a.voltage[k]! - b.voltage[k]!));
      di = Math.max(di, Math.abs(a.current[k]! - b.current[k]!));
      dq = Math.max(dq, Math.abs(a.deltaCharge![k]! - b.deltaCharge![k]!));
    }
    expect(dt).toBeLessThan(1e-9);
    expect(dv).toBeLessThan(1e-7);
    expect(di).toBeLessThan(1e-10); // A (2.2e-8 mA measured by galvani)
    expect(dq).toBeLessThan(1e-12);
  });
});

describe('damaged input is one clear InputError, never a crash or a half-read', () => {
  const cases: [string, number][] = [
    ['neware/navani_test.ndax', 0.5],
    ['neware/newarenda_Issue5_test_2.ndax', 0.9],
    ['biologic/cheminfo_jdb11-4.mpr', 0.7],
    ['arbin/navani_arbin_example.res', 0.3],
    ['arbin/battdat_arbin_example.csv', 0.61],
    ['maccor/beep_xTESLADIAG_000019_CH70.070', 0.77],
    ['novonix/beep_test_Nova_Form-CH01-01_short.csv', 0.5],
  ];
  for (const [rel, frac] of cases) {
    it(`${rel} cut at ${frac * 100} %`, () => {
      const b = read(rel);
      let end = Math.floor(b.length * frac);
      // text files: cut just after a delimiter so whole fields are missing (a cut inside the last
      // number leaves a shorter but valid number, which no reader can tell)
      if (/\.(csv|070)$/.test(rel)) while (b[end - 1] !== 44 && b[end - 1] !== 9) end++;
      expect(() => readCycler(b.slice(0, end), rel)).toThrow(InputError);
    });
  }
});
