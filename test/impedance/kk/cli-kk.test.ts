import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

describe('superionic eis kk (CLI)', () => {
  it('documents the method and the verdict in --help', async () => {
    const r = await runCli(['eis', 'kk', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/μ = 1 − Σ/);
    expect(r.stdout).toMatch(/--mu-cutoff/);
    expect(r.stdout).toMatch(/threshold/);
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
