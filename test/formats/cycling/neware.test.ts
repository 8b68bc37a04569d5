/** Neware capacities against NewareNDA's per-cycle maxima (expected-values.json) and our own integration. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCycler } from '../../../src/formats/cycling/read.js';
import { segmentHalfCycles } from '../../../src/cycling/segment.js';
import { sharedData } from '../../helpers/paths.js';

const expected = JSON.parse(readFileSync(sharedData('cycling', 'expected-values.json'), 'utf8')).neware;
const max = (a: Float64Array) => a.reduce((m, x) => Math.max(m, x), 0);

describe('Neware .ndax capacities', () => {
  for (const name of ['navani_test.ndax', 'newarenda_Issue27_2_46_1_5_60_ZZZZZZZZTEST_20250924092922.ndax', 'newarenda_PR28_TESTCELL0001-Test_Data_Collection_Ndc17.ndax']) {
    it(name, () => {
      const e = expected[`cycling/neware/${name}`].per_cycle_first10['1'];
      const r = readCycler(new Uint8Array(readFileSync(sharedData('cycling', 'neware', name))), name);
      // counters (Ah) equal NewareNDA's mAh maxima (float32 in the file)
      expect(max(r.chargeCapacity!) * 1000).toBeCloseTo(e.max_charge_mAh, 4);
      expect(max(r.dischargeCapacity!) * 1000).toBeCloseTo(e.max_discharge_mAh, 4);
      // integrating the current over the time axis we build gives the same charge to < 1 %
      const h = segmentHalfCycles(r);
      const ch = h.filter((x) => x.direction === 'charge').reduce((a, x) => a + x.capacity, 0) * 1000;
      expect(Math.abs(ch - e.max_charge_mAh) / e.max_charge_mAh).toBeLessThan(0.01);
    });
  }
});

describe('Neware .nda BTS 9.1 (variable-length records, Issue 72 file)', () => {
  it('reads 6670 rows with counters and integrated discharges equal to NewareNDA', () => {
    const name = 'newarenda_Issue72_TestFile.nda';
    const e = expected[`cycling/neware/${name}`];
    const r = readCycler(new Uint8Array(readFileSync(sharedData('cycling', 'neware', name))), name);
    expect(r.time.length).toBe(e.rows);
    expect(r.time[r.time.length - 1]).toBeCloseTo(e.last_row.Time, 2); // NewareNDA stores float32
    expect(max(r.dischargeCapacity!) * 1000).toBeCloseTo(e.per_cycle_first10['2'].max_discharge_mAh, 2);
    expect(max(r.chargeCapacity!) * 1000).toBeCloseTo(e.per_cycle_first10['3'].max_charge_mAh, 2);
    const dis = segmentHalfCycles(r).filter((h) => h.direction === 'discharge').map((h) => h.capacity * 1000);
    expect(dis[0]! / e.per_cycle_first10['1'].max_discharge_mAh).toBeCloseTo(1, 4);
    expect(dis[1]! / e.per_cycle_first10['2'].max_discharge_mAh).toBeCloseTo(1, 4);
  });
});
