/**
 * Runs a protocol on the embedded engine: optional FIRE relaxation, Maxwell–Boltzmann start,
 * then stage after stage of velocity-Verlet steps (NVE, or NVT with CSVR / Nosé–Hoover chain,
 * targets ramped linearly). Output goes through hooks (this layer touches no files).
 *
 * Resume is bit-identical: checkpoints are taken only after steps at which the neighbour list
 * was force-rebuilt (every checkpoint interval), and store positions, images, velocities,
 * forces, thermostat and RNG state exactly (JSON numbers round-trip doubles), so the resumed
 * run rebuilds the same list from the same positions and sums forces in the same order.
 */
import { createRng, createRngFromState, type Rng, type RngState } from '../core/rng.js';
import type { ProgressCallback } from '../core/progress.js';
import type { MdSystem } from './system.js';
import { unwrappedPositions } from './system.js';
import type { ForceField, EnergyTerms } from './forcefield.js';
import { pressureBar } from './forcefield.js';
import { fire } from './fire.js';
import { Csvr, NoseHooverChain, type NhcState } from './thermostats.js';
import { degreesOfFreedom, initVelocities, kineticEnergy, scaleVelocities, temperature } from './dynamics-state.js';
import { stageSteps, type Protocol } from './protocol.js';
import { BOLTZ, FTM2V } from './units.js';

export interface ThermoRow {
  step: number;
  timePs: number;
  stage: string;
  temperatureK: number;
  targetK: number | null;
  peEv: number;
  keEv: number;
  etotalEv: number;
  /** Total energy plus the thermostat's share, eV: constant for a correct integration. */
  conservedEv: number;
  pressureBar: number;
}

export interface EngineCheckpoint {
  version: 1;
  step: number;
  positions: number[];
  images: number[];
  velocities: number[];
  forces: number[];
  virial: number[];
  pe: number;
  rng: RngState;
  nhc: NhcState | null;
  /** Energy exchanged with thermostats so far (eV). */
  reservoir: number;
}

export interface RunHooks {
  onThermo?(row: ThermoRow): void;
  onFrame?(step: number, timePs: number, unwrapped: Float64Array): void;
  onCheckpoint?(state: EngineCheckpoint): void;
  onProgress?: ProgressCallback;
  onMinimized?(r: { steps: number; converged: boolean; fmax: number; energy: number }): void;
}

export function totalSteps(p: Protocol): number {
  return stageSteps(p).reduce((a, b) => a + b, 0);
}

export function runProtocol(sys: MdSystem, ff: ForceField, p: Protocol, hooks: RunHooks = {}, resume?: EngineCheckpoint): void {
  const dt = p.timestepFs / 1000; // ps
  const steps = stageSteps(p);
  const total = steps.reduce((a, b) => a + b, 0);
  const ndof = degreesOfFreedom(sys);
  const V = sys.box[0]! * sys.box[1]! * sys.box[2]!;
  let rng: Rng;
  let terms: { pe: number; virial: Float64Array };
  let step: number;
  let reservoir = 0;
  let nhcResume: NhcState | null = null;
  if (resume) {
    sys.positions.set(resume.positions);
    sys.images.set(resume.images);
    sys.velocities.set(resume.velocities);
    ff.neighbors.build();
    sys.forces.set(resume.forces);
    terms = { pe: resume.pe, virial: Float64Array.from(resume.virial) };
    rng = createRngFromState(resume.rng);
    step = resume.step;
    reservoir = resume.reservoir;
    nhcResume = resume.nhc;
  } else {
    rng = createRng(p.seed);
    if (p.minimize) hooks.onMinimized?.(fire(sys, ff, { fmax: p.minimize.fmax, maxSteps: p.minimize.maxSteps }));
    if (p.initialTemperatureK !== undefined) initVelocities(sys, p.initialTemperatureK, rng);
    terms = ff.compute(true);
    step = 0;
  }
  const x = sys.positions, v = sys.velocities, f = sys.forces, m = sys.masses, n = sys.n;
  const invMass = new Float64Array(n);
  for (let i = 0; i < n; i++) invMass[i] = (0.5 * dt * FTM2V) / m[i]!;
  let stageStart = 0;
  // The conserved quantity counts the energy every thermostat (CSVR or Nosé–Hoover) took out
  // of the system as `reservoir`, so no thermostat-specific energy term is needed.
  const emit = (stageIdx: number, targetK: number | null) => {
    const s = p.stages[stageIdx]!;
    if (hooks.onThermo && step % p.thermoEverySteps === 0) {
      const ke = kineticEnergy(sys);
      hooks.onThermo({
        step, timePs: step * dt, stage: s.name, temperatureK: temperature(sys, ke), targetK, peEv: terms.pe, keEv: ke,
        etotalEv: terms.pe + ke, conservedEv: terms.pe + ke + reservoir, pressureBar: pressureBar(terms.virial, 2 * ke, V),
      });
    }
    const every = s.trajectoryEveryPs ? Math.max(1, Math.round(s.trajectoryEveryPs / dt)) : 0;
    if (hooks.onFrame && every > 0 && step % every === 0) hooks.onFrame(step, step * dt, unwrappedPositions(sys));
  };
  if (!resume) emit(0, targetAt(p, 0, 0, steps[0]!));
  for (let si = 0; si < p.stages.length; si++) {
    const ns = steps[si]!;
    const stage = p.stages[si]!;
    const stageEnd = stageStart + ns;
    if (step >= stageEnd) {
      stageStart = stageEnd;
      continue;
    }
    const tau = stage.tauPs ?? 100 * dt;
    const nvt = stage.ensemble === 'nvt';
    const nhc = nvt && stage.thermostat === 'nose-hoover' ? new NoseHooverChain(tau, 3, step > stageStart && nhcResume ? nhcResume : undefined) : null;
    const csvr = nvt && stage.thermostat === 'csvr' ? new Csvr(tau) : null;
    while (step < stageEnd) {
      const k = step - stageStart;
      const Tt = targetAt(p, si, k + 1, ns);
      const kT = Tt !== null ? BOLTZ * Tt : 0;
      if (nhc) {
        const ke0 = kineticEnergy(sys);
        const s1 = nhc.halfStep(ke0, ndof, kT, dt);
        scaleVelocities(sys, s1);
        reservoir += ke0 * (1 - s1 * s1);
      }
      for (let i = 0; i < n; i++) {
        const h = invMass[i]!;
        v[3 * i] = v[3 * i]! + h * f[3 * i]!;
        v[3 * i + 1] = v[3 * i + 1]! + h * f[3 * i + 1]!;
        v[3 * i + 2] = v[3 * i + 2]! + h * f[3 * i + 2]!;
        x[3 * i] = x[3 * i]! + dt * v[3 * i]!;
        x[3 * i + 1] = x[3 * i + 1]! + dt * v[3 * i + 1]!;
        x[3 * i + 2] = x[3 * i + 2]! + dt * v[3 * i + 2]!;
      }
      step++;
      const checkpointNow = step % p.checkpointEverySteps === 0;
      const e: EnergyTerms = ff.compute(checkpointNow);
      terms = e;
      for (let i = 0; i < n; i++) {
        const h = invMass[i]!;
        v[3 * i] = v[3 * i]! + h * f[3 * i]!;
        v[3 * i + 1] = v[3 * i + 1]! + h * f[3 * i + 1]!;
        v[3 * i + 2] = v[3 * i + 2]! + h * f[3 * i + 2]!;
      }
      if (nhc) {
        const ke1 = kineticEnergy(sys);
        const s2 = nhc.halfStep(ke1, ndof, kT, dt);
        scaleVelocities(sys, s2);
        reservoir += ke1 * (1 - s2 * s2);
      }
      if (csvr) {
        const ke = kineticEnergy(sys);
        const a = csvr.scale(ke, ndof, kT, dt, rng);
        scaleVelocities(sys, a);
        reservoir += ke * (1 - a * a);
      }
      emit(si, Tt);
      if (checkpointNow && hooks.onCheckpoint) {
        hooks.onCheckpoint({
          version: 1, step, positions: Array.from(x), images: Array.from(sys.images), velocities: Array.from(v), forces: Array.from(f),
          virial: Array.from(terms.virial), pe: terms.pe, rng: rng.state(), nhc: nhc ? nhc.state() : null, reservoir,
        });
      }
      hooks.onProgress?.(step, total, stage.name);
    }
    stageStart = stageEnd;
  }
}

/** Target temperature at step k (1…ns) of stage si, K; null for NVE. */
function targetAt(p: Protocol, si: number, k: number, ns: number): number | null {
  const s = p.stages[si]!;
  if (s.ensemble === 'nve' || s.temperatureK === undefined) return null;
  if (typeof s.temperatureK === 'number') return s.temperatureK;
  const [a, b] = s.temperatureK;
  return a + ((b - a) * k) / ns;
}
