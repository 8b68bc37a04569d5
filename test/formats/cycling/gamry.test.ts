/** Gamry .DTA time series against gamry-parser's own test assertions (PROVENANCE-cycling.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectBytes } from '../../../src/formats/detect.js';
import { readCycler } from '../../../src/formats/cycling/read.js';
import { sharedData } from '../../helpers/paths.js';

const read = (f: string) => readCycler(new Uint8Array(readFileSync(sharedData('cycling', 'gamry', f))), f);
const last = (a: Float64Array) => a[a.length - 1]!;

describe('Gamry .DTA', () => {
  it('CV: five curves concatenated, last point as gamry-parser asserts', () => {
    const r = read('gamryparser_cv_data.DTA');
    expect(r.meta.technique).toBe('CV');
    expect(r.time[0]).toBeCloseTo(0.1, 9);
    expect(last(r.time)).toBeCloseTo(601.1, 6);
    expect(last(r.voltage)).toBeCloseTo(0.889001, 6);
    expect(last(r.current)).toBeCloseTo(2.62272e-7, 12);
    const info = inspectBytes(new Uint8Array(readFileSync(sharedData('cycling', 'gamry', 'gamryparser_cv_data.DTA'))), 'cv');
    expect(info).toMatchObject({ format: 'gamry-dta', kind: 'voltammetry' });
  });

  it('chronoamperometry (and its German-locale twin): T 0 → 270 s, 10 samples', () => {
    for (const f of ['gamryparser_chronoa_data.DTA', 'gamryparser_chronoa_de_data.DTA']) {
      const r = read(f);
      expect(r.time.length).toBe(10);
      expect(r.time[0]).toBe(0);
      expect(last(r.time)).toBeCloseTo(270, 9);
    }
    // the German file's decimal commas are read as numbers (its values were edited upstream, so only finiteness is compared)
    expect(read('gamryparser_chronoa_de_data.DTA').current.every(Number.isFinite)).toBe(true);
  });

  it('OCP (CORPOT): 21 rows, T 5.00833 → 105.175 s, Vf 0.0205436 → 0.0345678 V, no current', () => {
    const r = read('gamryparser_ocp_data.DTA');
    expect(r.time.length).toBe(21);
    expect(r.time[0]).toBeCloseTo(5.00833, 6);
    expect(last(r.time)).toBeCloseTo(105.175, 6);
    expect(r.voltage[0]).toBeCloseTo(0.0205436, 7);
    expect(last(r.voltage)).toBeCloseTo(0.0345678, 7);
    expect(r.current.every((x) => x === 0)).toBe(true);
  });

  it('reads every fixture in the gamry folder, square wave (10 rows) and VFP600 (20 samples) included', () => {
    const rows: Record<string, number> = {
      'gamryparser_squarewave_data.DTA': 10,
      'gamryparser_vfp600_data.DTA': 20,
      'gamryparser_ocvcurve_data.DTA': 11,
      'gamryparser_cv_data_incompleteheader.DTA': 0,
    };
    for (const [f, n] of Object.entries(rows)) {
      const info = inspectBytes(new Uint8Array(readFileSync(sharedData('cycling', 'gamry', f))), f);
      expect(info.format).toBe('gamry-dta');
      expect(info.rows).toBe(n);
    }
  });
});
