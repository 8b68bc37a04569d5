/**
 * CONTRACT §2 (impedance) end to end through the CLI: `eis simulate`, `eis fit`, `eis kk`,
 * `eis drt`. Keys, types and units as the contract names them; the numbers that carry a
 * convention (conductivity = L/(R·A), γ(ln τ) whose integral is the polarisation resistance,
 * Lin-KK residuals relative to |Z|) are checked on a spectrum simulated from a known circuit.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/paths.js';
import { expectBadInput, expectBatch, expectNumberArray, expectQuantity, expectUsage, jsonOk, parseOne, scratch, scratchFile } from './contract-helpers.js';

const EXAMPLE = sharedData('eis', 'impedance.py', 'exampleData.csv');
const RC = ['--circuit', 'R0-p(R1,C1)', '--params', 'R0=10,R1=100,C1=1e-6'];
/** Spectra simulated once by `eis simulate` and then analysed (written in beforeAll). */
const SIM = join(scratch, 'rc-cpe-noisy.csv');
const KK_RC = join(scratch, 'kk-rc.csv');
const DRT_RC = join(scratch, 'drt-rc.csv');
let simText = '';

beforeAll(async () => {
  simText = await simulate(['--circuit', 'R0-p(R1,CPE1)', '--params', 'R0=10,R1=1000,CPE1_0=1e-9,CPE1_1=0.9', '--noise', '0.002', '--seed', '3']);
  scratchFile('rc-cpe-noisy.csv', simText);
  scratchFile('kk-rc.csv', await simulate([...RC, '--noise', '0.001', '--seed', '2']));
  scratchFile('drt-rc.csv', await simulate([...RC, '--fmin', '0.1', '--fmax', '1e6', '--points-per-decade', '8']));
});

async function simulate(args: string[]): Promise<string> {
  const r = await runCli(['eis', 'simulate', ...args]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('eis simulate (CONTRACT §2)', () => {
  it('writes CSV with exactly the header frequency_Hz,real_Ohm,imag_Ohm and Z" < 0 for a capacitor', async () => {
    const csv = await simulate([...RC, '--fmin', '0.1', '--fmax', '1e5', '--points-per-decade', '5']);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('frequency_Hz,real_Ohm,imag_Ohm');
    expect(lines).toHaveLength(1 + 6 * 5 + 1);
    const rows = lines.slice(1).map((l) => l.split(',').map(Number));
    for (const [f, re, im] of rows) {
      expect(f).toBeGreaterThan(0);
      // R0 + R1/(1 + jωR1C1)
      const w = 2 * Math.PI * f!;
      const d = 1 + (w * 1e-4) ** 2;
      expect(re).toBeCloseTo(10 + 100 / d, 9);
      expect(im).toBeCloseTo((-100 * w * 1e-4) / d, 9);
      expect(im).toBeLessThan(0);
    }
    expect(rows[0]![0]).toBeCloseTo(1e5, 6);
    expect(rows.at(-1)![0]).toBeCloseTo(0.1, 12);
  });

  it('--noise with --seed: same seed, same bytes; another seed, other bytes', async () => {
    const a = await simulate([...RC, '--noise', '0.01', '--seed', '7']);
    const b = await simulate([...RC, '--noise', '0.01', '--seed', '7']);
    const c = await simulate([...RC, '--noise', '0.01', '--seed', '8']);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a.split('\n')[0]).toBe('frequency_Hz,real_Ohm,imag_Ohm');
  });

  it('-o writes the same bytes atomically (folder created, no temporary file left, old content replaced)', async () => {
    const stdout = await simulate([...RC, '--points-per-decade', '3']);
    const out = join(scratch, 'sim-out', 'nested', 'z.csv');
    let r = await runCli(['eis', 'simulate', ...RC, '--points-per-decade', '20', '-o', out]);
    expect(r.code).toBe(0);
    r = await runCli(['eis', 'simulate', ...RC, '--points-per-decade', '3', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(stdout);
    expect(readdirSync(join(scratch, 'sim-out', 'nested'))).toEqual(['z.csv']);
  });

  it('usage errors exit 2', async () => {
    await expectUsage(['eis', 'simulate', '--params', 'R0=1']);
    await expectUsage(['eis', 'simulate', '--circuit', 'R0']);
    await expectUsage(['eis', 'simulate', ...RC, '--points-per-decade', 'many']);
  });
});

describe('eis fit (CONTRACT §2)', () => {
  const sim = SIM;
  it('prints the contract keys; conductivity = L/(R_bulk·A) in S/cm', async () => {
    const text = simText;
    const L = 0.06;
    const D = 1.0;
    const doc = await jsonOk(['eis', 'fit', sim, '--circuit', 'R0-p(R1,CPE1)', '--thickness-cm', String(L), '--diameter-cm', String(D), '--json']);
    expect(doc.circuit).toBe('R0-p(R1,CPE1)');
    expect(doc.points).toBe(text.trim().split('\n').length - 1);
    expect(doc.converged).toBe(true);
    expect(Object.keys(doc.parameters)).toEqual(['R0', 'R1', 'CPE1_0', 'CPE1_1']);
    for (const [k, q] of Object.entries(doc.parameters)) expectQuantity(q, /\S/, `parameters.${k}`);
    expectQuantity(doc.parameters.R0, 'Ohm', 'parameters.R0', { stderr: true });
    expectQuantity(doc.parameters.R1, 'Ohm', 'parameters.R1', { stderr: true });
    expect(doc.parameters.R1.value / 1000).toBeCloseTo(1, 1);
    expect(typeof doc.chiSquare).toBe('number');
    expect(typeof doc.aic).toBe('number');
    // default bulk: the resistor of the (only, highest-frequency) arc
    expectQuantity(doc.bulkResistance, 'Ohm', 'bulkResistance');
    expect(doc.bulkResistance.value).toBe(doc.parameters.R1.value);
    expectQuantity(doc.conductivity, 'S/cm', 'conductivity');
    expect(doc.conductivity.value).toBeCloseTo(L / (doc.bulkResistance.value * (Math.PI / 4) * D * D), 15);
  });

  it('--bulk, --area-cm2, --initial, --fmin/--fmax and --weighting are accepted', async () => {
    const doc = await jsonOk([
      'eis', 'fit', sim, '--circuit', 'R0-p(R1,CPE1)', '--bulk', 'R0', '--thickness-cm', '0.1', '--area-cm2', '2',
      '--initial', 'R1=900,CPE1_0=2e-9', '--fmin', '1', '--fmax', '1e5', '--weighting', 'proportional', '--json',
    ]);
    expect(doc.bulkResistance.value).toBe(doc.parameters.R0.value);
    expect(doc.conductivity.value).toBeCloseTo(0.1 / (doc.parameters.R0.value * 2), 15);
    expect(doc.points).toBe(51); // 1 Hz … 100 kHz at 10 points per decade
    for (const w of ['unit', 'modulus']) {
      const d = await jsonOk(['eis', 'fit', sim, '--circuit', 'R0-p(R1,CPE1)', '--weighting', w, '--json']);
      expect(d.bulkResistance.unit).toBe('Ohm');
      expect(d.conductivity).toBeUndefined(); // no geometry, no conductivity
    }
  });

  it('default --bulk: the resistor of the highest-frequency arc, else the series resistor', async () => {
    // arc 1: τ = 1e-3 s (160 Hz); arc 2: τ = 5e-7 s (320 kHz), listed second on purpose
    const two = scratchFile('two-arcs.csv', await simulate(['--circuit', 'R0-p(R1,C1)-p(R2,C2)', '--params', 'R0=10,R1=1000,C1=1e-6,R2=500,C2=1e-9', '--fmax', '1e7']));
    const d = await jsonOk(['eis', 'fit', two, '--circuit', 'R0-p(R1,C1)-p(R2,C2)', '--json']);
    // the two p(R,C) are interchangeable in the fit: the bulk is whichever holds the fast arc
    expect(d.bulkResistance.value).toBeCloseTo(500, 3);
    expect([d.parameters.R1.value, d.parameters.R2.value]).toContain(d.bulkResistance.value);
    const spur = scratchFile('r-cpe.csv', await simulate(['--circuit', 'R0-CPE1', '--params', 'R0=42,CPE1_0=1e-6,CPE1_1=0.8']));
    const s = await jsonOk(['eis', 'fit', spur, '--circuit', 'R0-CPE1', '--json']);
    expect(s.bulkResistance.value).toBe(s.parameters.R0.value);
    expect(s.parameters.R0.value).toBeCloseTo(42, 6);
  });

  it('several files → one array in order (simulated, then a measured spectrum)', async () => {
    const docs = await expectBatch(['eis', 'fit'], [sim, EXAMPLE], ['--circuit', 'R0-p(R1,CPE1)-CPE2', '--json']);
    expect(docs.map((d) => d.points)).toEqual([81, 66]);
  });

  it('exit 3 when the fit does not converge, the JSON still printed with "converged": false', async () => {
    const r = await runCli(['eis', 'fit', EXAMPLE, '--circuit', 'R0-p(R1,CPE1)-p(R2,CPE2)-CPE3', '--max-iterations', '1', '--restarts', '0', '--json']);
    expect(r.code).toBe(3);
    const doc = parseOne(r, 'eis fit (not converged)');
    expect(doc.converged).toBe(false);
    expect(Object.keys(doc.parameters)).toHaveLength(9);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^superionic: error: .*exampleData\.csv/);
  });

  it('in a batch, a fit that does not converge still gives its document; exit 3', async () => {
    const r = await runCli(['eis', 'fit', SIM, EXAMPLE, '--circuit', 'R0-p(R1,CPE1)-p(R2,CPE2)-CPE3', '--max-iterations', '1', '--restarts', '0', '--json']);
    expect(r.code).toBe(3);
    const docs = parseOne(r, 'eis fit batch (not converged)');
    expect(docs).toHaveLength(2);
    expect(docs.map((d: any) => d.file)).toEqual([SIM, EXAMPLE]);
    expect(docs.some((d: any) => d.converged === false)).toBe(true);
  });

  it('bad input exit 1 naming the file; usage errors exit 2', async () => {
    const bad = scratchFile('fit-bad.csv', 'frequency_Hz,real_Ohm,imag_Ohm\n1000,12,-3\n100,abc,-5\n');
    await expectBadInput(['eis', 'fit', bad, '--circuit', 'R0-p(R1,C1)', '--json'], bad, /fit-bad\.csv:3: /);
    await expectUsage(['eis', 'fit', EXAMPLE]);
    await expectUsage(['eis', 'fit', EXAMPLE, '--circuit', 'R0', '--weighting', 'squares']);
    await expectUsage(['eis', 'fit', EXAMPLE, '--circuit', 'R0', '--thickness-cm', '0.1']);
    await expectUsage(['eis', 'fit', EXAMPLE, '--circuit', 'R0', '--thickness-cm', '0.1', '--diameter-cm', '1', '--area-cm2', '1']);
  });
});

describe('eis kk (CONTRACT §2)', () => {
  it('prints M, mu, valid, maxResidual and residuals relative to |Z|', async () => {
    const doc = await jsonOk(['eis', 'kk', EXAMPLE, '--json']);
    expect(Number.isInteger(doc.M)).toBe(true);
    expect(typeof doc.mu).toBe('number');
    expect(typeof doc.valid).toBe('boolean');
    expect(typeof doc.maxResidual).toBe('number');
    const { frequency, real, imag } = doc.residuals;
    expectNumberArray(frequency, 'residuals.frequency', 66);
    expectNumberArray(real, 'residuals.real', 66);
    expectNumberArray(imag, 'residuals.imag', 66);
    const max = Math.max(...real.map(Math.abs), ...imag.map(Math.abs));
    expect(doc.maxResidual).toBeCloseTo(max, 12);
    expect(doc.maxResidual).toBeLessThan(0.05); // relative, not in Ohm
  });

  it('residuals are relative to |Z|: a sample with 1000× the impedance gives the same residuals', async () => {
    const scaled = readFileSync(EXAMPLE, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(',').map(Number))
      .map(([f, re, im]) => `${f},${re! * 1000},${im! * 1000}`);
    const f = scratchFile('kk-example-x1000.csv', ['frequency_Hz,real_Ohm,imag_Ohm', ...scaled].join('\n') + '\n');
    const a = await jsonOk(['eis', 'kk', EXAMPLE, '--json']);
    const b = await jsonOk(['eis', 'kk', f, '--json']);
    expect(b.M).toBe(a.M);
    expect(b.maxResidual).toBeCloseTo(a.maxResidual, 9);
    b.residuals.real.forEach((x: number, i: number) => expect(x).toBeCloseTo(a.residuals.real[i], 9));
  });

  it('several files → one array in order; bad input exit 1', async () => {
    await expectBatch(['eis', 'kk'], [EXAMPLE, KK_RC], ['--json']);
    await expectBadInput(['eis', 'kk', join(scratch, 'no-such.z'), '--json'], join(scratch, 'no-such.z'));
  });
});

describe('eis drt (CONTRACT §2)', () => {
  it('γ(ln τ): ∫γ d ln τ is the polarisation resistance and a peak’s resistance is its area', async () => {
    const doc = await jsonOk(['eis', 'drt', DRT_RC, '--json']);
    expect(typeof doc.lambda).toBe('number');
    expectNumberArray(doc.tau, 'tau');
    expectNumberArray(doc.gamma, 'gamma', doc.tau.length);
    expectQuantity(doc.rInf, 'Ohm', 'rInf');
    expectQuantity(doc.inductance, 'H', 'inductance');
    expect(doc.rInf.value).toBeCloseTo(10, 0);
    let area = 0;
    for (let k = 1; k < doc.tau.length; k++) area += 0.5 * (doc.gamma[k] + doc.gamma[k - 1]) * Math.log(doc.tau[k] / doc.tau[k - 1]);
    expect(area / 100).toBeCloseTo(1, 1); // R1 = 100 Ohm
    expect(Array.isArray(doc.peaks)).toBe(true);
    expect(doc.peaks.length).toBeGreaterThanOrEqual(1);
    let sum = 0;
    for (const [i, p] of doc.peaks.entries()) {
      expectQuantity(p.tau, 's', `peaks[${i}].tau`);
      expectQuantity(p.frequency, 'Hz', `peaks[${i}].frequency`);
      expectQuantity(p.resistance, 'Ohm', `peaks[${i}].resistance`);
      expect(p.frequency.value * 2 * Math.PI * p.tau.value).toBeCloseTo(1, 9);
      sum += p.resistance.value;
    }
    const main = doc.peaks.reduce((a: any, b: any) => (b.resistance.value > a.resistance.value ? b : a));
    expect(Math.log10(main.tau.value)).toBeCloseTo(-4, 1); // τ = R1·C1
    expect(sum / area).toBeCloseTo(1, 2);
  });

  it('--lambda NUMBER and --derivative 2 are honoured; several files → one array in order', async () => {
    const docs = await expectBatch(['eis', 'drt'], [DRT_RC, EXAMPLE], ['--lambda', '1e-3', '--derivative', '2', '--json']);
    expect(docs.map((d) => d.lambda)).toEqual([1e-3, 1e-3]);
  });

  it('bad input exit 1 naming the file; usage errors exit 2', async () => {
    const bad = scratchFile('drt-bad.z', 'not an impedance file\n');
    await expectBadInput(['eis', 'drt', bad, '--json'], bad);
    await expectUsage(['eis', 'drt', EXAMPLE, '--lambda', 'often']);
    await expectUsage(['eis', 'drt', EXAMPLE, '--derivative', '3']);
    expect(existsSync(bad)).toBe(true);
  });
});
