/**
 * Embedded MD engine vs LAMMPS (Debian 29 Sep 2021, 1 MPI rank), same cell, same potential,
 * same melted start (positions and velocities), NVE velocity Verlet at 2 fs, neighbour skin 2 Å,
 * embedded pair terms from cubic-Hermite tables (as `md run` uses them):
 *   1. born/coul/dsf α 0.2 Å⁻¹, rc 10 Å — target ≥ 1.0× LAMMPS
 *   2. Ewald (born/coul/long + kspace ewald 1e-5, rc 10 Å) against LAMMPS ewald — target ≥ 0.5×
 *   3. our smooth PME (same g, order 5) against LAMMPS pppm 1e-5 — target ≥ 0.5×
 *      (LAMMPS runs with its default tabulated real-space Coulomb, as users run it)
 * Cell: anchors' nhoc_1494.data (1494 atoms, L = 33.2 Å) with the DEMO-NHOC-v0 potential,
 * relaxed by FIRE and melted 0.6 ps at 1200 K (CSVR) on the embedded engine. Speeds are
 * atom-steps per second of the MD loop (LAMMPS: "Loop time"); best of 2 interleaved runs.
 * Also: NVE energy drift over 2 ps (least-squares slope of E_total) for that 1494-atom melt.
 * SUPERIONIC_BENCH_MD_STEPS overrides the number of timed steps (default 400).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readAs } from '../src/formats/detect.js';
import type { Structure } from '../src/atoms/structure.js';
import type { Trajectory } from '../src/atoms/trajectory.js';
import { createSystem, type MdSystem } from '../src/md/system.js';
import { ForceField } from '../src/md/forcefield.js';
import { runProtocol, type ThermoRow } from '../src/md/runner.js';
import type { Potential } from '../src/md/potential.js';
import type { Protocol } from '../src/md/protocol.js';
import { lammpsData, lammpsPotentialCommands } from '../src/engines/lammps/deck.js';
import { withLammps } from '../src/engines/lammps/run.js';
import { olsLine } from '../src/numerics/gls.js';
import { findExecutable } from '../test/helpers/engines.js';
import { sharedRoot } from '../test/helpers/paths.js';
import { demoPotential } from '../test/md/cells.js';

/** DEMO-NHOC-v0 as the tests use it (test/md/cells.ts), rc 10 Å, Ewald/PME accuracy 1e-5. */
const ACCURACY = 1e-5;

const proto = (stages: Protocol['stages'], extra: Partial<Protocol> = {}): Protocol => ({
  structure: '', potential: '', timestepFs: 2, seed: 11, thermoEverySteps: 50, checkpointEverySteps: 1e9, minimize: null, stages, ...extra,
});

function copyState(from: MdSystem, to: MdSystem): void {
  to.positions.set(from.positions);
  to.images.set(from.images);
  to.velocities.set(from.velocities);
}

function embeddedNve(state: MdSystem, s: Structure, pot: Potential, steps: number): number {
  const sys = createSystem(s, pot);
  copyState(state, sys);
  const ff = new ForceField(sys, pot, { tabulate: true });
  const t0 = performance.now();
  runProtocol(sys, ff, proto([{ name: 'nve', ensemble: 'nve', thermostat: 'csvr', durationPs: (steps * 2) / 1000 }], { thermoEverySteps: 100 }));
  return (sys.n * steps) / ((performance.now() - t0) / 1000);
}

async function lammpsNve(state: MdSystem, pot: Potential, steps: number, kspace?: string): Promise<number> {
  let cmds = lammpsPotentialCommands(pot, state).replace('pair_modify table 0\n', '');
  if (kspace) cmds = cmds.replace(/kspace_style .*/, `kspace_style ${kspace}`);
  const deck = ['units metal', 'atom_style charge', 'boundary p p p', 'read_data data.lmp', cmds, 'neighbor 2.0 bin',
    'neigh_modify every 1 delay 0 check yes', 'timestep 0.002', 'thermo 100', 'fix 1 all nve', `run ${steps}`].join('\n');
  return withLammps({ 'in.lmp': deck, 'data.lmp': lammpsData(state, undefined) }, (_dir, log) => {
    const m = /Loop time of ([\d.eE+-]+) on 1 procs for (\d+) steps with (\d+) atoms/.exec(log);
    if (!m) throw new Error('no Loop time in the LAMMPS log');
    return (Number(m[3]) * Number(m[2])) / Number(m[1]);
  });
}

export async function run(): Promise<void> {
  const file = join(sharedRoot, 'anchors', 'md', 'data', 'nhoc_1494.data');
  const { data } = readAs<Structure | Trajectory>(new Uint8Array(readFileSync(file)), file, ['structure']);
  const s = 'frames' in data ? data.structure : data;
  const steps = Number(process.env.SUPERIONIC_BENCH_MD_STEPS ?? 400);
  const lmp = findExecutable('lmp');

  // Melted start state on the embedded engine (DSF).
  const dsf = demoPotential('dsf', 10, ACCURACY);
  const state = createSystem(s, dsf);
  const ff = new ForceField(state, dsf, { tabulate: true });
  const rows: ThermoRow[] = [];
  runProtocol(state, ff, proto([
    { name: 'melt', ensemble: 'nvt', thermostat: 'csvr', temperatureK: 1200, durationPs: 0.6, tauPs: 0.1 },
    { name: 'nve', ensemble: 'nve', thermostat: 'csvr', durationPs: 2 },
  ], { initialTemperatureK: 1200, minimize: { fmax: 0.5, maxSteps: 500 } }), { onThermo: (r) => rows.push(r) });
  const nve = rows.filter((r) => r.stage === 'nve');
  const drift = olsLine(nve.map((r) => r.timePs), nve.map((r) => r.etotalEv)).slope / state.n;
  const meanT = nve.reduce((a, r) => a + r.temperatureK, 0) / nve.length;
  console.log(`NVE drift, ${state.n}-atom melt (DSF, 2 fs, 2 ps at ⟨T⟩ ${meanT.toFixed(0)} K): ${drift.toExponential(2)} eV/atom/ps (target |drift| < 1e-4)`);
  {
    // the same melt continued 1 ps in NVE with long-range Coulomb (PME, 1e-5)
    const pme = demoPotential('pme', 10, ACCURACY);
    const sys = createSystem(s, pme);
    copyState(state, sys);
    const rowsP: ThermoRow[] = [];
    runProtocol(sys, new ForceField(sys, pme, { tabulate: true }), proto([{ name: 'nve', ensemble: 'nve', thermostat: 'csvr', durationPs: 1 }], { thermoEverySteps: 25 }), { onThermo: (r) => rowsP.push(r) });
    const d = olsLine(rowsP.map((r) => r.timePs), rowsP.map((r) => r.etotalEv)).slope / sys.n;
    console.log(`NVE drift, same melt with PME 1e-5 (2 fs, 1 ps): ${d.toExponential(2)} eV/atom/ps (target |drift| < 1e-4)`);
  }

  for (const method of ['dsf', 'ewald', 'pme'] as const) {
    const pot = demoPotential(method, 10, ACCURACY);
    const ours: number[] = [];
    const ref: number[] = [];
    const pppm: number[] = [];
    for (let rep = 0; rep < 2; rep++) {
      ours.push(embeddedNve(state, s, pot, steps));
      if (lmp) {
        ref.push(await lammpsNve(state, pot, steps));
        if (method !== 'dsf') pppm.push(await lammpsNve(state, pot, steps, 'pppm 1e-5'));
      }
    }
    const best = (a: number[]) => Math.max(...a);
    const label = method === 'dsf' ? 'born/coul/dsf α 0.2, rc 10' : method === 'ewald' ? 'Ewald 1e-5, rc 10' : 'PME (SPME order 5) 1e-5, rc 10';
    if (!lmp) {
      console.log(`${label}: embedded ${best(ours).toExponential(3)} atom-steps/s (lmp not found: no LAMMPS reference)`);
      continue;
    }
    if (method === 'pme') {
      console.log(`${label}, ${state.n} atoms, ${steps} NVE steps: embedded ${best(ours).toExponential(3)} vs LAMMPS PPPM 1e-5 ${best(pppm).toExponential(3)} atom-steps/s → ${(best(ours) / best(pppm)).toFixed(2)}× LAMMPS (target ≥ 0.5×)`);
      continue;
    }
    console.log(`${label}, ${state.n} atoms, ${steps} NVE steps: embedded ${best(ours).toExponential(3)} vs LAMMPS ${best(ref).toExponential(3)} atom-steps/s → ${(best(ours) / best(ref)).toFixed(2)}× LAMMPS (target ${method === 'dsf' ? '≥ 1.0' : '≥ 0.5'}×)`);
  }
}
