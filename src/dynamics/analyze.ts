/**
 * One call from a trajectory to the CONTRACT §7 result: unwrap (streaming), drift-correct,
 * tracer MSD by FFT, D by kinisi-style GLS, Nernst–Einstein σ, collective (charge) MSD, D_σ,
 * and the Haven ratio.
 */
import type { Trajectory } from '../atoms/trajectory.js';
import { cellVolume } from '../atoms/structure.js';
import { atomicMass, elementSymbol } from '../core/elements.js';
import type { ProgressCallback } from '../core/progress.js';
import { Unwrapper, type DriftCorrection } from './unwrap.js';
import { collectiveSeries, msdFft } from './msd.js';
import { fitDiffusionGls, type DiffusionFit } from './gls-msd.js';
import { havenRatio, nernstEinstein } from './conductivity.js';
import { OccupancyGrid, detectHops, findSites } from './sites.js';
import type { Cell } from '../atoms/structure.js';

export interface DiffusionOptions {
  species: string;
  /** ps between stored frames. */
  frameIntervalPs: number;
  temperatureK?: number;
  /** Ion charge in e for Nernst–Einstein. */
  charge?: number;
  /** Fit window in ps (defaults: 10 % of the run … the end). */
  fitStartPs?: number;
  fitEndPs?: number;
  drift?: DriftCorrection;
  /** Voxels per cell vector for the site-occupancy map and hop count (0/undefined: skip). */
  sitesGrid?: number;
  onProgress?: ProgressCallback;
}

export interface SiteSummary {
  grid: number;
  /** Sites = local maxima of the ion density above twice its mean. */
  sites: number;
  hops: number;
  /** Hops per ion per ps. */
  hopRatePerIonPerPs: number;
  /** Fraction of ion-frames within the assignment radius (½ of the mean site spacing, ≤ 1.5 Å) of a site. */
  occupiedFraction: number;
  radiusA: number;
}

export interface DiffusionResult {
  species: string;
  ions: number;
  frames: number;
  frameIntervalPs: number;
  volumeA3: number;
  /** Tracer fit, Å²/ps. */
  tracer: DiffusionFit;
  /** Collective (centre-of-charge) fit, Å²/ps; undefined if the window is too short. */
  collective?: DiffusionFit;
  msd: Float64Array;
  collectiveMsd: Float64Array;
  /** σ in S/cm from D* (Nernst–Einstein, H_R = 1) and from D_σ. */
  conductivity?: { nernstEinstein: number; nernstEinsteinStderr: number; collective?: number; collectiveStderr?: number };
  haven?: { value: number; stderr: number };
  ambiguousSteps: number;
  maxStepFraction: number;
  unwrappedInFile: boolean;
  sites?: SiteSummary;
}

export async function analyzeDiffusion(traj: Trajectory, opts: DiffusionOptions): Promise<DiffusionResult> {
  const s = traj.structure;
  const n = s.numbers.length;
  const tracked: number[] = [];
  const masses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    masses[i] = atomicMass(s.numbers[i]!);
    if (elementSymbol(s.numbers[i]!) === opts.species) tracked.push(i);
  }
  if (tracked.length === 0) throw new RangeError(`no ${opts.species} atoms in the trajectory`);
  // A zero interval (e.g. frames with equal times) would make every fitted D a silent NaN.
  if (!(opts.frameIntervalPs > 0)) throw new RangeError(`the time between frames is ${opts.frameIntervalPs} ps; expected a positive interval`);
  let unwrapper: Unwrapper | undefined;
  let volume = 0;
  let frames = 0;
  let unwrappedInFile = false;
  let firstCell: Cell | undefined;
  const total = traj.frameCount ?? 0;
  for await (const f of traj.frames()) {
    if (!unwrapper) {
      unwrappedInFile = f.unwrapped === true;
      unwrapper = new Unwrapper(n, {
        tracked,
        masses,
        drift: opts.drift ?? 'framework',
        alreadyUnwrapped: unwrappedInFile,
        frameIntervalFs: opts.frameIntervalPs * 1000,
      });
    }
    firstCell ??= f.cell;
    unwrapper.push(f.positions, f.cell, f.velocities);
    volume += cellVolume(f.cell);
    frames++;
    opts.onProgress?.(frames, total, 'reading frames');
  }
  if (!unwrapper || frames < 4) throw new RangeError(`the trajectory has ${frames} frames; need at least 4 for an MSD fit`);
  volume /= frames;
  const series = unwrapper.result();
  const T = series.frames;
  const M = series.atoms;
  const dt = opts.frameIntervalPs;
  const msd = msdFft(series.positions, T, M);
  const first = opts.fitStartPs !== undefined ? Math.round(opts.fitStartPs / dt) : Math.max(1, Math.round(0.1 * (T - 1)));
  const last = opts.fitEndPs !== undefined ? Math.round(opts.fitEndPs / dt) : T - 1;
  if (first < 1 || last > T - 1 || last - first < 2) {
    throw new RangeError(
      `fit window ${first * dt}…${last * dt} ps is outside the ${(T - 1) * dt} ps of lags or shorter than 3 frames`,
    );
  }
  const fitOpts = { firstLag: first, lastLag: last, frameIntervalPs: dt };
  const tracer = fitDiffusionGls(series.positions, T, M, msd, fitOpts);
  const coll = collectiveSeries(series.positions, T, M);
  const collectiveMsd = msdFft(coll, T, 1);
  let collective: DiffusionFit | undefined;
  try {
    collective = fitDiffusionGls(coll, T, 1, collectiveMsd, fitOpts);
  } catch (e) {
    // One collective walker may leave no usable covariance: report no D_σ. Any other error is a bug.
    if (!(e instanceof RangeError)) throw e;
    collective = undefined;
  }
  const result: DiffusionResult = {
    species: opts.species, ions: M, frames: T, frameIntervalPs: dt, volumeA3: volume, tracer, collective,
    msd, collectiveMsd, ambiguousSteps: series.ambiguousSteps, maxStepFraction: series.maxStepFraction, unwrappedInFile,
  };
  if (opts.temperatureK !== undefined && opts.charge !== undefined) {
    const per = nernstEinstein(M, opts.charge, 1, volume, opts.temperatureK);
    result.conductivity = { nernstEinstein: per * tracer.D, nernstEinsteinStderr: per * tracer.stderr };
    if (collective) {
      result.conductivity.collective = per * collective.D;
      result.conductivity.collectiveStderr = per * collective.stderr;
    }
  }
  if (opts.sitesGrid && opts.sitesGrid > 0 && firstCell) result.sites = siteAnalysis(series.positions, T, M, firstCell, opts.sitesGrid, dt, volume);
  if (collective && collective.D > 0 && tracer.D > 0) {
    result.haven = havenRatio(tracer.D, tracer.stderr, collective.D, collective.stderr);
  }
  return result;
}

function siteAnalysis(pos: Float64Array, T: number, M: number, cell: Cell, g: number, dt: number, volume: number): SiteSummary {
  const grid = new OccupancyGrid(cell, [g, g, g]);
  const idx = Int32Array.from({ length: M }, (_, i) => i);
  for (let t = 0; t < T; t++) grid.add(pos.subarray(t * 3 * M, (t + 1) * 3 * M), idx);
  const dens = grid.density();
  const mean = M / volume;
  const sites = findSites(dens, [g, g, g], 2 * mean);
  const spacing = sites.length > 0 ? Math.cbrt(volume / sites.length) : 0;
  const radius = Math.min(1.5, 0.5 * spacing);
  const h = detectHops(pos, T, M, cell, sites, radius);
  const duration = (T - 1) * dt;
  return {
    grid: g, sites: sites.length, hops: h.hops.length, hopRatePerIonPerPs: duration > 0 ? h.hops.length / (M * duration) : 0,
    occupiedFraction: h.occupiedFraction, radiusA: radius,
  };
}
