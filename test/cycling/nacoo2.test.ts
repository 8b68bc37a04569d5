/**
 * The NaCoO2 half-cell GCPL files (BioLogic .mpr): per-cycle capacities and CE (jdb11-1) and
 * the rate test (jdb11-4) against expected-values.json, which took capacities as the maximum of
 * EC-Lab's Q charge/discharge within each of its half cycles. Ours come from current-sign
 * segmentation and the instrument's per-point dq; both must agree to the data's precision.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCycler } from '../../src/formats/cycling/read.js';
import { segmentHalfCycles } from '../../src/cycling/segment.js';
import { pairCycles, retention } from '../../src/cycling/cycles.js';
import { rateTable } from '../../src/cycling/rate.js';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/paths.js';

const expected = JSON.parse(readFileSync(sharedData('cycling', 'expected-values.json'), 'utf8'));
const tables = expected.biologic_cycle_tables;
const GCPL = 'cycling/biologic/navani_jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr';
const RATE = 'cycling/biologic/cheminfo_jdb11-4.mpr';

function table(rel: string) {
  const r = readCycler(new Uint8Array(readFileSync(sharedData(rel))), rel);
  return pairCycles(segmentHalfCycles(r));
}

interface Row { cycle: number; current_mA: number; Q_charge_mAh: number; Q_discharge_mAh: number; CE_dis_over_ch: number }

describe('NaCoO2 GCPL (jdb11-1)', () => {
  const t = table(GCPL);
  const rows: Row[] = tables[GCPL].cycles;

  it('excludes the initial partial discharge as cycle 0', () => {
    expect(t.initial?.direction).toBe('discharge');
    expect(t.initial!.capacity * 1000).toBeCloseTo(0.206529, 5);
  });

  it('reproduces Q_ch, Q_dis and CE per cycle', () => {
    expect(t.cycles).toHaveLength(rows.length);
    rows.forEach((e, k) => {
      const c = t.cycles[k]!;
      expect(c.cycle).toBe(e.cycle);
      expect(c.charge!.capacity * 1000).toBeCloseTo(e.Q_charge_mAh, 5);
      expect(c.discharge!.capacity * 1000).toBeCloseTo(e.Q_discharge_mAh, 5);
      expect(c.coulombicEfficiency!).toBeCloseTo(e.CE_dis_over_ch, 5);
    });
  });

  it('gives retention against cycle 1', () => {
    const r = retention(t)!;
    expect(r.reference).toBe(1);
    expect(r.value).toBeCloseTo(0.879492 / 0.852855, 5);
  });
});

describe('NaCoO2 rate test (jdb11-4)', () => {
  const t = table(RATE);
  const rows: Row[] = tables[RATE].cycles;
  const mass = 4.97e-3; // g, characteristic mass in the .mps

  it('reproduces every cycle and the rate-step means and recovery', () => {
    expect(t.cycles).toHaveLength(30);
    rows.forEach((e, k) => {
      expect(t.cycles[k]!.discharge!.capacity * 1000).toBeCloseTo(e.Q_discharge_mAh, 5);
      expect(t.cycles[k]!.coulombicEfficiency!).toBeCloseTo(e.CE_dis_over_ch, 5);
    });
    const rt = rateTable(t, { massG: mass });
    expect(rt.steps.map((s) => s.cycles.length)).toEqual([6, 6, 6, 6, 6]);
    const means = [0, 1, 2, 3, 4].map((g) => rows.slice(6 * g, 6 * g + 6).reduce((a, r) => a + r.Q_discharge_mAh, 0) / 6);
    expect(means[0]).toBeCloseTo(1.256273, 5); // PROVENANCE table
    rt.steps.forEach((s, g) => {
      expect(s.meanDischarge * 1000).toBeCloseTo(means[g]!, 5);
      expect(s.current * 1000).toBeCloseTo(rows[6 * g]!.current_mA, 3);
    });
    expect(rt.recovery!).toBeCloseTo(means[4]! / means[0]!, 5);
    expect(rt.recovery!).toBeCloseTo(0.946, 3);
  });

  it('the CLI prints the rate table in mAh/g', async () => {
    const res = await runCli(['cycling', 'rate', sharedData(RATE), '--mass-mg', '4.97', '--json']);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.steps).toHaveLength(5);
    expect(doc.steps[0].discharge.unit).toBe('mAh/g');
    expect(doc.steps[0].discharge.value).toBeCloseTo(1.256273 / 4.97e-3 / 1000 * 1000, 2);
    expect(doc.steps[0].cycles).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doc.steps[0].cRate).toBeCloseTo(0.11513 / (0.12 * 4.97), 3);
    expect(doc.recovery).toBeCloseTo(0.946, 3);
  });
});
