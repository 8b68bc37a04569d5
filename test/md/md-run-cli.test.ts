/**
 * `md melt-quench` on the embedded engine: killed (SIGKILL) after its first checkpoint and
 * resumed, it writes byte-identical files to an uninterrupted run with the same seed.
 * `md run --engine lammps` runs the same protocol through LAMMPS and reads it back.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { repoRoot, sharedData } from '../helpers/paths.js';
import { requireEngine } from '../helpers/engines.js';
import { demoPotential } from './cells.js';

const dir = mkdtempSync(join(tmpdir(), 'md-run-'));
const pot = join(dir, 'demo-dsf.json');
writeFileSync(pot, JSON.stringify(demoPotential('dsf')));
const structure = sharedData('structure', 'nhoc_144.data');
// a short version of the paper's protocol: 0.6 ps melt, 1 K/fs quench to 600 K, 1 ps at 600 K
const args = (out: string) => [
  'md', 'melt-quench', structure, '--potential', pot, '--target', '600', '--melt-ps', '0.6', '--rate', '1',
  '--equilibrate-ps', '1', '--checkpoint-every', '100', '--trajectory-every-ps', '0.02', '--seed', '42', '--out', out,
];

function spawnCli(argv: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...argv], { cwd: repoRoot, stdio: 'ignore' });
}

describe('melt-quench: kill, resume, same trajectory', () => {
  it('a resumed run equals an uninterrupted one to the byte', async () => {
    const full = join(dir, 'full');
    const r = await runCli([...args(full), '--json']);
    expect(r.code).toBe(0);
    const summary = r.json();
    expect(summary.steps).toBe(300 + 300 + 500);
    expect(summary.stages.map((s: any) => s.name)).toEqual(['melt', 'quench', 'equilibrate']);

    const killed = join(dir, 'killed');
    const child = spawnCli(args(killed));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    while (!existsSync(join(killed, 'checkpoint.json'))) {
      if (child.exitCode !== null) break;
      await new Promise((res) => setTimeout(res, 5));
    }
    child.kill('SIGKILL');
    const code = await exited;
    expect(code).toBeNull(); // it was killed, not finished
    expect(existsSync(join(killed, 'final.extxyz'))).toBe(false);

    const resumed = await runCli([...args(killed), '--resume', '--json']);
    expect(resumed.code).toBe(0);
    expect(resumed.json().resumedFromStep).toBeGreaterThan(0);
    for (const f of ['trajectory.extxyz', 'thermo.csv', 'final.extxyz']) {
      expect(readFileSync(join(killed, f), 'utf8') === readFileSync(join(full, f), 'utf8'), f).toBe(true);
    }
  }, 120_000);

  it('refuses --resume with different options', async () => {
    const out = join(dir, 'full');
    const a = args(out);
    a[a.indexOf('--seed') + 1] = '43';
    const r = await runCli([...a, '--resume']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/different protocol/);
  }, 60_000);

  it('a corrupt checkpoint gives one line naming the file, exit 1', async () => {
    const out = join(dir, 'corrupt');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'checkpoint.json'), '{"protocol": "x", "engine": {"posi');
    const r = await runCli([...args(out), '--resume']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/checkpoint\.json.*not valid JSON/);
  }, 60_000);
});

const lmp = requireEngine('LAMMPS', 'lmp');

describe.runIf(lmp)('md run --engine lammps', () => {
  it('runs the protocol through LAMMPS and reads back thermo, trajectory and final structure', async () => {
    const proto = join(dir, 'proto.json');
    writeFileSync(proto, JSON.stringify({
      structure, potential: pot, timestepFs: 2, seed: 3, initialTemperatureK: 1000, thermoEverySteps: 10, minimize: { fmax: 0.5, maxSteps: 200 },
      stages: [
        { name: 'nvt', ensemble: 'nvt', thermostat: 'nose-hoover', temperatureK: 1000, durationPs: 0.2, trajectoryEveryPs: 0.04, tauPs: 0.05 },
        { name: 'nve', ensemble: 'nve', durationPs: 0.2, trajectoryEveryPs: 0.04 },
      ],
    }));
    const out = join(dir, 'lmp');
    const r = await runCli(['md', 'run', proto, '--engine', 'lammps', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = r.json();
    expect(s.engine).toBe('lammps');
    const thermo = readFileSync(join(out, 'thermo.csv'), 'utf8').trim().split('\n');
    expect(thermo.length).toBe(1 + 11 + 10); // header, steps 0…100 every 10, then 110…200
    const frames = readFileSync(join(out, 'trajectory.extxyz'), 'utf8').split('\n').filter((l) => l.includes('Lattice=')).length;
    expect(frames).toBe(11); // steps 0, 20, …, 200
    expect(s.stages[0].meanTemperatureK).toBeGreaterThan(600);
    expect(Math.abs(s.nveDriftEvPerAtomPerPs)).toBeLessThan(1e-3);
  }, 120_000);
});
