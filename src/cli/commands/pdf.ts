/**
 * `superionic pdf` (CONTRACT §6): X-ray G(r) of a structure or trajectory. The partial g(r)
 * come from atoms/rdf (the `structure rdf` convention); scattering/pdf weights and transforms them.
 * Also exports the glue that turns a file into partial g(r) for the amorphous XRD route.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { positive } from '../options.js';
import { InputError, UsageError } from '../../core/errors.js';
import { quantity } from '../../core/quantity.js';
import type { Structure } from '../../atoms/structure.js';
import type { Trajectory } from '../../atoms/trajectory.js';
import { isValidCell } from '../../atoms/lattice.js';
import { openTrajectory } from '../../io/trajectory-stream.js';
import { elementList, frameSpec, selectedFrames, type FrameSpec } from './structure.js';
import { PartialPdfAccumulator, type PartialPdfInput } from '../../scattering/partials.js';
import { xrayPdf } from '../../scattering/pdf.js';

/** True if the structure carries partial site occupancies (from a CIF). */
export function hasPartialOccupancy(t: Trajectory): boolean {
  const occ = t.structure.arrays?.occupancy;
  return occ instanceof Float64Array && occ.some((x) => x < 1 - 1e-9);
}

export const OCCUPANCY_WARNING = 'partial site occupancies are ignored by the pair-distribution route: every listed atom counts fully';

/** Runs a scattering computation, turning "no form factor for element X" into bad input. */
export function asInput<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(file, undefined, e.message);
    throw e;
  }
}

/**
 * Opens a structure or trajectory file (large MD trajectories are streamed, as for
 * `structure rdf`) and checks it has elements and a periodic cell.
 */
export function loadTrajectory(file: string, typeElements?: number[]): Trajectory {
  const { trajectory } = openTrajectory(file, typeElements ? { typeElements } : {});
  const s = trajectory.structure;
  if (s.numbers.some((z) => z === 0)) throw new InputError(file, undefined, 'atoms have numeric types only; give their elements with --types A,B,… (type 1, 2, …)');
  if (!isValidCell(s.cell)) throw new InputError(file, undefined, 'no periodic cell; expected a structure with a cell (CIF, POSCAR, extended XYZ, LAMMPS data)');
  return trajectory;
}

/**
 * Partial g(r) of every unordered species pair over the selected frames, with the mean volume —
 * the input of the total-scattering routes (see PartialPdfAccumulator).
 */
export async function partialsOf(file: string, trajectory: Trajectory, rMax: number, dr: number, frames?: FrameSpec): Promise<PartialPdfInput & { frames: number }> {
  const s: Structure = trajectory.structure;
  const acc = asInput(file, () => new PartialPdfAccumulator(s.numbers, rMax, dr, s.pbc));
  for await (const f of selectedFrames(trajectory, frames, file)) acc.addFrame(f.positions, f.cell);
  return acc.result();
}

interface PdfOpts {
  rMax: number;
  bin: number;
  qMax?: number;
  formFactors: 'zero' | 'q';
  frames?: FrameSpec;
  types?: number[];
  sigma?: number;
  json?: boolean;
}

async function pdf(file: string, o: PdfOpts, ctx: CliContext) {
  if (!(o.rMax > o.bin)) throw new UsageError(`--r-max ${o.rMax} must exceed --bin ${o.bin}`);
  const t = loadTrajectory(file, o.types);
  if (hasPartialOccupancy(t)) ctx.warn(`${file}: ${OCCUPANCY_WARNING}`, !!o.json);
  const input = await partialsOf(file, t, o.rMax, o.bin, o.frames);
  const res = asInput(file, () => xrayPdf(input, { qMax: o.qMax, formFactors: o.formFactors, sigma: o.sigma }));
  const doc: Record<string, unknown> = {
    file,
    r: res.r,
    G: res.G,
    weights: res.weights,
    rho0: quantity(res.rho0, 'Å^-3'),
    frames: input.frames,
    rMax: input.r.length * input.dr,
    dr: input.dr,
    formFactors: o.qMax === undefined ? 'f(0) = Z' : o.formFactors === 'q' ? 'f(Q), pymatgen X-ray table' : 'f(0) = Z',
  };
  if (o.sigma) doc.sigma = o.sigma;
  if (o.qMax !== undefined) {
    doc.qMax = o.qMax;
    doc.lorch = true;
  }
  return doc as { file: string; r: Float64Array; G: Float64Array; weights: Record<string, number>; frames: number } & Record<string, unknown>;
}

function human(d: Awaited<ReturnType<typeof pdf>>): string {
  let top = 0;
  for (let k = 0; k < d.G.length; k++) if (d.G[k]! > d.G[top]!) top = k;
  const w = Object.entries(d.weights)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(3)}`)
    .join(', ');
  return [
    `X-ray G(r), ${d.frames} frame(s), r < ${(d.r.length * (d.dr as number)).toFixed(2)} Å, dr ${d.dr} Å${d.qMax ? `, Q_max ${d.qMax} Å⁻¹ (Lorch)` : ''}`,
    `Faber–Ziman weights: ${w}`,
    `highest peak: r = ${d.r[top]!.toFixed(3)} Å, G = ${d.G[top]!.toFixed(3)} Å⁻²`,
  ].join('\n');
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('pdf')
    .description('X-ray pair distribution function G(r) of a structure or trajectory')
    .argument('<files...>', 'structure or trajectory files (CIF, POSCAR, extended XYZ, LAMMPS data/dump, …)')
    .option('--r-max <Å>', 'outer radius, Å (beyond half the cell uses periodic images)', positive, 10)
    .option('--bin <Å>', 'bin width dr, Å', positive, 0.01)
    .option('--q-max <1/Å>', 'apply Q_max termination with a Lorch window (reciprocal route)', positive)
    .option('--form-factors <zero|q>', 'with --q-max: f(0) = Z at every Q ("zero") or Q-dependent X-ray form factors ("q")', (v) => {
      if (v !== 'zero' && v !== 'q') throw new InvalidArgumentError('expected zero or q');
      return v;
    }, 'zero')
    .option('--frames <START:STOP:STEP>', 'trajectory frames to average (STOP exclusive, negatives count from the end; default all)', frameSpec)
    .option('--sigma <Å>', 'Gaussian broadening of pair distances (thermal motion of a static crystal), standard deviation in Å', positive)
    .option('--types <A,B,…>', 'elements of LAMMPS atom types 1, 2, … (files without element names)', elementList)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Convention (CONTRACT §6; "Underneath the Bragg Peaks", debyer):
  partial g_ab(r) as \`structure rdf\` computes them (bins [k·dr,(k+1)·dr), exact shells), frames averaged;
  Faber–Ziman X-ray weights w_ab = c_a c_b f_a f_b / (Σ c_a f_a)² with f = f(0) = Z, listed per
  unordered pair with 2× for a ≠ b (they sum to 1);
  g_X(r) = Σ w_ab g_ab(r);  G(r) = 4π r ρ0 [g_X(r) − 1]  in Å⁻², ρ0 = N/V.
  --q-max Q: S_ab(Q) = 1 + 4πρ0 ∫ r²(g_ab − 1) sin(Qr)/(Qr) L(r) dr (L = sinc(r/r_max) window),
  S_X(Q) Faber–Ziman with f(Q), F(Q) = Q[S_X − 1], G(r) = (2/π) ∫_0^Qmax F(Q) M(Q) sin(Qr) dQ,
  M(Q) = sin(πQ/Qmax)/(πQ/Qmax) (Lorch).
JSON: {"file", "r": [Å], "G": [Å^-2], "weights": {"A-B": number}, "rho0": Quantity(Å^-3), "frames",
  "rMax", "dr", "qMax"?}`,
    )
    .action(async (files: string[], o: PdfOpts) => {
      await forEachFile(ctx, files, !!o.json, (file) => pdf(file, o, ctx), human);
    });
}

