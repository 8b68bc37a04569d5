import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/paths.js';
import { demoPotential } from './cells.js';

const dir = mkdtempSync(join(tmpdir(), 'md-energy-'));
const potFile = join(dir, 'demo-dsf.json');
writeFileSync(potFile, JSON.stringify(demoPotential('dsf')));

describe('superionic md energy', () => {
  it('prints energy, forces and pressure as the contract says; forces sum to zero', async () => {
    const r = await runCli(['md', 'energy', sharedData('structure', 'nhoc_144.data'), '--potential', potFile, '--json']);
    expect(r.code).toBe(0);
    const d = r.json();
    expect(d.energy.unit).toBe('eV');
    expect(d.pressure.unit).toBe('bar');
    expect(d.forces).toHaveLength(144);
    const sum = [0, 1, 2].map((k) => d.forces.reduce((a: number, f: number[]) => a + f[k]!, 0));
    for (const s of sum) expect(Math.abs(s)).toBeLessThan(1e-9);
    expect(d.energy.value).toBeCloseTo(d.terms.evdwl + d.terms.ecoul + d.terms.elong + d.terms.ebond, 9);
  });

  it('rejects an unknown Coulomb method, naming the JSON field (exit 1)', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...demoPotential('dsf'), coulomb: { method: 'pppm', cutoff: 10 } }));
    const r = await runCli(['md', 'energy', sharedData('structure', 'nhoc_144.data'), '--potential', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/coulomb\.method.*"dsf" or "ewald"/);
  });
});
