/** `superionic diffusion TRAJ… --species A --timestep-fs DT [...]` (CONTRACT §7). */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { integer, oneOf, number, positive, positiveInteger } from '../options.js';
import { progressBar } from '../progress.js';
import { readInputFile } from '../../io/files.js';
import { readAs } from '../../formats/detect.js';
import { InputError, UsageError } from '../../core/errors.js';
import { quantity } from '../../core/quantity.js';
import type { Structure } from '../../atoms/structure.js';
import type { Frame, Trajectory } from '../../atoms/trajectory.js';
import { analyzeDiffusion, type DiffusionResult } from '../../dynamics/analyze.js';
import { A2_PER_PS_IN_CM2_PER_S, FORMAL_CHARGE } from '../../dynamics/conductivity.js';
import type { DriftCorrection } from '../../dynamics/unwrap.js';

interface Options {
  species: string;
  timestepFs: number;
  stride?: number;
  temperature?: number;
  charge?: number;
  fitStartPs?: number;
  fitEndPs?: number;
  drift: DriftCorrection;
  sitesGrid?: number;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('diffusion')
    .description('mean-squared displacement, diffusion coefficient (GLS error bar), conductivity and Haven ratio')
    .argument('<files...>', 'trajectory files (extended XYZ, LAMMPS dump, XDATCAR, … recognised by content)')
    .requiredOption('--species <A>', 'element symbol of the mobile ion, e.g. Na')
    .requiredOption('--timestep-fs <DT>', 'MD time step in fs; the time between frames is DT × (step difference in the file, else --stride)', positive)
    .option('--stride <N>', 'MD steps between stored frames when the file has no step numbers (default: the file\'s frame times if it has them, else 1)', positiveInteger)
    .option('--temperature <K>', 'temperature in K: adds the Nernst–Einstein conductivity', positive)
    .option('--charge <z>', 'ion charge in e for the conductivity (default: formal charge, Na +1)', number)
    .option('--fit-start-ps <A>', 'start of the fit window in ps of lag (default 10 % of the run)', number)
    .option('--fit-end-ps <B>', 'end of the fit window in ps of lag (default: the longest lag)', number)
    .option('--drift <mode>', 'centre-of-mass drift removed: framework (non-mobile atoms), com (all atoms), none', oneOf('framework', 'com', 'none'), 'framework')
    .option('--sites-grid <N>', 'also map ion sites on an N×N×N grid (density maxima > 2× mean) and count hops between them', integer)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Positions are unwrapped frame to frame (nearest image; with stored velocities, the image nearest
to ½(v₀+v₁)Δt), the drift of the framework's centre of mass is removed, and the windowed MSD is
averaged over all time origins and ions (FFT algorithm):
  MSD(t) = ⟨|rᵢ(t₀+t) − rᵢ(t₀)|²⟩ᵢ,t₀,   D* = slope/6 over the fit window.
The slope is a generalised-least-squares fit with the covariance of overlapping windows
(kinisi's model: Var(MSD_m) = a·t²/n_o, n_o = N·(T−1)/m, Cov_ij = Var_i·n_o,i/n_o,j), so the
error bar is honest; plain least squares ("fit.ols") understates it ~30×.
Conductivity (Nernst–Einstein, Haven ratio 1): σ = N z² e² D* / (V k_B T).
Collective (charge) MSD of Σᵢrᵢ/√N gives D_σ, σ_collective and the Haven ratio H_R = D*/D_σ
(its error bar is large: one collective walker).

JSON: {"species", "diffusionCoefficient": {value, unit: "cm2/s", stderr}, "conductivity"?:
{S/cm}, "msd": {"time": [ps], "value": [Å^2]}, "chargeDiffusionCoefficient", "havenRatio",
"conductivityCollective"?, "collectiveMsd", "fit", "ions", "frames", "frameIntervalPs",
"volume", "unwrap", "sites"? (with --sites-grid: sites, hops, hopRatePerIonPerPs,
occupiedFraction)}`,
    )
    .action(async (files: string[], opts: Options) => {
      const json = Boolean(opts.json);
      await forEachFile(ctx, files, json, (file) => run(ctx, file, opts, json), human);
    });
}

async function run(ctx: CliContext, file: string, opts: Options, json: boolean) {
  const { data } = readAs<Structure | Trajectory>(readInputFile(file), file, ['trajectory', 'structure']);
  if (!('frames' in data)) throw new InputError(file, undefined, 'is a single structure; the MSD needs a trajectory with several frames');
  const traj = data;
  const interval = await frameInterval(traj, opts);
  const charge = opts.charge ?? FORMAL_CHARGE[opts.species];
  if (opts.temperature !== undefined && charge === undefined) {
    throw new UsageError(`no formal charge known for ${opts.species}; give --charge`);
  }
  const bar = progressBar(ctx, json);
  let res: DiffusionResult;
  try {
    res = await analyzeDiffusion(traj, {
      species: opts.species,
      frameIntervalPs: interval,
      temperatureK: opts.temperature,
      charge,
      fitStartPs: opts.fitStartPs,
      fitEndPs: opts.fitEndPs,
      drift: opts.drift,
      sitesGrid: opts.sitesGrid,
      onProgress: bar,
    });
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(file, undefined, e.message);
    throw e;
  } finally {
    bar.done();
  }
  if (res.ambiguousSteps > 0) {
    ctx.warn(
      `${file}: ${res.ambiguousSteps} frame-to-frame moves exceed ¼ of the cell (largest ${(res.maxStepFraction * 100).toFixed(0)} %); ` +
        'unwrapping by nearest image may be wrong — save frames more often or store velocities',
      json,
    );
  }
  return toDoc(res, opts, charge);
}

/**
 * ps between frames: DT × Δstep when the file numbers its steps; else the file's own frame
 * times (extended XYZ `Time=`, CP2K `time =`) unless --stride is given; else DT × --stride.
 */
async function frameInterval(traj: Trajectory, opts: Options): Promise<number> {
  const steps: number[] = [];
  const times: number[] = [];
  for await (const f of traj.frames() as AsyncIterable<Frame>) {
    if (f.step !== undefined) steps.push(f.step);
    if (f.timePs !== undefined) times.push(f.timePs);
    if (steps.length === 2 || (steps.length === 0 && times.length === 2) || (f.step === undefined && f.timePs === undefined)) break;
  }
  if (steps.length === 2 && steps[1]! > steps[0]!) return (opts.timestepFs * (steps[1]! - steps[0]!)) / 1000;
  if (opts.stride === undefined && times.length === 2 && times[1]! > times[0]!) return times[1]! - times[0]!;
  return (opts.timestepFs * (opts.stride ?? 1)) / 1000;
}

function toDoc(r: DiffusionResult, opts: Options, charge: number | undefined) {
  const cm2 = A2_PER_PS_IN_CM2_PER_S;
  const time = Array.from({ length: r.frames }, (_, m) => m * r.frameIntervalPs);
  const doc: Record<string, unknown> = {
    species: r.species,
    diffusionCoefficient: quantity(r.tracer.D * cm2, 'cm2/s', r.tracer.stderr * cm2),
  };
  if (r.conductivity) doc.conductivity = quantity(r.conductivity.nernstEinstein, 'S/cm', r.conductivity.nernstEinsteinStderr);
  doc.msd = { time, value: Array.from(r.msd) };
  if (r.collective) doc.chargeDiffusionCoefficient = quantity(r.collective.D * cm2, 'cm2/s', r.collective.stderr * cm2);
  if (r.haven) doc.havenRatio = quantity(r.haven.value, '1', r.haven.stderr);
  if (r.conductivity?.collective !== undefined) {
    doc.conductivityCollective = quantity(r.conductivity.collective, 'S/cm', r.conductivity.collectiveStderr);
  }
  doc.collectiveMsd = { time, value: Array.from(r.collectiveMsd) };
  doc.fit = {
    method: r.tracer.method,
    startPs: r.tracer.firstLag * r.frameIntervalPs,
    endPs: r.tracer.lastLag * r.frameIntervalPs,
    lagsUsed: r.tracer.lagsUsed,
    intercept: quantity(r.tracer.intercept, 'Å^2'),
    ols: quantity(r.tracer.ols.D * cm2, 'cm2/s', r.tracer.ols.stderr * cm2),
  };
  doc.ions = r.ions;
  doc.frames = r.frames;
  doc.frameIntervalPs = r.frameIntervalPs;
  doc.volume = quantity(r.volumeA3, 'Å^3');
  if (opts.temperature !== undefined) doc.temperature = quantity(opts.temperature, 'K');
  if (charge !== undefined) doc.charge = charge;
  doc.drift = opts.drift;
  if (r.sites) doc.sites = r.sites;
  doc.unwrap = { unwrappedInFile: r.unwrappedInFile, ambiguousSteps: r.ambiguousSteps, maxStepFraction: r.maxStepFraction };
  return doc;
}

function human(doc: Record<string, any>): string {
  const q = (x: { value: number; stderr?: number }) =>
    x.stderr === undefined ? x.value.toPrecision(4) : `${x.value.toPrecision(4)} ± ${x.stderr.toPrecision(2)}`;
  const lines = [
    `species            ${doc.species} (${doc.ions} ions, ${doc.frames} frames, ${doc.frameIntervalPs} ps apart)`,
    `D*                 ${q(doc.diffusionCoefficient)} cm²/s   (GLS over ${doc.fit.startPs}–${doc.fit.endPs} ps)`,
  ];
  if (doc.conductivity) lines.push(`σ (Nernst–Einstein) ${q({ value: doc.conductivity.value * 1e3, stderr: doc.conductivity.stderr * 1e3 })} mS/cm`);
  if (doc.chargeDiffusionCoefficient) lines.push(`D_σ (collective)   ${q(doc.chargeDiffusionCoefficient)} cm²/s`);
  if (doc.havenRatio) lines.push(`Haven ratio        ${q(doc.havenRatio)}`);
  return lines.join('\n');
}
