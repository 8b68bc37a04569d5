import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/paths.js';
import { cpeQ } from '../impedance/fit/helpers.js';

const example = sharedData('eis', 'impedance.py', 'exampleData.csv');
const GS = 'R0-p(R1,C1)-p(R2-Wo1,C2)';
const dir = mkdtempSync(join(tmpdir(), 'superionic-eis-fit-'));

const pelletCircuit = 'R0-p(R1,CPE1)-p(R2,CPE2)-CPE3';
const pelletParams = `R0=5,R1=2000,CPE1_0=${cpeQ(2000, 5e5, 0.9)},CPE1_1=0.9,R2=5000,CPE2_0=${cpeQ(5000, 5e3, 0.8)},CPE2_1=0.8,CPE3_0=2e-6,CPE3_1=0.85`;

describe('superionic eis simulate', () => {
  it('writes frequency_Hz,real_Ohm,imag_Ohm from high to low frequency with the analytic values', async () => {
    const r = await runCli(['eis', 'simulate', '--circuit', 'p(R1,C1)', '--params', 'R1=1e9,C1=1e-12', '--fmin', '1', '--fmax', '1e5', '--points-per-decade', '10']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('frequency_Hz,real_Ohm,imag_Ohm');
    expect(lines).toHaveLength(52);
    const rows = lines.slice(1).map((l) => l.split(',').map(Number));
    expect(rows[0]![0]).toBe(1e5);
    expect(rows[50]![0]).toBe(1);
    for (const [f, re, im] of rows) {
      const x = 2 * Math.PI * f! * 1e9 * 1e-12;
      expect(re! / (1e9 / (1 + x * x))).toBeCloseTo(1, 12);
      expect(im! / ((-1e9 * x) / (1 + x * x))).toBeCloseTo(1, 12);
    }
  });

  it('adds seeded noise (same seed, same bytes) and writes -o atomically', async () => {
    const args = ['eis', 'simulate', '--circuit', pelletCircuit, '--params', pelletParams, '--fmax', '7e6', '--fmin', '0.1', '--noise', '0.01', '--seed', '3'];
    const a = await runCli(args);
    const b = await runCli(args);
    const c = await runCli([...args.slice(0, -1), '4']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    const out = join(dir, 'pellet.csv');
    const w = await runCli([...args, '-o', out]);
    expect(w.code).toBe(0);
    expect(w.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(a.stdout);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('rejects missing, unknown and out-of-range parameters with one line, exit 1', async () => {
    for (const [params, msg] of [
      ['R1=1e3', /--params: missing value for C1/],
      ['R1=1e3,C1=1e-9,R9=1', /--params: unknown parameter "R9"/],
      ['R1=-5,C1=1e-9', /R1 = -5 is out of range/],
    ] as const) {
      const r = await runCli(['eis', 'simulate', '--circuit', 'p(R1,C1)', '--params', params]);
      expect(r.code, params).toBe(1);
      expect(r.stderr.trim().split('\n'), params).toHaveLength(1);
      expect(r.stderr, params).toMatch(msg);
    }
    const bad = await runCli(['eis', 'simulate', '--circuit', 'R0-p(R1,C1', '--params', 'R0=1']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^superionic: error: --circuit: unclosed "p\(" at character 4/);
  });
});

describe('superionic eis fit', () => {
  it('fits the getting-started spectrum with only the circuit, and prints the contract keys', async () => {
    const r = await runCli(['eis', 'fit', example, '--circuit', GS, '--drop-inductive', '--json']);
    expect(r.code).toBe(0);
    const doc = r.json();
    expect(Object.keys(doc).slice(0, 7)).toEqual(['circuit', 'points', 'converged', 'parameters', 'chiSquare', 'aic', 'bulkResistance']);
    expect(doc.points).toBe(57);
    expect(doc.converged).toBe(true);
    expect(Object.keys(doc.parameters)).toEqual(['R0', 'R1', 'C1', 'R2', 'Wo1_0', 'Wo1_1', 'C2']);
    expect(doc.parameters.C1.unit).toBe('F');
    expect(doc.parameters.Wo1_1.unit).toBe('s');
    expect(doc.parameters.R0.stderr).toBeGreaterThan(0);
    expect(doc.bulkResistance.unit).toBe('Ohm');
    // correlation: unit diagonal, symmetric, |ρ| ≤ 1
    expect(doc.correlation).toHaveLength(7);
    for (let i = 0; i < 7; i++) {
      expect(doc.correlation[i][i]).toBe(1);
      for (let j = 0; j < 7; j++) {
        expect(doc.correlation[i][j]).toBe(doc.correlation[j][i]);
        expect(Math.abs(doc.correlation[i][j])).toBeLessThanOrEqual(1);
      }
    }
  });

  it('reproduces impedance.py with its initial guess and weighting (modulus)', async () => {
    const r = await runCli(['eis', 'fit', example, '--circuit', GS, '--drop-inductive', '--json', '--initial', 'R0=.01,R1=.01,C1=100,R2=.01,Wo1_0=.05,Wo1_1=100,C2=1']);
    const p = r.json().parameters;
    expect(p.R1.value / 9.056220712514676e-3).toBeCloseTo(1, 5);
    expect(p.Wo1_1.value / 1320.126985396411).toBeCloseTo(1, 4);
  });

  it('gives bulk resistance and conductivity with propagated stderr for a pellet', async () => {
    const file = join(dir, 'pellet-fit.csv');
    await runCli(['eis', 'simulate', '--circuit', pelletCircuit, '--params', pelletParams, '--fmax', '7e6', '--fmin', '0.1', '--noise', '0.005', '--seed', '2', '-o', file]);
    const r = await runCli(['eis', 'fit', file, '--circuit', pelletCircuit, '--thickness-cm', '0.06', '--diameter-cm', '1', '--json']);
    expect(r.code).toBe(0);
    const doc = r.json();
    expect(doc.bulk).toBe('R1');
    expect(Math.abs(doc.bulkResistance.value - 2000) / 2000).toBeLessThan(0.03);
    const area = Math.PI / 4;
    expect(doc.conductivity.unit).toBe('S/cm');
    expect(doc.conductivity.value).toBeCloseTo(0.06 / (doc.bulkResistance.value * area), 15);
    expect(doc.conductivity.stderr / doc.conductivity.value).toBeCloseTo(doc.bulkResistance.stderr / doc.bulkResistance.value, 12);
    // --bulk picks another resistor
    const g = (await runCli(['eis', 'fit', file, '--circuit', pelletCircuit, '--bulk', 'R2', '--area-cm2', '0.5', '--thickness-cm', '0.05', '--json'])).json();
    expect(g.bulk).toBe('R2');
    expect(g.conductivity.value).toBeCloseTo(0.05 / (g.parameters.R2.value * 0.5), 15);
    // human output: a table and the conductivity line
    const h = await runCli(['eis', 'fit', file, '--circuit', pelletCircuit, '--thickness-cm', '0.06', '--diameter-cm', '1']);
    expect(h.stdout).toMatch(/parameter\s+value\s+stderr/);
    expect(h.stdout).toMatch(/^CPE1_1\s+0\.9/m);
    expect(h.stdout).toMatch(/σ\s+[\d.e-]+ ± [\d.e-]+ S\/cm/);
  });

  it('rejects a DC point (f = 0 Hz) with one line naming the file and line', async () => {
    const sim = await runCli(['eis', 'simulate', '--circuit', 'R0-p(R1,C1)', '--params', 'R0=10,R1=1000,C1=1e-8', '--fmin', '1', '--fmax', '1e6', '--points-per-decade', '5']);
    const file = join(dir, 'with-dc.csv');
    writeFileSync(file, `${sim.stdout}0,1010,0\n`);
    const r = await runCli(['eis', 'fit', file, '--circuit', 'R0-p(R1,C1)', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`superionic: error: ${file}:33: frequency is 0 Hz; expected a positive frequency\n`);
  });

  it('rejects a Z = 0 point that modulus weighting cannot weigh, and fits it with --weighting unit', async () => {
    const sim = await runCli(['eis', 'simulate', '--circuit', 'R0-p(R1,C1)', '--params', 'R0=10,R1=1000,C1=1e-8', '--fmin', '1', '--fmax', '1e6', '--points-per-decade', '5']);
    const file = join(dir, 'with-zero.csv');
    writeFileSync(file, `${sim.stdout}0.5,0,0\n`);
    const r = await runCli(['eis', 'fit', file, '--circuit', 'R0-p(R1,C1)', '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`superionic: error: ${file}: the point at f = 0.5 Hz has Z = 0 Ohm, which --weighting modulus cannot weigh; remove it or use --weighting unit\n`);
    const u = await runCli(['eis', 'fit', file, '--circuit', 'R0-p(R1,C1)', '--weighting', 'unit', '--json']);
    expect(u.code).toBe(0);
    expect(u.json().points).toBe(32);
  });

  it('several files → one array, in order', async () => {
    const r = await runCli(['eis', 'fit', example, example, '--circuit', GS, '--drop-inductive', '--json', '--fmax', '1000']);
    const docs = r.json();
    expect(Array.isArray(docs)).toBe(true);
    expect(docs).toHaveLength(2);
    expect(docs[0].points).toBe(56);
    expect(docs[0].parameters).toEqual(docs[1].parameters);
  });

  it('exit 3 with the JSON still printed when the fit does not converge', async () => {
    const args = ['eis', 'fit', example, '--circuit', GS, '--drop-inductive', '--initial', 'R0=1,R1=1,C1=1,R2=1,Wo1_0=1,Wo1_1=1,C2=1', '--max-iterations', '2'];
    const r = await runCli([...args, '--json']);
    expect(r.code).toBe(3);
    expect(r.json().converged).toBe(false);
    expect(r.stderr).toMatch(/exampleData\.csv: the fit did not converge \(exit 3\)/);
    const h = await runCli(args);
    expect(h.code).toBe(3);
    expect(h.stdout).toMatch(/DID NOT CONVERGE/);
  });

  it('bad input: circuit, --initial, --bulk, geometry, file', async () => {
    const cases: [string[], RegExp, number][] = [
      [['--circuit', 'R0-X1'], /--circuit: unknown element type in "X1"/, 1],
      [['--circuit', GS, '--initial', 'R7=1'], /--initial: unknown parameter "R7"/, 1],
      [['--circuit', GS, '--initial', 'R0=abc'], /--initial: value of R0 is "abc"/, 1],
      [['--circuit', GS, '--bulk', 'C1'], /--bulk: "C1" is not a resistance/, 1],
      [['--circuit', GS, '--diameter-cm', '1'], /--thickness-cm: the conductivity needs the pellet thickness/, 2],
      [['--circuit', GS, '--thickness-cm', '0.1', '--diameter-cm', '1', '--area-cm2', '1'], /exactly one of --diameter-cm and --area-cm2/, 2],
      [['--circuit', GS, '--weighting', 'foo'], /weighting/, 2],
      [['--circuit', GS, '--fmin', '1e9'], /0 points in the selected range cannot determine 7 parameters/, 1],
    ];
    for (const [args, msg, code] of cases) {
      const r = await runCli(['eis', 'fit', example, ...args, '--json']);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(msg);
    }
    const missing = await runCli(['eis', 'fit', join(dir, 'nope.csv'), '--circuit', GS]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.csv: no such file/);
  });

  it('documents the element formulas and statistics in --help', async () => {
    const r = await runCli(['eis', 'fit', '--help']);
    expect(r.stdout).toMatch(/Wo \(open\/reflective finite Warburg\): Z = Z0 coth/);
    expect(r.stdout).toMatch(/chiSquare = S\/ν/);
    expect(r.stdout).toMatch(/conductivity σ = L\/\(R_bulk·A\)/);
    expect(existsSync(example)).toBe(true);
    const s = await runCli(['eis', 'simulate', '--help']);
    expect(s.stdout).toMatch(/high → low/);
  });
});

// keep the scratch folder small
writeFileSync(join(dir, 'README'), 'scratch for test/cli/eis-fit.test.ts\n');
