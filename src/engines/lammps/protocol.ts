/**
 * Runs an MD protocol through LAMMPS: writes DIR/in.lmp and DIR/data.lmp (same structure,
 * potential and stages), runs `lmp` (or `mpirun -np N lmp`) in DIR, and reads its log and dumps
 * back into thermo rows and unwrapped frames, which the caller writes in our formats.
 *
 * Stage mapping: nve → fix nve; nvt nose-hoover → fix nvt temp T0 T1 τ (LAMMPS's Nosé–Hoover
 * chain, 3 links); nvt csvr → fix nve + fix langevin T0 T1 τ seed, because this LAMMPS build
 * (Debian 2021) has no fix temp/csvr: both are stochastic canonical thermostats, but the
 * trajectories are not the same as the embedded engine's. Overlaps are removed by `minimize`
 * (FIRE) first. Velocities: `velocity create T seed dist gaussian mom yes`.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Potential } from '../../md/potential.js';
import type { MdSystem } from '../../md/system.js';
import type { BondSet } from '../../md/bonds.js';
import { stageSteps, type Protocol } from '../../md/protocol.js';
import type { ThermoRow } from '../../md/runner.js';
import { lammpsData, lammpsPotentialCommands } from './deck.js';
import { parseDump, parseLog } from './output.js';
import { runLammps, type LammpsRunOptions } from './run.js';

export function protocolDeck(p: Protocol, sys: MdSystem, pot: Potential, bonds?: BondSet): string {
  const full = bonds !== undefined && bonds.kind.length > 0;
  const dt = p.timestepFs / 1000;
  const seed = Math.max(1, Math.abs(p.seed) % 900000000) ;
  const L = [
    '# written by superionic md run --engine lammps',
    'units metal',
    `atom_style ${full ? 'full' : 'charge'}`,
    'boundary p p p',
    'read_data data.lmp',
    lammpsPotentialCommands(pot, sys, bonds).trimEnd(),
    `neighbor ${p.skin ?? 2.0} bin`,
    'neigh_modify every 1 delay 0 check yes',
    `timestep ${dt}`,
    'thermo_style custom step time temp pe ke etotal press',
    'thermo_modify format float %.12g',
    `thermo ${p.thermoEverySteps}`,
  ];
  if (p.minimize) {
    L.push('min_style fire', `minimize 0.0 ${p.minimize.fmax} ${p.minimize.maxSteps} ${10 * p.minimize.maxSteps}`, 'reset_timestep 0');
  }
  if (p.initialTemperatureK !== undefined) L.push(`velocity all create ${p.initialTemperatureK} ${seed} dist gaussian mom yes rot no`);
  const steps = stageSteps(p);
  p.stages.forEach((s, k) => {
    L.push(`# stage ${k + 1}: ${s.name}`);
    const every = s.trajectoryEveryPs ? Math.max(1, Math.round(s.trajectoryEveryPs / dt)) : 0;
    if (every) L.push(`dump d${k} all custom ${every} traj${k}.dump id type xu yu zu`, `dump_modify d${k} sort id format float %.10g`);
    const tau = s.tauPs ?? 100 * dt;
    const [t0, t1] = Array.isArray(s.temperatureK) ? s.temperatureK : [s.temperatureK, s.temperatureK];
    if (s.ensemble === 'nve') L.push('fix int all nve');
    else if (s.thermostat === 'nose-hoover') L.push(`fix int all nvt temp ${t0} ${t1} ${tau}`);
    else L.push('fix int all nve', `fix th all langevin ${t0} ${t1} ${tau} ${seed + k + 1} zero yes`);
    L.push(`run ${steps[k]}`, 'unfix int');
    if (s.ensemble === 'nvt' && s.thermostat !== 'nose-hoover') L.push('unfix th');
    if (every) L.push(`undump d${k}`);
  });
  L.push('write_data final.data');
  return L.join('\n') + '\n';
}

export interface LammpsProtocolResult {
  rows: ThermoRow[];
  /** Unwrapped frames in step order (duplicates at stage boundaries removed). */
  frames: { step: number; timePs: number; positions: Float64Array }[];
  final: Float64Array;
}

export async function runProtocolWithLammps(
  p: Protocol,
  sys: MdSystem,
  pot: Potential,
  bonds: BondSet | undefined,
  dir: string,
  opts: LammpsRunOptions = {},
): Promise<LammpsProtocolResult> {
  for (const f of readdirSync(dir)) if (/^traj\d+\.dump$/.test(f)) writeFileSync(join(dir, f), '');
  writeFileSync(join(dir, 'in.lmp'), protocolDeck(p, sys, pot, bonds));
  writeFileSync(join(dir, 'data.lmp'), lammpsData(sys, bonds));
  const log = await runLammps(dir, opts);
  const blocks = parseLog(log, join(dir, 'log.lammps'));
  const runBlocks = blocks.slice(blocks.length - p.stages.length);
  const rows: ThermoRow[] = [];
  const steps = stageSteps(p);
  let stageStart = 0;
  runBlocks.forEach((b, k) => {
    const s = p.stages[k]!;
    const c = (name: string) => b.columns.indexOf(name);
    for (const r of b.rows) {
      const step = r[c('Step')]!;
      if (k > 0 && step === stageStart) continue; // first row repeats the previous stage's last
      const [t0, t1] = Array.isArray(s.temperatureK) ? s.temperatureK : [s.temperatureK, s.temperatureK];
      const target = s.ensemble === 'nve' || t0 === undefined ? null : t0 + ((t1! - t0) * (step - stageStart)) / steps[k]!;
      const et = r[c('TotEng')]!;
      rows.push({
        step, timePs: r[c('Time')]!, stage: s.name, temperatureK: r[c('Temp')]!, targetK: target, peEv: r[c('PotEng')]!,
        keEv: r[c('KinEng')]!, etotalEv: et, conservedEv: et, pressureBar: r[c('Press')]!,
      });
    }
    stageStart += steps[k]!;
  });
  const frames: LammpsProtocolResult['frames'] = [];
  const seen = new Set<number>();
  const dt = p.timestepFs / 1000;
  p.stages.forEach((_, k) => {
    let text: string;
    try {
      text = readFileSync(join(dir, `traj${k}.dump`), 'utf8');
    } catch {
      return;
    }
    for (const fr of parseDump(text, `traj${k}.dump`)) {
      if (seen.has(fr.step)) continue;
      seen.add(fr.step);
      const pos = new Float64Array(3 * fr.natoms);
      for (let i = 0; i < fr.natoms; i++) {
        pos[3 * i] = fr.data.xu![i]!;
        pos[3 * i + 1] = fr.data.yu![i]!;
        pos[3 * i + 2] = fr.data.zu![i]!;
      }
      frames.push({ step: fr.step, timePs: fr.step * dt, positions: pos });
    }
  });
  frames.sort((a, b) => a.step - b.step);
  const final = frames.length ? frames[frames.length - 1]!.positions : sys.positions.slice();
  return { rows, frames, final };
}
