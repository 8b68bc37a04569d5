/** `superionic md energy|run|melt-quench` (CONTRACT §8). */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { integer, number, oneOf, positive, positiveInteger } from '../options.js';
import { progressBar } from '../progress.js';
import { InvalidArgumentError } from 'commander';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFileAtomic } from '../../io/files.js';
import { extxyzFrame } from '../../formats/structure/extxyz-write.js';
import { parseProtocol, meltQuenchProtocol, type Protocol } from '../../md/protocol.js';
import { runProtocol, totalSteps, type EngineCheckpoint, type ThermoRow } from '../../md/runner.js';
import { unwrappedPositions } from '../../md/system.js';
import { olsLine } from '../../numerics/gls.js';
import { runProtocolWithLammps } from '../../engines/lammps/protocol.js';
import { readInputFile } from '../../io/files.js';
import { readAs } from '../../formats/detect.js';
import { InputError, UsageError } from '../../core/errors.js';
import { quantity } from '../../core/quantity.js';
import { decodeText } from '../../formats/text.js';
import type { Structure } from '../../atoms/structure.js';
import type { Trajectory } from '../../atoms/trajectory.js';
import { parsePotential, type Potential } from '../../md/potential.js';
import { createSystem, type MdSystem } from '../../md/system.js';
import { ForceField, pressureBar } from '../../md/forcefield.js';
import { lammpsEnergy } from '../../engines/lammps/energy.js';

export function register(md: Command, ctx: CliContext): void {
  md.command('energy')
    .description('energy, forces and pressure of a structure for a Born–Mayer–Huggins + Coulomb potential')
    .argument('<files...>', 'structure files (CIF, POSCAR, extended XYZ, LAMMPS data, …; first frame of a trajectory)')
    .requiredOption('--potential <P>', 'potential JSON (CONTRACT §8; see potentials/README.md)')
    .option('--engine <name>', 'embedded (this program) or lammps (runs lmp)', oneOf('embedded', 'lammps'), 'embedded')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Pair energy E(r) = A·exp((σ − r)/ρ) − C/r⁶ + D/r⁸ + qᵢqⱼ/r (LAMMPS born/coul/dsf or
born/coul/long + kspace ewald with the potential's accuracy), bonds (Morse or harmonic) with
their pair term excluded (special_bonds lj 0 coul 1). Units: eV, Å, e; pressure in bar is the
virial pressure P = Σᵢ rᵢ·Fᵢ/(3V) (no kinetic part). The embedded engine needs an orthorhombic
cell; it agrees with LAMMPS to ~1e-13 in energy.

JSON: {"energy": {value, unit: "eV"}, "forces": [[eV/Å]], "pressure": {value, unit: "bar"},
"terms": {"evdwl", "ecoul", "elong", "ebond"} (eV), "atoms", "engine", "bonds"}`,
    )
    .action(async (files: string[], opts: { potential: string; engine: 'embedded' | 'lammps'; json?: boolean }) => {
      const pot = readPotential(opts.potential);
      await forEachFile(ctx, files, Boolean(opts.json), (file) => energy(file, pot, opts.engine), humanEnergy);
    });
  md.command('run')
    .description('run an MD protocol (JSON) on the embedded engine or LAMMPS')
    .argument('<protocol>', 'protocol JSON: structure, potential, timestepFs, seed, stages (see below)')
    .option('--engine <name>', 'embedded (this program) or lammps (writes an input deck and runs lmp)', oneOf('embedded', 'lammps'), 'embedded')
    .option('--resume', 'continue from DIR/checkpoint.json (bit-identical to an uninterrupted run)')
    .option('--out <DIR>', 'output folder (default: <protocol>.out beside the protocol)')
    .option('--np <N>', 'MPI ranks for --engine lammps (mpirun -np N)', positiveInteger, 1)
    .option('--json', 'print a JSON summary')
    .addHelpText('after', RUN_HELP)
    .action(async (protocolFile: string, opts: RunOptions) => {
      const text = decodeText(readInputFile(protocolFile));
      const protocol = parseProtocol(text, protocolFile);
      const base = dirname(resolve(protocolFile));
      protocol.structure = resolve(base, protocol.structure);
      protocol.potential = resolve(base, protocol.potential);
      const out = opts.out ?? resolve(base, basename(protocolFile).replace(/\.json$/i, '') + '.out');
      await runAndReport(ctx, protocol, out, opts);
    });
  md.command('melt-quench')
    .description("the paper's melt-quench protocol: melt 1200 K 5 ps, quench 0.1 K/fs, equilibrate 10 ps (2 fs steps)")
    .argument('<structure>', 'starting structure (orthorhombic cell for the embedded engine)')
    .requiredOption('--potential <P>', 'potential JSON')
    .option('--target <K>', 'final temperature, K (paper: 500, 600, 1000)', positive, 600)
    .option('--melt <K>', 'melt temperature, K', positive, 1200)
    .option('--melt-ps <ps>', 'melt duration, ps', positive, 5)
    .option('--rate <K/fs>', 'quench rate, K/fs', positive, 0.1)
    .option('--equilibrate-ps <ps>', 'equilibration at the target, ps', positive, 10)
    .option('--production-ps <ps>', 'NVE production after equilibration, ps', nonNegative, 0)
    .option('--timestep-fs <fs>', 'time step, fs', positive, 2)
    .option('--thermostat <name>', 'csvr (Bussi stochastic rescaling) or nose-hoover (chain of 3)', oneOf('csvr', 'nose-hoover'), 'csvr')
    .option('--seed <n>', 'random seed (velocities, thermostat)', integer, 1)
    .option('--trajectory-every-ps <ps>', 'trajectory frame interval, ps', positive, 0.1)
    .option('--checkpoint-every <steps>', 'checkpoint interval in steps', positiveInteger, 500)
    .option('--engine <name>', 'embedded or lammps', oneOf('embedded', 'lammps'), 'embedded')
    .option('--np <N>', 'MPI ranks for --engine lammps', positiveInteger, 1)
    .option('--resume', 'continue from DIR/checkpoint.json')
    .option('--out <DIR>', 'output folder', 'melt-quench.out')
    .option('--json', 'print a JSON summary')
    .addHelpText(
      'after',
      `
Lin et al. (Nat. Mater. 2025) made their glasses with 2 fs steps: ~5 ps at 1200 K, a quench at
0.1 K/fs to 500, 600 or 1000 K, and 10 ps at the target. Here FIRE first removes overlaps of the
starting cell, velocities are drawn at the melt temperature, and melt, quench (a linear ramp)
and equilibration run under the chosen NVT thermostat; --production-ps adds an NVE stage.
Outputs and --resume as for "md run" (see superionic md run --help).`,
    )
    .action(async (structure: string, o: MeltQuenchCli) => {
      const protocol = meltQuenchProtocol({
        structure: resolve(structure), potential: resolve(o.potential), targetK: o.target, meltK: o.melt, meltPs: o.meltPs,
        quenchRateKPerFs: o.rate, equilibratePs: o.equilibratePs, productionPs: o.productionPs, timestepFs: o.timestepFs,
        seed: o.seed, thermostat: o.thermostat, trajectoryEveryPs: o.trajectoryEveryPs, checkpointEverySteps: o.checkpointEvery,
      });
      await runAndReport(ctx, protocol, o.out, o);
    });
}

const RUN_HELP = `
Protocol JSON:
  {"structure": "start.data", "potential": "pot.json", "timestepFs": 2, "seed": 1,
   "initialTemperatureK": 1200, "minimize": {"fmax": 0.5, "maxSteps": 500},
   "thermoEverySteps": 50, "checkpointEverySteps": 500,
   "stages": [{"name": "melt", "ensemble": "nvt", "thermostat": "csvr", "temperatureK": 1200,
               "durationPs": 5, "tauPs": 0.2, "trajectoryEveryPs": 0.1},
              {"name": "quench", "ensemble": "nvt", "temperatureK": [1200, 600], "durationPs": 6},
              {"name": "run", "ensemble": "nve", "durationPs": 10, "trajectoryEveryPs": 0.1}]}
Velocity Verlet; NVT by CSVR (Bussi–Donadio–Parrinello) or a Nosé–Hoover chain (M = 3),
τ default 100 steps; temperature ramps are linear in time; FIRE removes overlaps first.
Units metal as LAMMPS (Å, ps, eV, g/mol); N_f = 3N − 3.
Writes DIR/trajectory.extxyz (unwrapped positions, Time= ps, Step=), DIR/thermo.csv
(step, time_ps, stage, T_K, target_K, pe_eV, ke_eV, etotal_eV, conserved_eV, press_bar),
DIR/final.extxyz and DIR/checkpoint.json (atomically, every checkpointEverySteps).
--resume continues from the checkpoint and gives the same trajectory, to the bit, as a run
that was never interrupted (same seed). --engine lammps writes DIR/in.lmp + DIR/data.lmp
(same structure and potential; nve → fix nve, nose-hoover → fix nvt, csvr → fix langevin as
Debian's LAMMPS 2021 has no fix temp/csvr; FIRE minimisation first), runs lmp (mpirun -np N
with --np) and converts its dumps and log into the same three files.`;

interface RunOptions {
  engine: 'embedded' | 'lammps';
  resume?: boolean;
  out?: string;
  np: number;
  json?: boolean;
}

interface MeltQuenchCli extends RunOptions {
  potential: string;
  target: number;
  melt: number;
  meltPs: number;
  rate: number;
  equilibratePs: number;
  productionPs: number;
  timestepFs: number;
  thermostat: 'csvr' | 'nose-hoover';
  seed: number;
  trajectoryEveryPs: number;
  checkpointEvery: number;
  out: string;
}

function nonNegative(v: string): number {
  const x = number(v);
  if (x < 0) throw new InvalidArgumentError(`expected a number ≥ 0, got "${v}"`);
  return x;
}

async function runAndReport(ctx: CliContext, protocol: Protocol, out: string, opts: RunOptions): Promise<void> {
  const json = Boolean(opts.json);
  const summary = opts.engine === 'lammps' ? await runLammpsProtocol(ctx, protocol, out, opts, json) : runEmbedded(ctx, protocol, out, opts, json);
  if (json) ctx.printJson(summary);
  else {
    ctx.print(
      [
        `engine      ${summary.engine}, ${summary.atoms} atoms, ${summary.steps} steps of ${protocol.timestepFs} fs` + (summary.resumedFromStep ? ` (resumed at step ${summary.resumedFromStep})` : ''),
        ...summary.stages.map((s) => `${s.name.padEnd(11)} ⟨T⟩ ${s.meanTemperatureK.toFixed(1)} K, ⟨P⟩ ${(s.meanPressureBar / 1e4).toFixed(3)} GPa, ⟨E⟩ ${s.meanEtotalEv.toFixed(4)} eV`),
        `output      ${summary.out}`,
        `speed       ${summary.atomStepsPerSecond.toExponential(3)} atom-steps/s`,
      ].join('\n'),
    );
  }
}

interface RunSummary {
  engine: 'embedded' | 'lammps';
  out: string;
  atoms: number;
  steps: number;
  resumedFromStep?: number;
  wallSeconds: number;
  atomStepsPerSecond: number;
  stages: { name: string; meanTemperatureK: number; meanPressureBar: number; meanEtotalEv: number; samples: number }[];
  final: { temperature: { value: number; unit: string }; potentialEnergy: { value: number; unit: string } };
  files: { trajectory: string; thermo: string; final: string; checkpoint?: string };
  nveDriftEvPerAtomPerPs?: number;
}

const THERMO_HEADER = 'step,time_ps,stage,T_K,target_K,pe_eV,ke_eV,etotal_eV,conserved_eV,press_bar\n';

function thermoLine(r: ThermoRow): string {
  return `${r.step},${r.timePs},${r.stage},${r.temperatureK},${r.targetK ?? ''},${r.peEv},${r.keEv},${r.etotalEv},${r.conservedEv},${r.pressureBar}\n`;
}

interface CheckpointFile {
  protocol: string;
  trajectoryBytes: number;
  thermoBytes: number;
  engine: EngineCheckpoint;
}

function runEmbedded(ctx: CliContext, protocol: Protocol, out: string, opts: RunOptions, json: boolean): RunSummary {
  const pot = readPotential(protocol.potential);
  const s0 = readStructure(protocol.structure);
  const sys = systemFor(protocol.structure, s0, pot);
  const ff = new ForceField(sys, pot, { skin: protocol.skin ?? 2.0, tabulate: true });
  mkdirSync(out, { recursive: true });
  const trajPath = join(out, 'trajectory.extxyz');
  const thermoPath = join(out, 'thermo.csv');
  const ckPath = join(out, 'checkpoint.json');
  const fingerprint = JSON.stringify(protocol);
  let resume: EngineCheckpoint | undefined;
  if (opts.resume) {
    if (!existsSync(ckPath)) throw new InputError(ckPath, undefined, 'no checkpoint to resume from (run without --resume first)');
    let ck: CheckpointFile;
    try {
      ck = JSON.parse(decodeText(readInputFile(ckPath))) as CheckpointFile;
    } catch (e) {
      // A checkpoint cut short (e.g. a full disk) must give one clear line, not an internal error.
      throw new InputError(ckPath, undefined, `not valid JSON (${(e as Error).message}); delete it and rerun without --resume`);
    }
    if (!Array.isArray(ck?.engine?.positions)) throw new InputError(ckPath, 'engine.positions', 'missing; expected a checkpoint written by `md run`/`md melt-quench`');
    if (ck.protocol !== fingerprint) throw new InputError(ckPath, 'protocol', 'the checkpoint was written by a different protocol or options');
    if (ck.engine.positions.length !== 3 * sys.n) throw new InputError(ckPath, 'positions', `has ${ck.engine.positions.length / 3} atoms, the structure ${sys.n}`);
    truncateSync(trajPath, ck.trajectoryBytes);
    truncateSync(thermoPath, ck.thermoBytes);
    resume = ck.engine;
  } else {
    writeFileSync(trajPath, '');
    writeFileSync(thermoPath, THERMO_HEADER);
    rmSync(ckPath, { force: true });
  }
  const trajFd = openSync(trajPath, 'a');
  const thermoFd = openSync(thermoPath, 'a');
  let trajBytes = statSync(trajPath).size;
  let thermoBytes = statSync(thermoPath).size;
  const cell = s0.cell;
  const rows: ThermoRow[] = [];
  const bar = progressBar(ctx, json);
  const total = totalSteps(protocol);
  const t0 = performance.now();
  try {
    runProtocol(sys, ff, protocol, {
      onThermo(r) {
        rows.push(r);
        thermoBytes += writeSync(thermoFd, thermoLine(r));
      },
      onFrame(step, timePs, pos) {
        trajBytes += writeSync(trajFd, extxyzFrame(sys.numbers, { positions: pos, cell, timePs }, [true, true, true], { Step: step }));
      },
      onCheckpoint(state) {
        fsyncSync(trajFd);
        fsyncSync(thermoFd);
        const ck: CheckpointFile = { protocol: fingerprint, trajectoryBytes: trajBytes, thermoBytes, engine: state };
        writeFileAtomic(ckPath, JSON.stringify(ck));
      },
      onProgress: bar,
      onMinimized(r) {
        if (!r.converged) ctx.warn(`FIRE stopped after ${r.steps} steps with max |F| ${r.fmax.toFixed(3)} eV/Å`, json);
      },
    }, resume);
  } finally {
    bar.done();
    closeSync(trajFd);
    closeSync(thermoFd);
  }
  const wall = (performance.now() - t0) / 1000;
  const doneSteps = total - (resume?.step ?? 0);
  writeFileAtomic(join(out, 'final.extxyz'), extxyzFrame(sys.numbers, { positions: unwrappedPositions(sys), cell, timePs: (total * protocol.timestepFs) / 1000 }, [true, true, true], { Step: total }));
  const summary = summarize(rows, protocol, out, 'embedded', sys.n, total, wall, doneSteps);
  if (resume) summary.resumedFromStep = resume.step;
  summary.files.checkpoint = ckPath;
  return summary;
}

async function runLammpsProtocol(ctx: CliContext, protocol: Protocol, out: string, opts: RunOptions, json: boolean): Promise<RunSummary> {
  if (opts.resume) throw new UsageError('--resume is for the embedded engine; with --engine lammps, rerun (LAMMPS restart files are not wired yet)');
  const pot = readPotential(protocol.potential);
  const s0 = readStructure(protocol.structure);
  const sys = systemFor(protocol.structure, s0, pot);
  const ff = new ForceField(sys, pot, { skin: protocol.skin ?? 2.0, tabulate: true });
  mkdirSync(out, { recursive: true });
  const total = totalSteps(protocol);
  const bar = progressBar(ctx, json);
  const t0 = performance.now();
  let res;
  try {
    res = await runProtocolWithLammps(protocol, sys, pot, ff.bonds, out, {
      ranks: opts.np,
      onOutput(chunk) {
        const m = /^\s*(\d+)\s+[-\d.]/gm;
        let last: RegExpExecArray | null, step = -1;
        while ((last = m.exec(chunk))) step = Number(last[1]);
        if (step >= 0) bar(step, total, 'lammps');
      },
    });
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) throw e;
    throw new InputError(join(out, 'log.lammps'), undefined, (e as Error).message);
  } finally {
    bar.done();
  }
  const wall = (performance.now() - t0) / 1000;
  const cell = s0.cell;
  const pbc: [boolean, boolean, boolean] = [true, true, true];
  writeFileAtomic(join(out, 'trajectory.extxyz'), res.frames.map((f) => extxyzFrame(sys.numbers, { positions: f.positions, cell, timePs: f.timePs }, pbc, { Step: f.step })).join(''));
  writeFileAtomic(join(out, 'thermo.csv'), THERMO_HEADER + res.rows.map(thermoLine).join(''));
  writeFileAtomic(join(out, 'final.extxyz'), extxyzFrame(sys.numbers, { positions: res.final, cell, timePs: (total * protocol.timestepFs) / 1000 }, pbc, { Step: total }));
  return summarize(res.rows, protocol, out, 'lammps', sys.n, total, wall, total);
}

function summarize(rows: ThermoRow[], protocol: Protocol, out: string, engine: 'embedded' | 'lammps', n: number, total: number, wall: number, doneSteps: number): RunSummary {
  const stages = protocol.stages.map((st) => {
    const r = rows.filter((x) => x.stage === st.name);
    const mean = (f: (x: ThermoRow) => number) => (r.length ? r.reduce((a, x) => a + f(x), 0) / r.length : NaN);
    return { name: st.name, meanTemperatureK: mean((x) => x.temperatureK), meanPressureBar: mean((x) => x.pressureBar), meanEtotalEv: mean((x) => x.etotalEv), samples: r.length };
  });
  const last = rows[rows.length - 1];
  const summary: RunSummary = {
    engine, out, atoms: n, steps: total, wallSeconds: wall, atomStepsPerSecond: wall > 0 ? (n * doneSteps) / wall : 0, stages,
    final: { temperature: quantity(last?.temperatureK ?? NaN, 'K'), potentialEnergy: quantity(last?.peEv ?? NaN, 'eV') },
    files: { trajectory: join(out, 'trajectory.extxyz'), thermo: join(out, 'thermo.csv'), final: join(out, 'final.extxyz') },
  };
  const lastStage = protocol.stages[protocol.stages.length - 1]!;
  const nve = rows.filter((x) => x.stage === lastStage.name);
  if (lastStage.ensemble === 'nve' && nve.length > 2) {
    summary.nveDriftEvPerAtomPerPs = olsLine(nve.map((x) => x.timePs), nve.map((x) => x.etotalEv)).slope / n;
  }
  return summary;
}

export function readPotential(file: string): Potential {
  return parsePotential(decodeText(readInputFile(file)), file);
}

export function readStructure(file: string): Structure {
  const { data } = readAs<Structure | Trajectory>(readInputFile(file), file, ['structure', 'trajectory']);
  if ('frames' in data) return data.structure;
  return data;
}

export function systemFor(file: string, s: Structure, pot: Potential): MdSystem {
  try {
    return createSystem(s, pot);
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(file, undefined, e.message);
    throw e;
  }
}

async function energy(file: string, pot: Potential, engine: 'embedded' | 'lammps') {
  const sys = systemFor(file, readStructure(file), pot);
  const ff = new ForceField(sys, pot);
  const V = sys.box[0]! * sys.box[1]! * sys.box[2]!;
  let doc;
  if (engine === 'lammps') {
    let r;
    try {
      r = await lammpsEnergy(sys, pot, ff.bonds);
    } catch (e) {
      if (e instanceof UsageError || e instanceof InputError) throw e;
      throw new InputError(file, undefined, (e as Error).message);
    }
    doc = {
      energy: quantity(r.pe, 'eV'),
      forces: rows(r.forces),
      pressure: quantity(r.press, 'bar'),
      terms: { evdwl: r.evdwl, ecoul: r.ecoul, elong: r.elong, ebond: r.ebond },
    };
  } else {
    const e = ff.compute();
    doc = {
      energy: quantity(e.pe, 'eV'),
      forces: rows(sys.forces),
      pressure: quantity(pressureBar(e.virial, 0, V), 'bar'),
      terms: { evdwl: e.evdwl, ecoul: e.ecoul, elong: e.elong, ebond: e.ebond },
    };
  }
  return { ...doc, atoms: sys.n, engine, bonds: ff.bonds?.kind.length ?? 0, file };
}

function rows(f: Float64Array): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < f.length; i += 3) out.push([f[i]!, f[i + 1]!, f[i + 2]!]);
  return out;
}

function humanEnergy(doc: { energy: { value: number }; pressure: { value: number }; atoms: number; terms: Record<string, number>; forces: number[][] }): string {
  let fmax = 0;
  for (const f of doc.forces) fmax = Math.max(fmax, Math.hypot(f[0]!, f[1]!, f[2]!));
  return [
    `energy    ${doc.energy.value.toFixed(6)} eV  (${(doc.energy.value / doc.atoms).toFixed(6)} eV/atom, ${doc.atoms} atoms)`,
    `terms     ${Object.entries(doc.terms).map(([k, v]) => `${k} ${v.toFixed(6)}`).join('  ')}`,
    `pressure  ${doc.pressure.value.toFixed(2)} bar (virial)`,
    `max |F|   ${fmax.toFixed(4)} eV/Å`,
  ].join('\n');
}
