/**
 * MD protocols (CONTRACT §8 `md run PROTOCOL`): a JSON document naming the structure, the
 * potential, the time step and a list of stages, and the paper's melt-quench protocol built
 * from options.
 *
 * {"structure": "start.data", "potential": "pot.json", "timestepFs": 2, "seed": 1,
 *  "initialTemperatureK": 1200, "minimize": {"fmax": 0.5, "maxSteps": 500},
 *  "thermoEverySteps": 50, "checkpointEverySteps": 500,
 *  "stages": [{"name": "melt", "ensemble": "nvt", "thermostat": "csvr", "temperatureK": 1200,
 *              "durationPs": 5, "tauPs": 0.1, "trajectoryEveryPs": 0.1}, …]}
 * A stage's `temperatureK` may be [start, end] for a linear ramp. Paths are relative to the
 * protocol file.
 */
import { InputError } from '../core/errors.js';

export type Thermostat = 'csvr' | 'nose-hoover';

export interface Stage {
  name: string;
  ensemble: 'nvt' | 'nve';
  thermostat: Thermostat;
  /** K; a pair is a linear ramp from the first to the second over the stage. */
  temperatureK?: number | [number, number];
  durationPs: number;
  /** Thermostat time constant, ps (default 100 steps, as LAMMPS docs suggest). */
  tauPs?: number;
  /** Trajectory frame interval, ps (0 or absent: none in this stage). */
  trajectoryEveryPs?: number;
}

export interface Protocol {
  structure: string;
  potential: string;
  timestepFs: number;
  seed: number;
  initialTemperatureK?: number;
  minimize?: { fmax: number; maxSteps: number } | null;
  thermoEverySteps: number;
  checkpointEverySteps: number;
  skin?: number;
  stages: Stage[];
}

export function parseProtocol(text: string, file: string): Protocol {
  let d: any;
  try {
    d = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, undefined, `not valid JSON (${(e as Error).message}); expected an MD protocol`);
  }
  const fail = (field: string, what: string): never => {
    throw new InputError(file, field, what);
  };
  const pos = (v: unknown, field: string): number => {
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) fail(field, 'expected a positive number');
    return v as number;
  };
  // Step counts: a value that is not a whole number ≥ 1 (0 would make `step % every` NaN and
  // silently never write thermo rows or checkpoints) is refused, not rounded.
  const count = (v: unknown, field: string): number => {
    if (!Number.isInteger(v) || (v as number) < 1) fail(field, `expected a whole number ≥ 1, got ${JSON.stringify(v)}`);
    return v as number;
  };
  if (typeof d?.structure !== 'string') fail('structure', 'expected the path of the starting structure');
  if (typeof d.potential !== 'string') fail('potential', 'expected the path of the potential JSON');
  if (!Array.isArray(d.stages) || d.stages.length === 0) fail('stages', 'expected a non-empty array of stages');
  const stages: Stage[] = d.stages.map((s: any, i: number) => {
    const f = `stages[${i}]`;
    if (s?.ensemble !== 'nvt' && s?.ensemble !== 'nve') fail(`${f}.ensemble`, 'expected "nvt" or "nve"');
    const th = s.thermostat ?? 'csvr';
    if (th !== 'csvr' && th !== 'nose-hoover') fail(`${f}.thermostat`, 'expected "csvr" or "nose-hoover"');
    let T: number | [number, number] | undefined;
    if (Array.isArray(s.temperatureK)) {
      if (s.temperatureK.length !== 2) fail(`${f}.temperatureK`, 'expected a number or [start, end]');
      T = [pos(s.temperatureK[0], `${f}.temperatureK[0]`), pos(s.temperatureK[1], `${f}.temperatureK[1]`)];
    } else if (s.temperatureK !== undefined) T = pos(s.temperatureK, `${f}.temperatureK`);
    if (s.ensemble === 'nvt' && T === undefined) fail(`${f}.temperatureK`, 'an nvt stage needs a temperature');
    const st: Stage = { name: typeof s.name === 'string' ? s.name : `stage${i + 1}`, ensemble: s.ensemble, thermostat: th, durationPs: pos(s.durationPs, `${f}.durationPs`) };
    if (T !== undefined) st.temperatureK = T;
    if (s.tauPs !== undefined) st.tauPs = pos(s.tauPs, `${f}.tauPs`);
    if (s.trajectoryEveryPs !== undefined && s.trajectoryEveryPs !== 0) st.trajectoryEveryPs = pos(s.trajectoryEveryPs, `${f}.trajectoryEveryPs`);
    return st;
  });
  const p: Protocol = {
    structure: d.structure,
    potential: d.potential,
    timestepFs: pos(d.timestepFs ?? 2, 'timestepFs'),
    seed: d.seed ?? 1,
    thermoEverySteps: count(d.thermoEverySteps ?? 50, 'thermoEverySteps'),
    checkpointEverySteps: count(d.checkpointEverySteps ?? 500, 'checkpointEverySteps'),
    stages,
  };
  // A seed given as "42" or 4.2 was silently replaced by 1: a different run than asked for.
  if (!Number.isSafeInteger(p.seed)) fail('seed', `expected a whole number, got ${JSON.stringify(d.seed)}`);
  if (d.initialTemperatureK !== undefined) p.initialTemperatureK = pos(d.initialTemperatureK, 'initialTemperatureK');
  if (d.minimize === null || d.minimize === false) p.minimize = null;
  else if (d.minimize !== undefined) p.minimize = { fmax: pos(d.minimize.fmax ?? 0.5, 'minimize.fmax'), maxSteps: count(d.minimize.maxSteps ?? 500, 'minimize.maxSteps') };
  if (d.skin !== undefined) p.skin = pos(d.skin, 'skin');
  return p;
}

export interface MeltQuenchOptions {
  structure: string;
  potential: string;
  /** Final temperature, K (paper: 500, 600 or 1000). */
  targetK: number;
  meltK?: number;
  meltPs?: number;
  /** K/fs (paper 0.1). */
  quenchRateKPerFs?: number;
  equilibratePs?: number;
  /** NVE production after equilibration, ps (0: none). */
  productionPs?: number;
  timestepFs?: number;
  seed?: number;
  thermostat?: Thermostat;
  trajectoryEveryPs?: number;
  checkpointEverySteps?: number;
}

/**
 * Lin et al. (Nat. Mater. 2025) protocol: 2 fs steps, melt at 1200 K for 5 ps, quench at
 * 0.1 K/fs to the target, equilibrate 10 ps at the target. The paper runs NVE with its
 * temperature control; here melt, quench and equilibration are NVT (CSVR by default) and an
 * optional NVE production stage follows.
 */
export function meltQuenchProtocol(o: MeltQuenchOptions): Protocol {
  const meltK = o.meltK ?? 1200;
  const rate = o.quenchRateKPerFs ?? 0.1;
  const dt = o.timestepFs ?? 2;
  const traj = o.trajectoryEveryPs ?? 0.1;
  const th = o.thermostat ?? 'csvr';
  const quenchPs = Math.abs(meltK - o.targetK) / rate / 1000;
  const stages: Stage[] = [
    { name: 'melt', ensemble: 'nvt', thermostat: th, temperatureK: meltK, durationPs: o.meltPs ?? 5, trajectoryEveryPs: traj },
  ];
  if (quenchPs > 0) stages.push({ name: 'quench', ensemble: 'nvt', thermostat: th, temperatureK: [meltK, o.targetK], durationPs: quenchPs, trajectoryEveryPs: traj });
  stages.push({ name: 'equilibrate', ensemble: 'nvt', thermostat: th, temperatureK: o.targetK, durationPs: o.equilibratePs ?? 10, trajectoryEveryPs: traj });
  if (o.productionPs && o.productionPs > 0) stages.push({ name: 'production', ensemble: 'nve', thermostat: th, durationPs: o.productionPs, trajectoryEveryPs: traj });
  return {
    structure: o.structure,
    potential: o.potential,
    timestepFs: dt,
    seed: o.seed ?? 1,
    initialTemperatureK: meltK,
    minimize: { fmax: 0.5, maxSteps: 500 },
    thermoEverySteps: 50,
    checkpointEverySteps: o.checkpointEverySteps ?? 500,
    stages,
  };
}

/** Steps per stage: round(duration / dt). */
export function stageSteps(p: Protocol): number[] {
  return p.stages.map((s) => Math.max(1, Math.round((s.durationPs * 1000) / p.timestepFs)));
}
