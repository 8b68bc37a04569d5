/**
 * `superionic xrd` (CONTRACT §6): powder XRD stick pattern of a crystal as pymatgen's
 * XRDCalculator computes it, optional pseudo-Voigt/Scherrer profile, the Debye/S(Q) pattern of
 * an amorphous cell, and phase identification of a measured pattern (`--match`, `xrd identify`).
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { number, positive } from '../options.js';
import { readInputFile } from '../../io/files.js';
import { UsageError } from '../../core/errors.js';
import { quantity } from '../../core/quantity.js';
import { atomicNumber } from '../../core/elements.js';
import { perpendicularWidths } from '../../atoms/lattice.js';
import { readAs } from '../../formats/detect.js';
import type { XYPattern } from '../../formats/pattern/index.js';
import { WAVELENGTHS, xrdPattern } from '../../scattering/xrd.js';
import { kalphaDoublet, profilePattern } from '../../scattering/profile.js';
import { amorphousPattern } from '../../scattering/amorphous.js';
import { looksCrystalline } from '../../scattering/crystallinity.js';
import { identifyPhases, type Candidate } from '../../scattering/identify.js';
import { OCCUPANCY_WARNING, asInput, hasPartialOccupancy, loadTrajectory, partialsOf } from './pdf.js';
import { elementList } from './structure.js';

function wavelength(value: string): number {
  const named = Object.entries(WAVELENGTHS).find(([k]) => k.toLowerCase() === value.trim().toLowerCase());
  if (named) return named[1];
  const x = Number(value);
  if (!(x > 0) || !Number.isFinite(x)) {
    throw new InvalidArgumentError(`expected a wavelength in Å or one of ${Object.keys(WAVELENGTHS).join(', ')}, got "${value}"`);
  }
  return x;
}

function range(value: string): [number, number] {
  const [a, b] = value.split(':').map(Number);
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || !(a >= 0 && b > a && b < 180)) {
    throw new InvalidArgumentError(`expected MIN:MAX in degrees with 0 ≤ MIN < MAX < 180, got "${value}"`);
  }
  return [a, b];
}

function debyeWaller(value: string): Map<number, number> {
  const m = new Map<number, number>();
  for (const item of value.split(',')) {
    const [el, b] = item.split(':');
    const z = atomicNumber(el ?? '');
    const x = Number(b);
    if (z === undefined || !(x >= 0)) throw new InvalidArgumentError(`expected El:B pairs like Na:1.6,Cl:1.2 (B in Å²), got "${item}"`);
    m.set(z, x);
  }
  return m;
}

function fileList(value: string, prev: string[] = []): string[] {
  return [...prev, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

interface XrdOpts {
  wavelength: number;
  twoTheta?: [number, number];
  method: 'auto' | 'bragg' | 'debye';
  minIntensity: number;
  debyeWaller?: Map<number, number>;
  profile?: boolean;
  kalpha2?: boolean;
  crystalliteNm?: number;
  instrumentFwhm: number;
  eta: number;
  step?: number;
  rMax?: number;
  match?: string;
  types?: number[];
  json?: boolean;
}

async function pattern(file: string, o: XrdOpts, ctx: CliContext) {
  const t = loadTrajectory(file, o.types);
  const s = t.structure;
  const method = o.method === 'auto' ? (looksCrystalline(s) ? 'bragg' : 'debye') : o.method;
  const wl = quantity(o.wavelength, 'Å');
  if (method === 'bragg') {
    const range = o.twoTheta ?? [0, 90];
    const res = asInput(file, () => xrdPattern(s, { wavelength: o.wavelength, twoThetaRange: range, debyeWaller: o.debyeWaller }));
    const peaks = res.peaks.filter((p) => p.intensity >= o.minIntensity);
    const doc: Record<string, unknown> = { file, method, wavelength: wl, twoThetaRange: range, peaks };
    if (o.profile) {
      if (o.kalpha2 && Math.abs(o.wavelength - WAVELENGTHS.CuKa!) > 1e-6) {
        throw new UsageError('--kalpha2 splits Cu Kα (--wavelength CuKa) into Kα1 + Kα2; other lines are single');
      }
      const sticks = o.kalpha2 ? kalphaDoublet(res.peaks) : res.peaks;
      const curve = profilePattern(sticks, {
        wavelength: o.wavelength,
        twoThetaMin: range[0],
        twoThetaMax: range[1],
        step: o.step ?? 0.02,
        crystalliteNm: o.crystalliteNm,
        instrumentFwhm: o.instrumentFwhm,
        eta: o.eta,
      });
      doc.profile = { twoTheta: curve.twoTheta, intensity: curve.intensity, crystalliteNm: o.crystalliteNm ?? null, instrumentFwhm: o.instrumentFwhm, eta: o.eta, kalpha2: !!o.kalpha2 };
    }
    return doc;
  }
  // Debye / S(Q) route over the cell: g(r) to half the narrowest cell width (beyond it, images of
  // the same atoms would add cell-periodic correlations).
  const rMax = o.rMax ?? Math.min(...perpendicularWidths(s.cell)) / 2;
  if (hasPartialOccupancy(t)) ctx.warn(`${file}: ${OCCUPANCY_WARNING}`, !!o.json);
  const input = await partialsOf(file, t, rMax, 0.01);
  const qMin = (2 * Math.PI) / (input.r.length * input.dr);
  const ttMinReliable = (2 * Math.asin(Math.min(1, (qMin * o.wavelength) / (4 * Math.PI))) * 180) / Math.PI;
  const range = o.twoTheta ?? [Math.max(5, Math.ceil(ttMinReliable)), 90];
  const res = asInput(file, () => amorphousPattern(input, { wavelength: o.wavelength, twoThetaMin: range[0], twoThetaMax: range[1], step: o.step ?? 0.05 }));
  return {
    file,
    method,
    wavelength: wl,
    twoThetaRange: range,
    peaks: res.maxima.map((m) => ({ twoTheta: m.twoTheta, d: m.d, hkl: [], multiplicity: [], intensity: m.intensity })),
    profile: { twoTheta: res.twoTheta, intensity: res.intensity },
    rMax: input.r.length * input.dr,
    twoThetaMinReliable: ttMinReliable,
  };
}

function human(d: Awaited<ReturnType<typeof pattern>>): string {
  const peaks = d.peaks as { twoTheta: number; d: number; hkl: number[][]; intensity: number }[];
  const lines = [`${d.method === 'bragg' ? 'Bragg peaks' : 'amorphous (Debye/S(Q)) halo maxima'}, λ = ${(d.wavelength as { value: number }).value} Å`, '   2θ (°)     d (Å)   intensity  hkl'];
  for (const p of peaks) {
    lines.push(`${p.twoTheta.toFixed(4).padStart(9)} ${p.d.toFixed(5).padStart(9)} ${p.intensity.toFixed(2).padStart(11)}  ${p.hkl.map((h) => `(${h.join(' ')})`).join(' ')}`);
  }
  return lines.join('\n');
}

interface IdOpts {
  wavelength: number;
  tolerance: number;
  maxStrain: number;
  minFom: number;
}

const FOM_TEXT =
  'FOM = Σ_matched I_calc / Σ I_calc: intensity-weighted fraction of the candidate\'s calculated sticks (I ≥ 2 of 100, in the measured range) that have a measured peak within ±tolerance, maximised over an isotropic lattice scaling |ε| ≤ maxStrain; phases accepted greedily by FOM × newly explained measured peak height';

function identify(measuredFile: string, candidateFiles: string[], o: IdOpts) {
  const { data } = readAs<XYPattern>(readInputFile(measuredFile), measuredFile, ['pattern']);
  if (candidateFiles.length === 0) throw new UsageError('give candidate structures (--candidates A.cif,B.cif)');
  const candidates: Candidate[] = candidateFiles.map((f) => ({ name: f, structure: loadTrajectory(f).structure }));
  const res = asInput(measuredFile, () => identifyPhases(data.x, data.y, candidates, { wavelength: o.wavelength, tolerance: o.tolerance, maxStrain: o.maxStrain, minFom: o.minFom }));
  return {
    file: measuredFile,
    wavelength: quantity(o.wavelength, 'Å'),
    figureOfMerit: FOM_TEXT,
    identified: res.identified,
    unexplained: res.unexplained,
    candidates: res.candidates,
    peaks: res.peaks,
  };
}

function humanIdentify(d: ReturnType<typeof identify>): string {
  const lines = [`identified: ${d.identified.length ? d.identified.join(' + ') : 'none'} (unexplained peak height ${(100 * d.unexplained).toFixed(1)} %)`, 'candidate                              FOM   explained   strain    sticks'];
  for (const c of d.candidates) {
    lines.push(`${(c.identified ? '* ' : '  ') + c.name.padEnd(34)} ${c.fom.toFixed(3)}   ${c.explained.toFixed(3).padStart(9)}  ${(100 * c.strain).toFixed(2).padStart(6)} %  ${c.matched}/${c.sticks}`);
  }
  return lines.join('\n');
}

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('xrd')
    .description('powder X-ray diffraction pattern of a structure (pymatgen XRDCalculator recipe), profiles, amorphous halo, phase identification')
    .argument('<files...>', 'structure files (CIF, POSCAR, extended XYZ, LAMMPS data, …)')
    .option('--wavelength <CuKa|Å>', 'X-ray wavelength: a line name (CuKa = 1.54184 Å, CuKa1, MoKa, …) or Å', wavelength, WAVELENGTHS.CuKa!)
    .option('--two-theta <MIN:MAX>', '2θ range in degrees (default 0:90; Debye route from where g(r) truncation stops mattering)', range)
    .option('--method <auto|bragg|debye>', 'Bragg sticks for crystals, Debye/S(Q) for amorphous cells; auto: bragg for ≤ 64 atoms or a cell that maps onto itself by a translation or inversion (0.1 Å), else debye', (v) => {
      if (v !== 'auto' && v !== 'bragg' && v !== 'debye') throw new InvalidArgumentError('expected auto, bragg or debye');
      return v;
    }, 'auto')
    .option('--min-intensity <I>', 'omit sticks weaker than this (0–100)', number, 0)
    .option('--debye-waller <El:B,…>', 'Debye–Waller B factors in Å² (default none, as pymatgen)', debyeWaller)
    .option('--profile', 'also compute a continuous pattern (pseudo-Voigt peaks)')
    .option('--kalpha2', 'with --profile and CuKa: draw each peak as a Kα1 (1.54056 Å) + Kα2 (1.54439 Å, half height) doublet')
    .option('--crystallite-nm <nm>', 'Scherrer crystallite size for --profile, nm (K = 0.9)', positive)
    .option('--instrument-fwhm <deg>', 'instrumental FWHM for --profile, degrees 2θ', positive, 0.05)
    .option('--eta <0..1>', 'Lorentzian fraction of the pseudo-Voigt', (v) => {
      const x = Number(v);
      if (!(x >= 0 && x <= 1)) throw new InvalidArgumentError('expected a number in [0, 1]');
      return x;
    }, 0.5)
    .option('--step <deg>', 'grid step of the profile / Debye curve, degrees', positive)
    .option('--r-max <Å>', 'Debye route: g(r) range (default half the narrowest cell width)', positive)
    .option('--types <A,B,…>', 'elements of LAMMPS atom types 1, 2, … (files without element names)', elementList)
    .option('--match <MEASURED>', 'identify the phases of a measured pattern (2θ counts) with FILES as candidates')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Bragg route (pymatgen 2022.11 XRDCalculator, symprec 0): every reciprocal point with |g| ≤ 2 sin(θmax)/λ;
  F = Σ occ_j f_j(s) exp(2πi h·x_j) exp(−B_j s²), s = sinθ/λ, f from pymatgen's table (f(0) = Z),
  I = |F|² (1 + cos²2θ)/(sin²θ cosθ); reflections within 1e-5° merged, < 1e-3 % of max dropped,
  max = 100; hkl grouped into families (permutations of |h|,|k|,|l|), labelled by the largest member.
Debye route (amorphous cells): I(Q)/N = Σ c_a f_a² + Σ c_a c_b f_a f_b [S_ab(Q) − 1] from partial g(r)
  to half the cell, times (1 + cos²2θ)/2; "peaks" are the halo maxima (hkl empty), the curve is "profile".
Profile: Σ I_k pV(2θ − 2θ_k), FWHM² = instrument² + (0.9 λ / (L cos θ))² (Scherrer, L = crystallite size).
JSON: {"file", "method", "wavelength": Quantity(Å), "peaks": [{"twoTheta" °, "d" Å, "hkl": [[h,k,l]],
  "multiplicity", "intensity"}], "profile"?: {"twoTheta", "intensity"}}.
  --match: {"file", "identified": [candidate files], "candidates": [{"name", "fom", "explained", "strain",
  "matched", "sticks", "identified", "rank"}], "unexplained", "peaks", "figureOfMerit"}.`,
    )
    .action(async (files: string[], o: XrdOpts) => {
      if (o.match) {
        const m = o.match;
        await forEachFile(ctx, [m], !!o.json, (f) => identify(f, files, { wavelength: o.wavelength, tolerance: 0.2, maxStrain: 0.02, minFom: 0.7 }), humanIdentify);
        return;
      }
      await forEachFile(ctx, files, !!o.json, (file) => pattern(file, o, ctx), human);
    });

  cmd
    .command('identify')
    .description('phases of measured powder patterns, by search–match against candidate structures')
    .argument('<measured...>', 'measured patterns (two columns: 2θ in degrees, counts)')
    .requiredOption('--candidates <A.cif,B.cif>', 'candidate structures (comma-separated, repeatable)', fileList)
    .option('--tolerance <deg>', 'match window, degrees 2θ', positive, 0.2)
    .option('--max-strain <fraction>', 'largest isotropic lattice scaling tried', number, 0.02)
    .option('--min-fom <0..1>', 'FOM needed to call a phase present', number, 0.7)
    .addHelpText('after', `\n--wavelength (of the measurement) and --json are the options of \`xrd\`.\n${FOM_TEXT}.\nMeasured peaks: SNIP background, 0.07° smoothing, ≥ 6σ (Poisson) and ≥ 2 % of the strongest, FWHM ≤ 1°; Cu Kα2 satellites set aside.`)
    .action(async (measured: string[], o: Omit<IdOpts, 'wavelength'> & { candidates: string[] }) => {
      // --wavelength and --json belong to \`xrd\` (commander lets a parent's options follow the subcommand).
      const parent = cmd.opts<XrdOpts>();
      const opts = { ...o, wavelength: parent.wavelength };
      await forEachFile(ctx, measured, !!parent.json, (f) => identify(f, o.candidates, opts), humanIdentify);
    });
}
