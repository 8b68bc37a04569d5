import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

describe('superionic eis kk (CLI)', () => {
  it('documents the method and the verdict in --help', async () => {
    const r = await runCli(['eis', 'kk', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/μ = 1 − Σ/);
    expect(r.stdout).toMatch(/--mu-cutoff/);
    expect(r.stdout).toMatch(/threshold/);
    expect(r.stdout).toMatch(/BIC\(M\) = 2N ln\(RSS\/2N\) \+ p ln\(2N\)/);
    expect(r.stdout).toMatch(/--m-selection/);
  });

  it('default run reports the method and the reason of the verdict', async () => {
    const { sharedData } = await import('../../helpers/paths.js');
    const r = await runCli(['eis', 'kk', sharedData('eis', 'impedance.py', 'Circuit3_EIS_1.z'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = r.json();
    expect(doc.mSelection).toBe('auto');
    expect(doc.verdict).toBe('trend');
    expect(doc.tauExtension).toBe(0);
    expect(doc.valid).toBe(true);
    expect(doc.systematicResidual).toBeLessThan(0.005);
    expect(doc.verdictReason).toMatch(/systematic residual .* < threshold 1\.0 %/);
    const human = await runCli(['eis', 'kk', sharedData('eis', 'impedance.py', 'Circuit3_EIS_1.z')]);
    expect(human.stdout).toMatch(/minimum BIC/);
    expect(human.stdout).toMatch(/verdict: valid/);
  });

  it('a negative --tau-extension is a usage error', async () => {
    const r = await runCli(['eis', 'kk', 'x.z', '--tau-extension', '-1']);
    expect(r.code).toBe(2);
  });

  it('a missing file exits 1 with one line', async () => {
    const r = await runCli(['eis', 'kk', '/nonexistent/spectrum.z', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^superionic: error: \/nonexistent\/spectrum.z: no such file/);
  });

  it('rejects a μ cutoff ≥ 1 as a usage error', async () => {
    const r = await runCli(['eis', 'kk', 'x.z', '--mu-cutoff', '1.5']);
    expect(r.code).toBe(2);
  });
});

describe('superionic eis kk on files', () => {
  it('Circuit3_EIS_1.z with --m-selection mu --fit real --mu-cutoff 0.69 → M = 10, μ = 0.684382 (Schönleber / impedance.py)', async () => {
    const { sharedData } = await import('../../helpers/paths.js');
    const r = await runCli(['eis', 'kk', sharedData('eis', 'impedance.py', 'Circuit3_EIS_1.z'), '--m-selection', 'mu', '--fit', 'real', '--mu-cutoff', '0.69', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = r.json();
    expect(doc.M).toBe(10);
    expect(doc.mu).toBeCloseTo(0.6843821117885378, 9);
    expect(doc.residuals.frequency).toHaveLength(53);
    expect(doc.residuals.real).toHaveLength(53);
    expect(typeof doc.valid).toBe('boolean');
    expect(doc.maxResidual).toBeGreaterThan(0);
  });

  it('impedance.py docs case via the CLI: exampleData.csv f < 1 kHz, μ rule, complex + C, c = 0.5 → M = 26, μ = 0.3063', async () => {
    const { sharedData } = await import('../../helpers/paths.js');
    const args = ['--fmax', '999', '--m-selection', 'mu', '--fit', 'complex', '--capacitance', 'yes', '--mu-cutoff', '0.5', '--max-m', '100', '--json'];
    const r = await runCli(['eis', 'kk', sharedData('eis', 'impedance.py', 'exampleData.csv'), ...args]);
    expect(r.code, r.stderr).toBe(0);
    const doc = r.json();
    expect(doc.points).toBe(55);
    expect(doc.M).toBe(26);
    expect(doc.mu).toBeCloseTo(0.3063472874153823, 4);
    expect(doc.mSelection).toBe('mu');
  });

  it('several files → array in order; LIB_data passes', async () => {
    const { sharedData } = await import('../../helpers/paths.js');
    const r = await runCli(['eis', 'kk', sharedData('eis', 'pyDRTtools', 'LIB_data.txt'), sharedData('eis', 'impedance.py', 'exampleData.csv'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const docs = r.json();
    expect(docs).toHaveLength(2);
    expect(docs[0].valid).toBe(true);
    expect(docs[0].maxResidual).toBeLessThan(0.005);
  });
});

describe('superionic eis kk bad input', () => {
  it('too few points, a non-finite value or a duplicate frequency → exit 1 with one line', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'kk-'));
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [10 ** (4 - i / 2), 10 + i, -1 - i] as (number | string)[]);
    const write = (name: string, data: (number | string)[][]) => {
      const p = join(dir, name);
      writeFileSync(p, data.map((r) => r.join('\t')).join('\n') + '\n');
      return p;
    };
    const nan = rows(12);
    nan[3]![2] = 'inf';
    const dup = rows(12);
    dup[2]![0] = dup[1]![0]!;
    for (const file of [write('few.txt', rows(3)), write('nan.txt', nan), write('dup.txt', dup)]) {
      const r = await runCli(['eis', 'kk', file, '--json']);
      expect(r.code, file).toBe(1);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
});
