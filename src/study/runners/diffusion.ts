/** diffusion: tracer MSD of one species from a trajectory, D by generalised least squares, Nernst–Einstein σ. */
import { analyzeDiffusion } from '../../dynamics/analyze.js';
import { A2_PER_PS_IN_CM2_PER_S } from '../../dynamics/conductivity.js';
import { quantity } from '../../core/quantity.js';
import { readTrajectory } from '../../formats/structure/read.js';
import { InputError } from '../../core/errors.js';
import type { Analysis } from '../manifest.js';
import type { AnalysisRunner } from '../types.js';

type A = Extract<Analysis, { type: 'diffusion' }>;

export const diffusionRunner: AnalysisRunner<A> = {
  type: 'diffusion',
  version: 1,
  built: true,
  title: (a) => `${a.species}⁺ diffusion from the trajectory`,
  dependencies: (a, ctx) => {
    const s = ctx.simulation(a.simulation);
    return { files: s.trajectory ? [s.trajectory] : [], entries: [s], upstream: [] };
  },
  async run(a, ctx) {
    const sim = ctx.simulation(a.simulation);
    if (!sim.trajectory) throw new InputError('study.json', `simulations.${sim.id}.trajectory`, 'the diffusion analysis needs a trajectory');
    const { trajectory } = readTrajectory(ctx.read(sim.trajectory), sim.trajectory);
    const interval = sim.frameIntervalPs ?? trajectory.timestepPs;
    if (!interval || !(interval > 0)) throw new InputError(sim.trajectory, undefined, 'no time between frames in the file; give frameIntervalPs in the simulation entry');
    const r = await analyzeDiffusion(trajectory, {
      species: a.species,
      frameIntervalPs: interval,
      charge: 1,
      ...(sim.temperatureK !== undefined ? { temperatureK: sim.temperatureK } : {}),
      ...(a.fitStartPs !== undefined ? { fitStartPs: a.fitStartPs } : {}),
      ...(a.fitEndPs !== undefined ? { fitEndPs: a.fitEndPs } : {}),
    });
    const results: Record<string, unknown> = {
      species: r.species,
      ions: r.ions,
      frames: r.frames,
      frameIntervalPs: r.frameIntervalPs,
      diffusionCoefficient: quantity(r.tracer.D * A2_PER_PS_IN_CM2_PER_S, 'cm2/s', r.tracer.stderr * A2_PER_PS_IN_CM2_PER_S),
      fit: { startPs: r.tracer.firstLag * r.frameIntervalPs, endPs: r.tracer.lastLag * r.frameIntervalPs, intercept: quantity(r.tracer.intercept, 'Å^2'), method: r.tracer.method },
      msd: { time: Array.from({ length: r.frames }, (_, m) => m * r.frameIntervalPs), value: Array.from(r.msd) },
    };
    if (r.conductivity) results.conductivity = quantity(r.conductivity.nernstEinstein, 'S/cm', r.conductivity.nernstEinsteinStderr);
    if (r.haven) results.havenRatio = quantity(r.haven.value, '1', r.haven.stderr);
    return { results, errors: [] };
  },
  methods: () =>
    'Positions are unwrapped (streaming, with drift of the framework removed); the tracer MSD is averaged over all time origins by FFT; D = slope/6 from a generalised-least-squares fit that uses the covariance of overlapping MSD windows (as kinisi does; ordinary least squares understates the error), over the stated fit window. Conductivity by Nernst–Einstein σ = N q² D/(V kB T) with Haven ratio 1.',
};
