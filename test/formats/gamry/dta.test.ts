/** Generic Gamry .DTA parser against gamry-parser's assertions (shared/data/PROVENANCE-cycling.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTable, parseDta, tableColumn } from '../../../src/formats/gamry/dta.js';
import { sharedData } from '../../helpers/paths.js';

const dta = (...p: string[]) => parseDta(new Uint8Array(readFileSync(sharedData(...p))), p[p.length - 1]!);
const last = (a: Float64Array) => a[a.length - 1];

describe('parseDta', () => {
  it('CV: header values and five curves', () => {
    const d = dta('cycling', 'gamry', 'gamryparser_cv_data.DTA');
    expect(d.tag).toBe('CV');
    expect(d.header.DATE!.value).toBe('3/6/2019');
    expect(d.header.VLIMIT1!.value).toBe(0.1);
    expect(d.header.VLIMIT2!.value).toBe(0.9);
    expect(d.header.SCANRATE!.value).toBe(1.23456);
    expect(d.tables.map((t) => t.name)).toEqual(['CURVE1', 'CURVE2', 'CURVE3', 'CURVE4', 'CURVE5']);
    const c1 = d.tables[0]!;
    expect(tableColumn(c1, 'T')!.values[0]).toBe(0.1);
    expect(last(tableColumn(c1, 'T')!.values)).toBe(1.0);
    expect(last(tableColumn(c1, 'Vf')!.values)).toBe(0.5);
    expect(tableColumn(c1, 'Vf')!.unit).toBe('V vs. Ref.');
    const c5 = findTable(d, 'CURVE5')!;
    expect(last(tableColumn(c5, 'Pt')!.values)).toBe(49);
    expect(last(tableColumn(c5, 'T')!.values)).toBe(601.1);
    expect(last(tableColumn(c5, 'Vf')!.values)).toBe(0.889001);
    expect(last(tableColumn(c5, 'Im')!.values)).toBe(2.62272e-7);
    expect(last(tableColumn(c5, 'Sig')!.values)).toBe(0.89);
    expect(last(tableColumn(c5, 'IERange')!.values)).toBe(5);
    expect(tableColumn(c5, 'Over')!.text![0]).toBe('...........');
  });

  it('tolerates a header cut short (no table)', () => {
    const d = dta('cycling', 'gamry', 'gamryparser_cv_data_incompleteheader.DTA');
    expect(d.tables).toEqual([]);
    expect(d.header.DELAY!.fields.slice(0, 3)).toEqual(['F', '3.00000E+002', '1.00000E-001']);
    expect(d.header.DELAY!.value).toBe(false);
  });

  it('chronoamperometry, also with decimal commas', () => {
    for (const f of ['gamryparser_chronoa_data.DTA', 'gamryparser_chronoa_de_data.DTA']) {
      const d = dta('cycling', 'gamry', f);
      expect(d.tag).toBe('CHRONOA');
      const t = tableColumn(findTable(d, 'CURVE')!, 'T')!.values;
      expect(t.length).toBe(10);
      expect([t[0], last(t)]).toEqual([0, 270]);
    }
    const de = dta('cycling', 'gamry', 'gamryparser_chronoa_de_data.DTA');
    expect(tableColumn(findTable(de, 'CURVE')!, 'Vf')!.values[1]).toBe(0.499669);
  });

  it('OCP (CRLF), OCVCURVE blocks, square wave (aborted) and VFP600', () => {
    const ocp = findTable(dta('cycling', 'gamry', 'gamryparser_ocp_data.DTA'), 'CURVE')!;
    const t = tableColumn(ocp, 'T')!.values;
    const vf = tableColumn(ocp, 'Vf')!.values;
    expect(t.length).toBe(21);
    expect([t[0], last(t), vf[0], last(vf)]).toEqual([5.00833, 105.175, 0.0205436, 0.0345678]);
    const ocv = dta('cycling', 'gamry', 'gamryparser_ocvcurve_data.DTA');
    expect(ocv.tables.map((x) => [x.name, x.columns[0]!.values.length])).toEqual([
      ['OCVCURVE', 40],
      ['CURVE1', 11],
    ]);
    const sw = dta('cycling', 'gamry', 'gamryparser_squarewave_data.DTA');
    expect(sw.tag).toBe('SQUARE_WAVE');
    expect(sw.aborted).toBe(true);
    expect(findTable(sw, 'CURVE')!.columns[0]!.values.length).toBe(10);
    const vfp = dta('cycling', 'gamry', 'gamryparser_vfp600_data.DTA');
    expect(vfp.tag).toBe('VFP600');
    expect(tableColumn(findTable(vfp, 'VFPCURVE')!, 'Current')!.values.length).toBe(20);
  });

  it('EIS: ZCURVE, space-separated leading fields, aborted runs', () => {
    const z = findTable(dta('eis', 'gamryparser_eispot_data.DTA'), 'ZCURVE')!;
    expect(tableColumn(z, 'Freq')!.values.length).toBe(10);
    expect(last(tableColumn(z, 'Freq')!.values)).toBe(0.5);
    const ab = dta('eis', 'gamryparser_eispot_data_curveaborted.DTA');
    expect(ab.aborted).toBe(true);
    expect(findTable(ab, 'ZCURVE')!.columns.length).toBe(11);
    expect(findTable(ab, 'ZCURVE')!.columns[0]!.values.length).toBe(5);
  });

  it('reports bad input with a line', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(() => parseDta(enc('EXPLAIN\nfoo\n'), 'x.DTA')).toThrow(/x\.DTA:1: not a Gamry/);
    const bad = 'EXPLAIN\nTAG\tCV\nCURVE\tTABLE\n\tPt\tT\n\t#\ts\n\t0\t1\n\t1\tabc\n';
    expect(() => parseDta(enc(bad), 'x.DTA')).toThrow(/^x\.DTA:7: column "T" of table CURVE is "abc"; expected a number$/);
  });
});
