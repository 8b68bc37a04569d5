import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli.js';
import { sharedData } from '../../helpers/paths.js';

const lib = sharedData('eis', 'pyDRTtools', 'LIB_data.txt');
const reference = JSON.parse(readFileSync(sharedData('eis', 'reference-outputs.json'), 'utf8'))['pyDRTtools/LIB_data.txt'] as {
  R_inf: number;
  L: number;
  peaks: { tau_s: number; gamma_ohm: number }[];
};

describe('superionic eis drt (CLI)', () => {
  it('LIB_data.txt with pyDRTtools’ grid and λ: its four peaks, R∞ and L', async () => {
    // pyDRTtools: centres τ_m = 1/f_m (1/999 Hz … 1/5 mHz), unit weights, λ = 1e-3, 1st derivative, no series C
    const r = await runCli(['eis', 'drt', lib, '--tau-range', '1.000961e-3:200', '--lambda', '1e-3', '--capacitance', 'no', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = r.json();
    expect(doc.lambdaMethod).toBe('fixed');
    expect(doc.rInf.unit).toBe('Ohm');
    expect(Math.abs(doc.rInf.value / reference.R_inf - 1)).toBeLessThan(1e-3);
    expect(Math.abs(doc.inductance.value / reference.L - 1)).toBeLessThan(0.02);
    expect(doc.peaks).toHaveLength(reference.peaks.length);
    reference.peaks.forEach((p, i) => {
      expect(Math.abs(Math.log10(doc.peaks[i].tau.value / p.tau_s)), `peak ${i}`).toBeLessThan(0.05);
      expect(Math.abs(doc.peaks[i].height.value / p.gamma_ohm - 1), `peak ${i} height`).toBeLessThan(0.2);
    });
  });

  it('LIB_data.txt by default: JSON per the contract; the 0.146 s process where pyDRTtools has it, the diffusion tail in a series C', async () => {
    const r = await runCli(['eis', 'drt', lib, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = r.json();
    expect(doc.lambdaMethod).toBe('gcv-kk');
    expect(doc.lambdaFloor).toBeGreaterThan(1e-8);
    expect(doc.lambda).toBeGreaterThanOrEqual(doc.lambdaFloor);
    expect(doc.tau.length).toBe(doc.gamma.length);
    expect(doc.gamma.every((g: number) => g >= 0)).toBe(true);
    for (const p of doc.peaks) {
      expect(p.tau.unit).toBe('s');
      expect(p.frequency.value).toBeCloseTo(1 / (2 * Math.PI * p.tau.value), 8);
      expect(p.resistance.unit).toBe('Ohm');
    }
    const sum = doc.peaks.reduce((s: number, p: { resistance: { value: number } }) => s + p.resistance.value, 0);
    expect(sum / doc.polarizationResistance.value).toBeCloseTo(1, 6);
    const nearest = Math.min(...doc.peaks.map((p: { tau: { value: number } }) => Math.abs(Math.log10(p.tau.value / 0.146))));
    expect(nearest).toBeLessThan(0.05);
    // −Z'' still rises at 5 mHz: the auto series capacitance takes the tail that pyDRTtools turns into its 83.7 s peak
    expect(doc.capacitance.unit).toBe('F');
    expect(doc.peaks.length).toBeLessThanOrEqual(5);
  });

  it('several files → one JSON array in order', async () => {
    const r = await runCli(['eis', 'drt', lib, sharedData('eis', 'pyDRTtools', 'data_1.csv'), '--lambda', '1e-3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const docs = r.json();
    expect(docs).toHaveLength(2);
    expect(docs[0].points).toBe(107);
    expect(docs[1].points).toBe(107);
  });

  it('bad input exits 1 with one line: too few points, non-finite value, duplicate frequency', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drt-'));
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [10 ** (4 - i / 2), 10 + i, -1 - i]);
    const write = (name: string, data: (number | string)[][]) => {
      const p = join(dir, name);
      writeFileSync(p, data.map((r) => r.join('\t')).join('\n') + '\n');
      return p;
    };
    const few = write('few.txt', rows(5));
    const nan = rows(12) as (number | string)[][];
    nan[6]![1] = 'nan';
    const dup = rows(12);
    dup[7]![0] = dup[6]![0]!;
    for (const file of [few, write('nan.txt', nan), write('dup.txt', dup)]) {
      const r = await runCli(['eis', 'drt', file, '--json']);
      expect(r.code, file).toBe(1);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(/^superionic: error: /);
      expect(r.stdout).toBe('');
    }
  });

  it('usage errors exit 2', async () => {
    expect((await runCli(['eis', 'drt', lib, '--lambda', '-1'])).code).toBe(2);
    expect((await runCli(['eis', 'drt', lib, '--basis', 'cauchy', '--derivative', '2'])).code).toBe(2);
    expect((await runCli(['eis', 'drt', lib, '--tau-range', '5:1'])).code).toBe(2);
  });

  it('--help states the model, the λ criteria and why peaks differ from pyDRTtools', async () => {
    const r = await runCli(['eis', 'drt', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/generalised cross-validation/);
    expect(r.stdout).toMatch(/gcv-kk\s+\(default\)/);
    expect(r.stdout).toMatch(/discrepancy-principle/);
    expect(r.stdout).toMatch(/pyDRTtools puts its basis centres at τ_m = 1\/f_m/);
  });
});
