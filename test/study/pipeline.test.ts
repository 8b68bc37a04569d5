import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/study/pipeline.js';
import { runners } from '../../src/study/runners/index.js';
import { notBuiltRunner } from '../../src/study/runners/not-built.js';
import { runCli } from '../helpers/cli.js';
import { EXAMPLE, tinyStudy } from './helpers.js';

const kk = [{ id: 'kk', type: 'eis-kk', measurements: ['a', 'b'] }];

describe('study pipeline', () => {
  it('runs an analysis, then reuses it from the cache, and redoes only what changed', async () => {
    const dir = tinyStudy([...kk, { id: 'kk2', type: 'eis-kk', measurements: ['a'] }]);
    const cacheDir = join(dir, '.superionic-cache');
    const first = await runStudy(dir, { cacheDir });
    expect(first.cache).toEqual({ hits: 0, misses: 2 });
    const spectra = first.outcomes[0]!.results.spectra as Array<{ maxResidual: number; M: number }>;
    expect(spectra).toHaveLength(2);
    // generated from a KK-consistent circuit with 0.2 % noise: residuals at the noise level
    for (const s of spectra) expect(s.maxResidual).toBeLessThan(0.02);
    const second = await runStudy(dir, { cacheDir });
    expect(second.cache).toEqual({ hits: 2, misses: 0 });
    expect(second.outcomes.every((o) => o.cached)).toBe(true);
    expect(second.outcomes[0]!.results).toEqual(first.outcomes[0]!.results);
    // Change file b: only the analysis reading b is recomputed.
    const b = join(dir, 'eis/b.csv');
    writeFileSync(b, readFileSync(b, 'utf8').replace(/\n$/, '\n\n'));
    const third = await runStudy(dir, { cacheDir });
    expect(third.cache).toEqual({ hits: 1, misses: 1 });
    expect(third.outcomes.find((o) => o.id === 'kk')!.cached).toBe(false);
    expect(third.outcomes.find((o) => o.id === 'kk2')!.cached).toBe(true);
  });

  it('an eis-fit bulk name that is not a resistor of the circuit is one error naming the manifest field', async () => {
    const dir = tinyStudy([{ id: 'fit', type: 'eis-fit', measurements: ['a', 'b'], circuit: 'R0-p(R1,CPE1)-CPE2', bulk: 'CPE1_0' }]);
    const o = (await runStudy(dir, {})).outcomes[0]!;
    expect(o.status).toBe('error');
    expect(o.errors).toHaveLength(1);
    expect(o.errors[0]!.file).toBe('study.json:analyses.fit.bulk');
    expect(o.errors[0]!.message).toMatch(/R0, R1/);
  });

  it('xrd reads the 2θ range of a 200 000-point measured scan (no spread of the array into Math.min)', async () => {
    const dir = tinyStudy([]);
    mkdirSync(join(dir, 'xrd'));
    copyFileSync(join(EXAMPLE, 'data/structure/nacl_rocksalt.cif'), join(dir, 'xrd/nacl.cif'));
    const n = 200_000;
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`${(20 + (40 * i) / (n - 1)).toFixed(6)} ${(100 + (i % 7)).toFixed(1)}`);
    writeFileSync(join(dir, 'xrd/scan.xy'), lines.join('\n') + '\n');
    const m = JSON.parse(readFileSync(join(dir, 'study.json'), 'utf8'));
    m.measurements.push({ id: 'scan', file: 'xrd/scan.xy', technique: 'xrd' });
    m.analyses = [{ id: 'xrd', type: 'xrd', phases: [{ name: 'NaCl', structure: 'xrd/nacl.cif' }], pattern: 'scan' }];
    writeFileSync(join(dir, 'study.json'), JSON.stringify(m));
    const o = (await runStudy(dir, {})).outcomes[0]!;
    expect(o.errors).toEqual([]);
    const r = o.results as { wavelength: { unit: string }; pattern: { twoTheta: number[] }; phases: Array<{ peaks: Array<{ twoTheta: number }> }> };
    expect(r.wavelength.unit).toBe('Å');
    expect(r.pattern.twoTheta).toHaveLength(n);
    const peaks = r.phases[0]!.peaks.map((p) => p.twoTheta);
    // NaCl (a = 5.64 Å) with Cu Kα inside 20–60°: (111) 27.4°, (200) 31.7°, (220) 45.4°, (311) 53.9°, (222) 56.5°
    expect(Math.min(...peaks)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...peaks)).toBeLessThanOrEqual(60);
    expect(peaks.some((t) => Math.abs(t - 31.7) < 0.1)).toBe(true);
  });

  it('a broken file is listed as an error and the rest is still analysed and reported', async () => {
    const dir = tinyStudy([{ id: 'kk', type: 'eis-kk', measurements: ['a', 'c', 'b'] }], { broken: true });
    const run = await runStudy(dir, {});
    const o = run.outcomes[0]!;
    expect(o.status).toBe('partial');
    expect((o.results.spectra as unknown[]).length).toBe(2);
    expect(o.errors).toHaveLength(1);
    expect(o.errors[0]!.file).toMatch(/broken\.csv/);
    const r = await runCli(['run', dir, '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    expect(html).toContain('broken.csv');
    expect(html).toContain('Problems');
    const results = JSON.parse(readFileSync(join(dir, 'out/results.json'), 'utf8'));
    expect(results.analyses[0].errors[0].file).toMatch(/broken\.csv/);
  });

  it('analyses whose domain code has not landed say "not built yet" and carry no numbers', async () => {
    const dir = tinyStudy([{ id: 'window', type: 'window', measurement: 'a' }]);
    const saved = runners.window;
    runners.window = notBuiltRunner('window');
    try {
      const run = await runStudy(dir, {});
      expect(run.outcomes[0]!.status).toBe('not-built');
      expect(run.outcomes[0]!.results).toEqual({});
      const r = await runCli(['run', dir, '--out', join(dir, 'out')]);
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, 'out/report.html'), 'utf8')).toContain('not built yet');
    } finally {
      runners.window = saved;
    }
  });

  it('a file outside the study folder is refused', async () => {
    const dir = tinyStudy([{ id: 'kk', type: 'eis-kk', measurements: ['x'] }]);
    const m = JSON.parse(readFileSync(join(dir, 'study.json'), 'utf8'));
    m.measurements.push({ id: 'x', file: '../../etc/passwd', technique: 'eis' });
    writeFileSync(join(dir, 'study.json'), JSON.stringify(m));
    const run = await runStudy(dir, {});
    expect(run.outcomes[0]!.status).toBe('error');
    expect(run.outcomes[0]!.errors[0]!.message).toMatch(/outside the study folder/);
  });

  it('a missing manifest is exit 1 with one line', async () => {
    const r = await runCli(['run', '/nonexistent-study-dir']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^superionic: error: .*study\.json: no such file\n$/);
    expect(existsSync('/nonexistent-study-dir')).toBe(false);
  });
});
