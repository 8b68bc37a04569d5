import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers/cli.js';
import { fixture, sharedData } from '../helpers/paths.js';

const ref = JSON.parse(readFileSync(fixture('fixtures/dynamics/msd_reference.json'), 'utf8'));

describe('superionic diffusion', () => {
  it('gives D with the GLS error bar, conductivity and Haven ratio from a LAMMPS dump', async () => {
    const r = await runCli([
      'diffusion', sharedData('structure', 'nhoc_32fu_traj.lammpstrj'), '--species', 'Na', '--timestep-fs', '1000',
      '--fit-start-ps', '10', '--temperature', '300', '--drift', 'none', '--json',
    ]);
    expect(r.code).toBe(0);
    const d = r.json();
    expect(d.diffusionCoefficient.unit).toBe('cm2/s');
    expect(d.diffusionCoefficient.value).toBeCloseTo(ref.gls_10_end.D_A2_per_ps * 1e-4, 13);
    expect(d.diffusionCoefficient.stderr / (ref.gls_10_end.sigma_D_A2_per_ps * 1e-4)).toBeCloseTo(1, 6);
    expect(d.conductivity.unit).toBe('S/cm');
    expect(d.msd.time[5]).toBeCloseTo(5, 12);
    expect(d.msd.value[100]).toBeCloseTo(ref.msd_A2[100], 6);
    expect(d.havenRatio.value).toBeGreaterThan(0);
    expect(d.fit.ols.stderr).toBeLessThan(d.diffusionCoefficient.stderr / 5);
  });

  it('extended XYZ gives the same D with the default framework drift correction close by', async () => {
    const r = await runCli(['diffusion', sharedData('structure', 'nhoc_32fu_traj.extxyz'), '--species', 'Na', '--timestep-fs', '1000', '--fit-start-ps', '10', '--json']);
    expect(r.code).toBe(0);
    expect(Math.abs(r.json().diffusionCoefficient.value / (ref.gls_10_end.D_A2_per_ps * 1e-4) - 1)).toBeLessThan(0.02);
  });

  it('--sites-grid adds a site map summary with hop counts', async () => {
    const r = await runCli(['diffusion', sharedData('structure', 'nhoc_32fu_traj.extxyz'), '--species', 'Na', '--timestep-fs', '1000', '--sites-grid', '16', '--json']);
    expect(r.code).toBe(0);
    const s = r.json().sites;
    expect(s.grid).toBe(16);
    expect(s.sites).toBeGreaterThan(0);
    expect(s.occupiedFraction).toBeGreaterThan(0);
    expect(s.occupiedFraction).toBeLessThanOrEqual(1);
    expect(s.hopRatePerIonPerPs).toBeCloseTo(s.hops / (64 * 199), 12);
  });

  it('rejects a species that is absent and a single structure', async () => {
    const a = await runCli(['diffusion', sharedData('structure', 'nhoc_32fu_traj.extxyz'), '--species', 'Li', '--timestep-fs', '1', '--json']);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/no Li atoms/);
    const b = await runCli(['diffusion', sharedData('structure', 'nhoc_32fu.extxyz'), '--species', 'Na', '--timestep-fs', '1']);
    expect(b.code).toBe(1);
  });

  it('rejects --stride 0 (a zero frame interval made D a silent null)', async () => {
    const r = await runCli(['diffusion', sharedData('structure', 'nhoc_32fu_traj.extxyz'), '--species', 'Na', '--timestep-fs', '2', '--stride', '0', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--stride.*whole number ≥ 1/);
  });
});
