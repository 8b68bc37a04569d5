/** `superionic structure info|rdf|coordination|network|build` (CONTRACT §5). */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { integer, oneOf, positive } from '../options.js';
import { progressBar } from '../progress.js';
import { readInputFile, writeFileAtomic } from '../../io/files.js';
import { ConvergenceError, InputError, UsageError } from '../../core/errors.js';
import { quantity } from '../../core/quantity.js';
import { atomicNumber, elementSymbol } from '../../core/elements.js';
import type { Cell, Structure } from '../../atoms/structure.js';
import { cellVolume } from '../../atoms/structure.js';
import type { Frame, Trajectory } from '../../atoms/trajectory.js';
import { cellParameters, isValidCell, perpendicularWidths } from '../../atoms/lattice.js';
import { cellFormula, density, parseFormula, reducedFormula, speciesCounts } from '../../atoms/composition.js';
import { RdfAccumulator, firstMinimum } from '../../atoms/rdf.js';
import { CoordinationAccumulator } from '../../atoms/coordination.js';
import { NetworkAccumulator } from '../../atoms/network.js';
import type { LigandCutoff } from '../../atoms/bonds.js';
import { buildAmorphous } from '../../atoms/build.js';
import type { StructureReadOptions } from '../../formats/structure/read.js';
import { openTrajectory } from '../../io/trajectory-stream.js';
import { readCp2kCell } from '../../formats/structure/cp2k-cell.js';
import { writeExtxyz } from '../../formats/structure/extxyz-write.js';
import { writePoscar } from '../../formats/structure/vasp.js';
import { writeLammpsData } from '../../formats/structure/lammps-data.js';

interface ReadOpts {
  types?: number[];
  cell?: string;
  frames?: FrameSpec;
  json?: boolean;
}

/** Python-style START:STOP:STEP (STOP exclusive, negatives count from the end). */
export interface FrameSpec {
  start?: number;
  stop?: number;
  step: number;
  text: string;
}

export function frameSpec(value: string): FrameSpec {
  const parts = value.split(':');
  if (parts.length > 3) throw new InvalidArgumentError(`expected START:STOP:STEP, got "${value}"`);
  const nums = parts.map((p) => {
    if (p.trim() === '') return undefined;
    const x = Number(p);
    if (!Number.isInteger(x)) throw new InvalidArgumentError(`expected whole numbers in START:STOP:STEP, got "${value}"`);
    return x;
  });
  if (parts.length === 1) {
    const i = nums[0];
    if (i === undefined) throw new InvalidArgumentError('empty frame selection');
    return { start: i, stop: i === -1 ? undefined : i + 1, step: 1, text: value };
  }
  const step = nums[2] ?? 1;
  if (step < 1) throw new InvalidArgumentError(`STEP must be ≥ 1, got ${step}`);
  return { start: nums[0], stop: nums[1], step, text: value };
}

/** "Na,Hf,O,Cl" → atomic numbers (e.g. the elements of LAMMPS types 1, 2, …). */
export function elementList(value: string): number[] {
  return value.split(',').map(element);
}

function element(value: string): number {
  const z = atomicNumber(value.trim());
  if (z === undefined) throw new InvalidArgumentError(`unknown element "${value.trim()}"`);
  return z;
}

/** "O:2.4,Cl:2.9" → [{z, rc?}] (a missing RC is suggested from g(r)). */
function ligandList(value: string): { z: number; rc?: number }[] {
  return value.split(',').map((item) => {
    const [sym, rc] = item.split(':');
    const z = element(sym ?? '');
    if (rc === undefined || rc.trim() === '') return { z };
    const r = Number(rc);
    if (!(r > 0)) throw new InvalidArgumentError(`cutoff in "${item}" must be a positive number of Å`);
    return { z, rc: r };
  });
}

function pairList(value: string): [number, number][] {
  return value.split(',').map((p) => {
    const [a, b] = p.split('-');
    if (a === undefined || b === undefined) throw new InvalidArgumentError(`expected pairs like Hf-O, got "${p}"`);
    return [element(a), element(b)];
  });
}

function addReadOptions(cmd: Command): Command {
  return cmd
    .option('--types <A,B,…>', 'elements of LAMMPS atom types 1, 2, … (data files without Masses, dumps without an element column)', elementList)
    .option('--cell <FILE|L|"a b c"|9 numbers>', 'cell for xyz files without a Lattice (CP2K): a CP2K .cell file, a cube edge L, three edges or nine numbers (Å)');
}

function readOptions(opts: ReadOpts): StructureReadOptions {
  const r: StructureReadOptions = {};
  if (opts.types) r.typeElements = opts.types;
  if (opts.cell !== undefined) {
    const nums = opts.cell.trim().split(/[\s,]+/).map(Number);
    if (nums.every((x) => Number.isFinite(x)) && [1, 3, 9].includes(nums.length)) {
      const c: Cell =
        nums.length === 9
          ? [[nums[0]!, nums[1]!, nums[2]!], [nums[3]!, nums[4]!, nums[5]!], [nums[6]!, nums[7]!, nums[8]!]]
          : [[nums[0]!, 0, 0], [0, nums[nums.length === 3 ? 1 : 0]!, 0], [0, 0, nums[nums.length === 3 ? 2 : 0]!]];
      if (!isValidCell(c)) throw new UsageError(`--cell ${opts.cell} has no volume`);
      r.cells = [c];
    } else {
      // By step when the frames say theirs (CP2K may print cells more often than positions).
      const rows = readCp2kCell(readInputFile(opts.cell), opts.cell);
      r.cells = rows.map((x) => x.cell);
      r.cellsByStep = new Map(rows.map((x) => [x.step, x.cell]));
    }
  }
  return r;
}

function load(file: string, opts: ReadOpts): { format: string; trajectory: Trajectory } {
  const res = openTrajectory(file, readOptions(opts));
  const s = res.trajectory.structure;
  if (s.numbers.some((z) => z === 0)) {
    throw new InputError(file, undefined, 'atoms have numeric types only; give their elements with --types A,B,… (type 1, 2, …)');
  }
  return res;
}

function requirePeriodic(file: string, s: Structure): void {
  if (!isValidCell(s.cell)) throw new InputError(file, undefined, 'no periodic cell; give it with --cell (CP2K .cell file or edge lengths in Å)');
}

/** Frames of the selection, streamed (frames outside it are skipped, not kept). */
export async function* selectedFrames(
  t: Trajectory,
  spec: FrameSpec | undefined,
  file: string,
  progress?: (done: number, total: number, label?: string) => void,
): AsyncGenerator<Frame> {
  const total = t.frameCount;
  const norm = (x: number | undefined, dflt: number): number => {
    if (x === undefined) return dflt;
    if (x < 0) {
      if (total === undefined) throw new InputError(file, undefined, 'negative frame indices need a known frame count');
      return Math.max(0, total + x);
    }
    return x;
  };
  const start = norm(spec?.start, 0);
  const stop = norm(spec?.stop, Number.POSITIVE_INFINITY);
  const step = spec?.step ?? 1;
  let k = 0;
  let yielded = 0;
  const last = Math.min(stop, total ?? Number.POSITIVE_INFINITY);
  if (t.frame && total !== undefined) {
    // Random access: frames outside the selection are not even parsed.
    const picked: number[] = [];
    for (let k = start; k < last; k += step) picked.push(k);
    if (picked.length === 0) throw new InputError(file, undefined, `--frames ${spec?.text ?? ''} selects no frames (the file has ${total} frames)`);
    for (let m = 0; m < picked.length; m++) {
      yield t.frame(picked[m]!);
      progress?.(m + 1, picked.length, `frame ${picked[m]! + 1}/${total}`);
    }
    return;
  }
  for await (const f of t.frames() as AsyncIterable<Frame>) {
    if (k >= stop) break;
    if (k >= start && (k - start) % step === 0) {
      yielded++;
      yield f;
    }
    k++;
    if (progress && Number.isFinite(last)) progress(k, last, `frame ${k}/${last}`);
  }
  if (yielded === 0) throw new InputError(file, undefined, `--frames ${spec?.text ?? ''} selects no frames (the file has ${k} frames)`);
}

function sym(z: number): string {
  return elementSymbol(z);
}

/** Cutoffs for ligands given without :RC — the first minimum of the centre–ligand g(r). */
async function resolveCutoffs(
  ctx: CliContext,
  file: string,
  t: Trajectory,
  centres: number[],
  ligands: { z: number; rc?: number }[],
  spec: FrameSpec | undefined,
  json: boolean,
): Promise<{ cut: LigandCutoff[]; suggested: string[] }> {
  const missing = ligands.filter((l) => l.rc === undefined);
  const suggested: string[] = [];
  if (missing.length === 0) return { cut: ligands as LigandCutoff[], suggested };
  const s = t.structure;
  const rMax = Math.min(6, Math.min(...perpendicularWidths(s.cell)) / 2);
  const pairs = centres.flatMap((a) => missing.map((l) => ({ a, b: l.z })));
  const acc = new RdfAccumulator(s.numbers, pairs, rMax, 0.02, s.pbc);
  let n = 0;
  for await (const f of selectedFrames(t, spec, file)) {
    acc.addFrame(f.positions, f.cell);
    if (++n >= 50) break;
  }
  const res = acc.result();
  const cut = ligands.map((l) => {
    if (l.rc !== undefined) return { z: l.z, rc: l.rc };
    const mins = res.pairs.filter((p) => p.b === l.z).map((p) => firstMinimum(res.r, p.g));
    if (mins.some((m) => m === undefined)) {
      throw new UsageError(`no first minimum in g(r) of ${centres.map(sym).join('/')}–${sym(l.z)} below ${rMax.toFixed(1)} Å; give the cutoff as ${sym(l.z)}:RC`);
    }
    const rc = Math.round(Math.max(...(mins as number[])) * 100) / 100;
    suggested.push(sym(l.z));
    ctx.warn(`${file}: cutoff ${centres.map(sym).join('/')}–${sym(l.z)} ${rc.toFixed(2)} Å (first minimum of g(r), ${n} frames); pass ${sym(l.z)}:${rc.toFixed(2)} to fix it`, json);
    return { z: l.z, rc };
  });
  return { cut, suggested };
}

export function register(structure: Command, ctx: CliContext): void {
  addReadOptions(
    structure
      .command('info')
      .description('atoms, formula, cell, volume and density')
      .argument('<files...>', 'structure or trajectory files (recognised by content)')
      .option('--json', 'print JSON'),
  )
    .addHelpText(
      'after',
      `
JSON: {"file", "format", "atoms", "formula" (cell formula, order of first appearance),
"reducedFormula", "composition": {El: count}, "cell": [[Å] rows a, b, c], "lattice": {a, b, c Å;
alpha, beta, gamma °}, "volume": Quantity(Å^3), "density": Quantity(g/cm3), "frames",
"timestepPs"? (time between frames when the file states times), "pbc"}.
Volume and density are omitted for a structure without a cell. Density = Σ masses / V.`,
    )
    .action(async (files: string[], opts: ReadOpts) => {
      const json = Boolean(opts.json);
      await forEachFile(ctx, files, json, (file) => info(file, opts), humanInfo);
    });

  addReadOptions(
    structure
      .command('rdf')
      .description('partial radial distribution functions g(r) and running coordination numbers')
      .argument('<files...>', 'structure or trajectory files')
      .option('--pairs <A-B,…>', 'partials to compute, e.g. Hf-O,Hf-Cl (default: every pair of elements)', pairList)
      .option('--r-max <R>', 'outer radius in Å (default: min(10 Å, half the smallest cell width); larger values use explicit periodic images)', positive)
      .option('--bin <DR>', 'bin width in Å', positive, 0.02)
      .option('--frames <START:STOP:STEP>', 'frames to average (Python slice, STOP exclusive; default all)', frameSpec)
      .option('-o, --out <FILE>', 'also write the curves as CSV: r_A, then g and cn of each pair (one file; with several inputs, FILE gets -1, -2 … before its extension)')
      .option('--json', 'print JSON'),
  )
    .addHelpText(
      'after',
      `
Convention (same as pymatgen, LAMMPS compute rdf; MDAnalysis differs only by float32 rounding):
  bins [k·dr, (k+1)·dr), reported at centres r = (k+½)·dr;
  shell_k = 4π/3 (r_hi³ − r_lo³) (exact);
  g_AB = V·n_AB / (N_A·N_B·shell), with N_A(N_A − 1) for A = B, n_AB = ordered pairs in the bin;
  averaged over frames (each frame's own volume); cn = running coordination number of B around A
  at the bin's upper edge (Σ n_AB / N_A).
JSON: {"file", "r": [Å], "frames", "rMax", "dr", "pairs": {"A-B": {"g": [], "cn": [],
"firstPeak"?: Å, "firstMinimum"?: Å (suggested bond cutoff), "cnAtMinimum"?}}}`,
    )
    .action(async (files: string[], opts: ReadOpts & { pairs?: [number, number][]; rMax?: number; bin: number; out?: string }) => {
      const json = Boolean(opts.json);
      await forEachFile(
        ctx,
        files,
        json,
        async (file) => {
          const doc = await rdf(ctx, file, opts, json);
          if (opts.out) writeFileAtomic(numberedOut(opts.out, files.indexOf(file), files.length), rdfCsv(doc));
          return doc;
        },
        humanRdf,
      );
    });

  addReadOptions(
    structure
      .command('coordination')
      .description('coordination numbers and polyhedra populations')
      .argument('<files...>', 'structure or trajectory files')
      .requiredOption('--center <A>', 'centre element, e.g. Hf', element)
      .requiredOption('--ligands <B:RC,…>', 'ligand elements with cutoffs in Å, e.g. O:2.4,Cl:2.9 (without :RC the first minimum of g(r) is used and printed)', ligandList)
      .option('--frames <START:STOP:STEP>', 'frames to analyse (default all)', frameSpec)
      .option('--json', 'print JSON'),
  )
    .addHelpText(
      'after',
      `
A ligand is bonded when its periodic distance to the centre is < RC (strict). Labels: the centre,
then the ligands in --ligands order with their counts, 1 written without a digit and 0 omitted
(HfCl6, HfOCl5, HfO2Cl4). Over several frames, "count" of a polyhedron is summed over frames and
"fraction" is of all centre-frames.
JSON: {"file", "center", "count" (centres per frame), "frames", "cutoffs": {B: Å}, "mean": {B: CN},
"meanTotal", "polyhedra": [{"label", "count", "fraction"}], "cnHistogram": {CN: count}}`,
    )
    .action(async (files: string[], opts: ReadOpts & { center: number; ligands: { z: number; rc?: number }[] }) => {
      const json = Boolean(opts.json);
      await forEachFile(ctx, files, json, (file) => coordination(ctx, file, opts, json), humanCoordination);
    });

  addReadOptions(
    structure
      .command('network')
      .description('bridging/non-bridging ligands and corner/edge/face sharing of polyhedra')
      .argument('<files...>', 'structure or trajectory files')
      .requiredOption('--formers <A,…>', 'network-former elements, e.g. Hf or Hf,Zr', elementList)
      .requiredOption('--ligands <B:RC,…>', 'ligand elements with former–ligand cutoffs in Å, e.g. O:2.4,Cl:2.9', ligandList)
      .option('--frames <START:STOP:STEP>', 'frames to analyse (default all; counts are averaged per frame)', frameSpec)
      .option('--json', 'print JSON'),
  )
    .addHelpText(
      'after',
      `
A ligand atom bonded (d < RC) to 0, 1, 2 or ≥3 formers is "free", "nonBridging", "bridging" or
"tricluster" (modifiers such as Na are not counted). Two formers sharing 1, 2 or ≥3 ligand atoms
share a "corner", an "edge" or a "face". Qn: formers with n bridging ligands.
JSON: {"file", "formers", "frames", "cutoffs": {B: Å}, "ligands": {B: {"free", "nonBridging",
"bridging", "tricluster"}}, "sharing": {"corner", "edge", "face"}, "sharingDistance": {"corner",
"edge", "face": mean former–former distance in Å or null}, "qn": {"Q0": …}}`,
    )
    .action(async (files: string[], opts: ReadOpts & { formers: number[]; ligands: { z: number; rc?: number }[] }) => {
      const json = Boolean(opts.json);
      await forEachFile(ctx, files, json, (file) => network(ctx, file, opts, json), humanNetwork);
    });

  structure
    .command('build')
    .description('random amorphous starting cell (extended XYZ)')
    .requiredOption('--formula <F>', 'formula unit, e.g. Na2HfO2Cl4 or Na2O2(HfCl4)')
    .requiredOption('--units <N>', 'number of formula units', integer)
    .requiredOption('--density <G_CM3>', 'density in g/cm3', positive)
    .option('--min-distance <Å>', 'one minimum distance for every pair (default: pair-specific from ionic radii)', positive)
    .option('--seed <N>', 'random seed (same seed, same file)', integer, 1)
    .requiredOption('-o, --out <OUT>', 'output file, written atomically (extended XYZ unless --format or the name says otherwise)')
    .option('--format <F>', 'extxyz (default), poscar or lammps-data (default from the name: *.data/*.lmp → lammps-data, POSCAR*/*.vasp → poscar)', oneOf('extxyz', 'poscar', 'lammps-data'))
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Cubic cell of edge (Σ masses / density)^(1/3); atoms placed uniformly at random, then every pair
closer than its minimum distance is pushed apart (sweeps with cell lists) until none is.
Minimum distances from Shannon ionic radii r: cation–anion 0.85(r_c + r_a), anion–anion
0.80(r_a + r_b), cation–cation max(0.80(r_c + r_d), 2.6 Å); e.g. Hf–O 1.79, Hf–Cl 2.14,
Na–Cl 2.41, Cl–Cl 2.90 Å. A geometric start for melt-quench MD, not a relaxed glass.
JSON: {"file", "atoms", "formula", "units", "cell": [[Å]], "density": Quantity(g/cm3), "seed",
"minDistances": {"A-B": Å}, "sweeps", "converged"}. If the atoms cannot be separated (density too high
for the minimum distances) nothing is written and the exit status is 3.`,
    )
    .action((opts: { formula: string; units: number; density: number; minDistance?: number; seed: number; out: string; format?: OutFormat; json?: boolean }) => {
      let formula: Map<string, number>;
      try {
        formula = parseFormula(opts.formula);
      } catch (e) {
        throw new UsageError(`--formula: ${(e as Error).message}`);
      }
      let res;
      try {
        res = buildAmorphous({ formula, units: opts.units, density: opts.density, minDistance: opts.minDistance, seed: opts.seed });
      } catch (e) {
        if (e instanceof RangeError) throw new UsageError(e.message);
        throw e;
      }
      if (res.worstRatio < 1) {
        const why = `could not separate all atoms in ${res.sweeps} sweeps (closest pair at ${(res.worstRatio * 100).toFixed(0)} % of its minimum distance); lower the density or --min-distance`;
        if (opts.json) {
          ctx.printJson({ file: null, converged: false, atoms: res.structure.numbers.length, sweeps: res.sweeps, worstRatio: res.worstRatio });
        }
        throw new ConvergenceError(why);
      }
      const s = res.structure;
      const format = opts.format ?? outputFormat(opts.out);
      const title = `${opts.formula} x ${opts.units}, ${opts.density} g/cm3, seed ${opts.seed} (superionic structure build)`;
      writeFileAtomic(
        opts.out,
        format === 'poscar'
          ? writePoscar(s, title)
          : format === 'lammps-data'
            ? writeLammpsData(s, title)
            : writeExtxyz(s, { formula: opts.formula, units: opts.units, density_g_cm3: opts.density, seed: opts.seed }),
      );
      const minDistances = Object.fromEntries(Object.entries(res.minDistances).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
      const doc = {
        file: opts.out,
        format,
        atoms: s.numbers.length,
        formula: opts.formula,
        units: opts.units,
        cell: s.cell,
        density: quantity(density(s), 'g/cm3'),
        seed: opts.seed,
        minDistances,
        sweeps: res.sweeps,
        converged: true,
      };
      if (opts.json) ctx.printJson(doc);
      else ctx.print(`wrote ${opts.out}: ${doc.atoms} atoms, cubic cell ${s.cell[0][0].toFixed(4)} Å, ${opts.density} g/cm3, seed ${opts.seed} (${res.sweeps} overlap-removal sweeps)`);
    });
}

type OutFormat = 'extxyz' | 'poscar' | 'lammps-data';

/** The output format a file name suggests. */
function outputFormat(out: string): OutFormat {
  const name = out.split(/[\\/]/).pop() ?? out;
  if (/\.(data|lmp|lammps)$/i.test(name)) return 'lammps-data';
  if (/^(POSCAR|CONTCAR)/i.test(name) || /\.(vasp|poscar)$/i.test(name)) return 'poscar';
  return 'extxyz';
}

function info(file: string, opts: ReadOpts) {
  const { format, trajectory } = load(file, opts);
  const s = trajectory.structure;
  const periodic = isValidCell(s.cell);
  const composition: Record<string, number> = {};
  for (const [z, n] of speciesCounts(s.numbers)) composition[sym(z)] = n;
  const doc: Record<string, unknown> = {
    file,
    format,
    atoms: s.numbers.length,
    formula: cellFormula(s.numbers),
    reducedFormula: reducedFormula(s.numbers),
    composition,
    cell: s.cell,
  };
  if (periodic) {
    doc.lattice = cellParameters(s.cell);
    doc.volume = quantity(cellVolume(s.cell), 'Å^3');
    doc.density = quantity(density(s), 'g/cm3');
  }
  doc.frames = trajectory.frameCount ?? 1;
  if (trajectory.timestepPs !== undefined) doc.timestepPs = trajectory.timestepPs;
  doc.pbc = s.pbc;
  return doc;
}

function humanInfo(d: Record<string, any>): string {
  const lines = [`${d.formula} (${d.reducedFormula}), ${d.atoms} atoms, ${d.frames} frame(s), ${d.format}`];
  if (d.lattice) {
    const l = d.lattice;
    lines.push(`cell a ${l.a.toFixed(4)} b ${l.b.toFixed(4)} c ${l.c.toFixed(4)} Å, α ${l.alpha.toFixed(2)} β ${l.beta.toFixed(2)} γ ${l.gamma.toFixed(2)}°`);
    lines.push(`volume ${d.volume.value.toFixed(3)} Å^3, density ${d.density.value.toFixed(4)} g/cm3`);
  } else lines.push('no periodic cell');
  return lines.join('\n');
}

async function rdf(ctx: CliContext, file: string, opts: ReadOpts & { pairs?: [number, number][]; rMax?: number; bin: number }, json: boolean) {
  const { trajectory } = load(file, opts);
  const s = trajectory.structure;
  requirePeriodic(file, s);
  const species = speciesCounts(s.numbers).map(([z]) => z);
  const pairs = opts.pairs ?? species.flatMap((a, i) => species.slice(i).map((b) => [a, b] as [number, number]));
  for (const [a, b] of pairs) {
    for (const z of [a, b]) if (!species.includes(z)) throw new InputError(file, undefined, `no ${sym(z)} atoms (the file has ${species.map(sym).join(', ')})`);
    if (a === b && s.numbers.filter((z) => z === a).length < 2) throw new InputError(file, undefined, `${sym(a)}-${sym(a)} needs at least 2 ${sym(a)} atoms`);
  }
  const rMax = opts.rMax ?? Math.min(10, Math.min(...perpendicularWidths(s.cell)) / 2);
  if (!(rMax > opts.bin)) throw new UsageError(`--r-max ${rMax} must exceed --bin ${opts.bin}`);
  const acc = new RdfAccumulator(s.numbers, pairs.map(([a, b]) => ({ a, b })), rMax, opts.bin, s.pbc);
  const bar = progressBar(ctx, json);
  try {
    for await (const f of selectedFrames(trajectory, opts.frames, file, bar)) acc.addFrame(f.positions, f.cell);
  } finally {
    bar.done();
  }
  const res = acc.result();
  const out: Record<string, { g: Float64Array; cn: Float64Array; firstPeak?: number; firstMinimum?: number; cnAtMinimum?: number }> = {};
  for (const p of res.pairs) {
    const entry: (typeof out)[string] = { g: p.g, cn: p.cn };
    let top = -1;
    for (let k = 0; k < p.g.length; k++) if (top < 0 || p.g[k]! > p.g[top]!) top = k;
    const m = firstMinimum(res.r, p.g);
    // First peak: the largest g before the first minimum (or overall).
    let kp = -1;
    for (let k = 0; k < p.g.length && (m === undefined || res.r[k]! < m); k++) if (kp < 0 || p.g[k]! > p.g[kp]!) kp = k;
    if (kp >= 0 && p.g[kp]! > 0) entry.firstPeak = Math.round(res.r[kp]! * 1e6) / 1e6;
    if (m !== undefined) {
      entry.firstMinimum = Math.round(m * 1e6) / 1e6;
      const kmin = Math.min(p.cn.length - 1, Math.floor(m / res.dr));
      entry.cnAtMinimum = p.cn[kmin]!;
    }
    out[`${sym(p.a)}-${sym(p.b)}`] = entry;
  }
  return { file, r: res.r, frames: res.frames, rMax: res.rMax, dr: res.dr, pairs: out };
}

/** out.csv → out-2.csv for the second of several inputs. */
function numberedOut(out: string, index: number, count: number): string {
  if (count === 1) return out;
  const dot = out.lastIndexOf('.');
  const slash = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
  return dot > slash ? `${out.slice(0, dot)}-${index + 1}${out.slice(dot)}` : `${out}-${index + 1}`;
}

function rdfCsv(d: Awaited<ReturnType<typeof rdf>>): string {
  const keys = Object.keys(d.pairs);
  const lines = [['r_A', ...keys.flatMap((k) => [`g_${k}`, `cn_${k}`])].join(',')];
  for (let k = 0; k < d.r.length; k++) {
    lines.push([d.r[k]!.toFixed(6), ...keys.flatMap((p) => [d.pairs[p]!.g[k]!.toPrecision(10), d.pairs[p]!.cn[k]!.toPrecision(10)])].join(','));
  }
  return lines.join('\n') + '\n';
}

function humanRdf(d: Awaited<ReturnType<typeof rdf>>): string {
  const lines = [`g(r): ${d.frames} frame(s), r < ${d.rMax.toFixed(3)} Å, dr ${d.dr} Å`, 'pair       first peak Å   g(peak)   first minimum Å   CN at minimum'];
  for (const [k, p] of Object.entries(d.pairs)) {
    const kp = p.firstPeak !== undefined ? Math.floor(p.firstPeak / d.dr) : -1;
    lines.push(
      `${k.padEnd(10)} ${(p.firstPeak?.toFixed(3) ?? '–').padStart(12)} ${(kp >= 0 ? p.g[kp]!.toFixed(3) : '–').padStart(9)} ${(p.firstMinimum?.toFixed(3) ?? '–').padStart(17)} ${(p.cnAtMinimum?.toFixed(3) ?? '–').padStart(15)}`,
    );
  }
  lines.push('(use --json for the curves)');
  return lines.join('\n');
}

async function coordination(ctx: CliContext, file: string, opts: ReadOpts & { center: number; ligands: { z: number; rc?: number }[] }, json: boolean) {
  const { trajectory } = load(file, opts);
  const s = trajectory.structure;
  requirePeriodic(file, s);
  if (!s.numbers.includes(opts.center)) throw new InputError(file, undefined, `no ${sym(opts.center)} atoms`);
  const { cut } = await resolveCutoffs(ctx, file, trajectory, [opts.center], opts.ligands, opts.frames, json);
  const acc = new CoordinationAccumulator(s.numbers, opts.center, cut, s.pbc);
  const bar = progressBar(ctx, json);
  try {
    for await (const f of selectedFrames(trajectory, opts.frames, file, bar)) acc.addFrame(f.positions, f.cell);
  } finally {
    bar.done();
  }
  const r = acc.result();
  return {
    file,
    center: r.center,
    count: r.count,
    frames: r.frames,
    cutoffs: Object.fromEntries(cut.map((c) => [sym(c.z), c.rc])),
    mean: r.mean,
    meanTotal: r.meanTotal,
    polyhedra: r.polyhedra,
    cnHistogram: r.cnHistogram,
  };
}

function humanCoordination(d: Awaited<ReturnType<typeof coordination>>): string {
  const lines = [
    `${d.count} ${d.center} centres, ${d.frames} frame(s); cutoffs ${Object.entries(d.cutoffs).map(([k, v]) => `${k} ${v} Å`).join(', ')}`,
    `mean CN ${Object.entries(d.mean).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}, total ${d.meanTotal.toFixed(3)}`,
  ];
  for (const p of d.polyhedra) lines.push(`${p.label.padEnd(12)} ${String(p.count).padStart(6)}  ${(100 * p.fraction).toFixed(1).padStart(5)} %`);
  return lines.join('\n');
}

async function network(ctx: CliContext, file: string, opts: ReadOpts & { formers: number[]; ligands: { z: number; rc?: number }[] }, json: boolean) {
  const { trajectory } = load(file, opts);
  const s = trajectory.structure;
  requirePeriodic(file, s);
  for (const z of opts.formers) if (!s.numbers.includes(z)) throw new InputError(file, undefined, `no ${sym(z)} atoms`);
  const { cut } = await resolveCutoffs(ctx, file, trajectory, opts.formers, opts.ligands, opts.frames, json);
  const acc = new NetworkAccumulator(s.numbers, opts.formers, cut, s.pbc);
  const bar = progressBar(ctx, json);
  try {
    for await (const f of selectedFrames(trajectory, opts.frames, file, bar)) acc.addFrame(f.positions, f.cell);
  } finally {
    bar.done();
  }
  const r = acc.result();
  return {
    file,
    formers: r.formers,
    frames: r.frames,
    cutoffs: Object.fromEntries(cut.map((c) => [sym(c.z), c.rc])),
    ligands: r.ligands,
    sharing: r.sharing,
    sharingDistance: r.sharingDistance,
    qn: r.qn,
  };
}

function humanNetwork(d: Awaited<ReturnType<typeof network>>): string {
  const lines = [`formers ${d.formers.join(', ')}; ${d.frames} frame(s); cutoffs ${Object.entries(d.cutoffs).map(([k, v]) => `${k} ${v} Å`).join(', ')}`];
  lines.push('ligand   free   non-bridging   bridging   tricluster');
  for (const [k, c] of Object.entries(d.ligands)) {
    lines.push(`${k.padEnd(6)} ${String(c.free).padStart(6)} ${String(c.nonBridging).padStart(14)} ${String(c.bridging).padStart(10)} ${String(c.tricluster).padStart(12)}`);
  }
  const at = (x: number | null): string => (x === null ? '' : ` (${x.toFixed(3)} Å apart)`);
  lines.push(`polyhedron pairs sharing a corner ${d.sharing.corner}${at(d.sharingDistance.corner)}, an edge ${d.sharing.edge}${at(d.sharingDistance.edge)}, a face ${d.sharing.face}${at(d.sharingDistance.face)}`);
  return lines.join('\n');
}
