/** The cycling commands end to end on synthetic CSV files written here (CONTRACT §3–4). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildRecord, galvanostatic, type Segment } from './synthetic.js';
import type { CyclerRecord } from '../../src/cycling/record.js';

const dir = mkdtempSync(join(tmpdir(), 'superionic-cycling-'));

function writeCsv(name: string, r: CyclerRecord, currentUnit: 'A' | 'mA' = 'A'): string {
  const f = currentUnit === 'mA' ? 1000 : 1;
  const lines = ['time/s,Ewe/V,Current (' + currentUnit + '),Step_Index'];
  for (let i = 0; i < r.time.length; i++) lines.push(`${r.time[i]},${r.voltage[i]},${r.current[i]! * f},${r.step?.[i] ?? 0}`);
  const p = join(dir, name);
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

const cyc = writeCsv('cyc.csv', galvanostatic([{ qCh: 1e-3, qDis: 0.9e-3 }, { qCh: 1e-3, qDis: 0.7e-3 }]), 'mA');

describe('cycling summary', () => {
  it('prints the contract keys with mAh/g under a mass', async () => {
    const res = await runCli(['cycling', 'summary', cyc, '--mass-mg', '5', '--json']);
    expect(res.code).toBe(0);
    const d = res.json();
    expect(d.cycles).toHaveLength(2);
    expect(d.cycles[0].charge).toEqual({ value: expect.closeTo(200, 9), unit: 'mAh/g' });
    expect(d.cycles[0].discharge.value).toBeCloseTo(180, 9);
    expect(d.cycles[0].coulombicEfficiency).toBeCloseTo(0.9, 12);
    expect(d.retention).toMatchObject({ reference: 1, last: 2, cycleLife: 2 });
    expect(d.retention.value).toBeCloseTo(0.7 / 0.9, 12);
  });

  it('prints mAh without a mass', async () => {
    const d = (await runCli(['cycling', 'summary', cyc, '--json'])).json();
    expect(d.cycles[1].discharge).toEqual({ value: expect.closeTo(0.7, 12), unit: 'mAh' });
  });

  it('refuses a mass of zero with exit 1 and one line', async () => {
    const res = await runCli(['cycling', 'summary', cyc, '--mass-mg', '0']);
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^superionic: error: --mass-mg/);
  });

  it('several files → one JSON array', async () => {
    const d = (await runCli(['cycling', 'summary', cyc, cyc, '--json'])).json();
    expect(Array.isArray(d)).toBe(true);
    expect(d).toHaveLength(2);
  });

  it('a truncated row is exit 1 naming the line', async () => {
    const p = join(dir, 'trunc.csv');
    writeFileSync(p, 'time/s,Ewe/V,I/mA\n1,3.0,0.1\n2,3.1,0.1\n3,3.2\n');
    const res = await runCli(['cycling', 'summary', p]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/trunc\.csv:4: /);
  });

  it('an unknown unit is exit 1 naming the column', async () => {
    const p = join(dir, 'unit.csv');
    writeFileSync(p, 'time/s,Ewe/V,Current (kA)\n1,3.0,0.1\n');
    const res = await runCli(['cycling', 'summary', p]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Current \(kA\)/);
  });
});

describe('cycling profiles and dqdv', () => {
  it('profiles start at 0 and end at the half-cycle capacity', async () => {
    const d = (await runCli(['cycling', 'profiles', cyc, '--mass-mg', '5', '--cycles', '2', '--json'])).json();
    expect(d.capacityUnit).toBe('mAh/g');
    expect(d.cycles.map((c: { cycle: number }) => c.cycle)).toEqual([2]);
    const q = d.cycles[0].discharge.capacity as number[];
    expect(q[q.length - 1]).toBeCloseTo(140, 9); // 0.7 mAh / 5 mg
  });

  it('refuses a --cycles list that is not cycle numbers, and profiles take no dQ/dV options', async () => {
    for (const bad of ['a', '1,,2', '0', '1.5']) {
      const res = await runCli(['cycling', 'profiles', cyc, '--cycles', bad, '--json']);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/--cycles/);
      expect(res.stdout).toBe('');
    }
    expect((await runCli(['cycling', 'profiles', cyc, '--bin-v', '0.01', '--json'])).code).toBe(2);
  });

  it('dQ/dV of a linear discharge is flat at Q/ΔV', async () => {
    const d = (await runCli(['cycling', 'dqdv', cyc, '--cycles', '1', '--bin-v', '0.01', '--json'])).json();
    expect(d.unit).toBe('mAh/V');
    const y = (d.cycles[0].charge.dqdv as number[]).slice(10, -10);
    // charge 1: 1 mAh over 3 → 4 V
    for (const x of y) expect(x).toBeCloseTo(1, 2);
  });
});

describe('gitt, window, polarization', () => {
  it('gitt returns pulses with apparent D in cm2/s', async () => {
    const segs: Segment[] = [{ current: 0, points: 30, voltage: () => 3 }];
    for (let p = 0; p < 2; p++) {
      const E0 = 3 + 0.01 * p;
      segs.push({ current: 1e-4, points: 100, voltage: (_k, ts) => E0 + 0.02 + 0.001 * Math.sqrt(ts) });
      segs.push({ current: 0, points: 300, voltage: () => E0 + 0.01 });
    }
    const f = writeCsv('gitt.csv', buildRecord(segs, 1));
    const res = await runCli(['gitt', f, '--mass-mg', '5', '--molar-mass', '100', '--molar-volume', '30', '--area-cm2', '1', '--json']);
    expect(res.code).toBe(0);
    const d = res.json();
    expect(d.pulses).toHaveLength(2);
    const L = (0.005 * 30) / 100;
    const D = (4 / (Math.PI * 100)) * L * L * (0.01 / (0.001 * 10)) ** 2;
    expect(d.pulses[0].diffusionCoefficient.unit).toBe('cm2/s');
    expect(d.pulses[0].diffusionCoefficient.value / D).toBeCloseTo(1, 6);
    expect(d.pulses[1].voltage).toEqual({ value: expect.closeTo(3.02, 9), unit: 'V' });
  });

  it('window by threshold and tangent', async () => {
    const v = Array.from({ length: 2001 }, (_, i) => 3 + i * 0.001);
    const r: CyclerRecord = {
      time: Float64Array.from(v, (_, i) => i),
      voltage: Float64Array.from(v),
      current: Float64Array.from(v, (x) => (x > 4.5 ? 1e-3 * (x - 4.5) : 0)),
      meta: {},
    };
    const f = writeCsv('lsv.csv', r);
    const a = (await runCli(['window', f, '--area-cm2', '1', '--threshold-ma-cm2', '0.05', '--json'])).json();
    expect(a.method).toBe('threshold');
    expect(a.oxidation.value).toBeCloseTo(4.55, 6);
    expect(a.reduction).toBeNull();
    const b = (await runCli(['window', f, '--method', 'tangent', '--json'])).json();
    expect(b.oxidation.value).toBeCloseTo(4.5, 3);
  });

  it('polarization gives σe = L/(A·R)', async () => {
    const Re = 1e6;
    const segs: Segment[] = [0.1, 0.2, 0.4].map((V, s) => ({ current: V / Re, points: 200, voltage: () => V, step: s }));
    const f = writeCsv('dc.csv', buildRecord(segs, 1));
    const res = await runCli(['polarization', f, '--thickness-cm', '0.1', '--diameter-cm', '1', '--json']);
    expect(res.code).toBe(0);
    const d = res.json();
    expect(d.electronicConductivity.unit).toBe('S/cm');
    expect(d.electronicConductivity.value).toBeCloseTo(0.1 / ((Math.PI / 4) * Re), 15);
    expect(d.steps).toHaveLength(3);
    expect(d.steps[2].voltage).toEqual({ value: 0.4, unit: 'V' });
  });

  it('polarization refuses steps whose current falls with the voltage: one line, exit 1', async () => {
    const segs: Segment[] = [0.1, 0.2, 0.4].map((V, s) => ({ current: 1e-7 / V, points: 50, voltage: () => V, step: s }));
    const f = writeCsv('dc-bad.csv', buildRecord(segs, 1));
    const res = await runCli(['polarization', f, '--thickness-cm', '0.1', '--area-cm2', '1']);
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/dc-bad\.csv: .*does not rise with the applied voltage/);
  });
});
