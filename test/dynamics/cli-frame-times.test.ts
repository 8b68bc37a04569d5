import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/paths.js';

// The shared trajectory stores `Time=` (ps, 1 ps apart) in its extended XYZ and step numbers
// 0, 1, 2 … in its LAMMPS dump (README: dt = 1 ps between frames).
describe('diffusion: time between frames', () => {
  const xyz = sharedData('structure/nhoc_32fu_traj.extxyz');
  const dump = sharedData('structure/nhoc_32fu_traj.lammpstrj');

  it("uses the file's own frame times when it has them and no step numbers", async () => {
    const doc = (await runCli(['diffusion', xyz, '--species', 'Na', '--timestep-fs', '2', '--json'])).json();
    expect(doc.msd.time[1]).toBeCloseTo(1, 12);
    expect(doc.diffusionCoefficient.unit).toBe('cm2/s');
    expect(doc.diffusionCoefficient.value).toBeGreaterThan(5e-7);
    expect(doc.diffusionCoefficient.value).toBeLessThan(8e-7);
  });

  it('an explicit --stride overrides the file times; step numbers use DT × Δstep', async () => {
    const a = (await runCli(['diffusion', xyz, '--species', 'Na', '--timestep-fs', '2', '--stride', '250', '--json'])).json();
    expect(a.msd.time[1]).toBeCloseTo(0.5, 12);
    const b = (await runCli(['diffusion', dump, '--species', 'Na', '--timestep-fs', '1000', '--json'])).json();
    expect(b.msd.time[1]).toBeCloseTo(1, 12);
    expect(b.volume.unit).toBe('Å^3');
  });
});
