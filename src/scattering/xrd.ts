/**
 * Powder X-ray diffraction stick pattern of a crystal, computed as pymatgen's XRDCalculator
 * (2022.11, symprec = 0) does, so that positions and intensities agree with it:
 *
 * - every reciprocal-lattice point g = h a* + k b* + l c* (no 2π) with
 *   2 sin(θmin)/λ ≤ |g| ≤ 2 sin(θmax)/λ is enumerated, so multiplicities are implicit;
 * - Bragg: sin θ = λ|g|/2, d = 1/|g|, s = sinθ/λ = |g|/2;
 * - F = Σ_j occ_j f_j(s) exp(2πi h·x_j) exp(−B_j s²) with pymatgen's form factors (f(0) = Z)
 *   and no Debye–Waller damping unless B (Å²) is given per element;
 * - I = |F|² (1 + cos²2θ)/(sin²θ cosθ) (Lorentz–polarisation, unpolarised beam);
 * - reflections in order of (|g|, −h, −k, −l) are merged into one peak when their 2θ lies within
 *   1e-5° of an earlier peak's 2θ; peaks below 1e-3 % of the strongest are dropped; the
 *   intensities are scaled so that the strongest is 100;
 * - each peak's hkl are grouped into families (permutations of |h|,|k|,|l|), labelled by the
 *   largest member; for a hexagonal cell (pymatgen's `Lattice.is_hexagonal`) the grouping uses
 *   Miller–Bravais (h, k, −h−k, l) indices.
 *
 * One difference is deliberate: when reflections of different families coincide (cubic (333) and
 * (511)), pymatgen lists the families in the order of the last-bit rounding of their |g|; we
 * list them in the order (−h, −k, −l) of their first member, which is reproducible.
 */
import type { Structure } from '../atoms/structure.js';
import { cellInverse, cellParameters, isValidCell, toFractional } from '../atoms/lattice.js';
import { hklFamilies } from './families.js';
import { formFactorCoefficients, formFactorS2 } from './form-factor.js';

/** X-ray tube lines in Å, as pymatgen names them ("CuKa" is the weighted Kα1/Kα2 mean). */
export const WAVELENGTHS: Readonly<Record<string, number>> = {
  CuKa: 1.54184, CuKa2: 1.54439, CuKa1: 1.54056, CuKb1: 1.39222,
  MoKa: 0.71073, MoKa2: 0.71359, MoKa1: 0.7093, MoKb1: 0.63229,
  CrKa: 2.291, CrKa2: 2.29361, CrKa1: 2.2897, CrKb1: 2.08487,
  FeKa: 1.93735, FeKa2: 1.93998, FeKa1: 1.93604, FeKb1: 1.75661,
  CoKa: 1.79026, CoKa2: 1.79285, CoKa1: 1.78896, CoKb1: 1.63079,
  AgKa: 0.560885, AgKa2: 0.563813, AgKa1: 0.559421, AgKb1: 0.497082,
};

export interface XrdOptions {
  /** Å. Default 1.54184 (CuKa). */
  wavelength?: number;
  /** 2θ range in degrees, default [0, 90] as pymatgen. */
  twoThetaRange?: [number, number];
  /** Debye–Waller B factor per atomic number, Å² (none by default). */
  debyeWaller?: ReadonlyMap<number, number>;
  /** Scale the strongest peak to 100 (default true); false leaves |F|²·LP in electrons². */
  scaled?: boolean;
}

export interface XrdPeak {
  /** 2θ in degrees. */
  twoTheta: number;
  /** d spacing in Å. */
  d: number;
  /** Family labels, e.g. [[2,0,0]]; several when different families coincide in 2θ. */
  hkl: number[][];
  /** Number of reflections of each family in `hkl`. */
  multiplicity: number[];
  /** Miller–Bravais labels (h, k, −h−k, l) of the families, for hexagonal cells only (as pymatgen prints them). */
  hkil?: number[][];
  /** Relative intensity (strongest = 100 when scaled). */
  intensity: number;
}

export interface XrdPattern {
  /** Å. */
  wavelength: number;
  peaks: XrdPeak[];
}

const TWO_THETA_TOL = 1e-5;
const SCALED_INTENSITY_TOL = 1e-3;
const DEG = Math.PI / 180;

/** pymatgen's `Lattice.is_hexagonal` (angle tolerance 5°, length tolerance 0.01 Å). */
export function isHexagonal(s: Pick<Structure, 'cell'>): boolean {
  const p = cellParameters(s.cell);
  const lengths = [p.a, p.b, p.c];
  const angles = [p.alpha, p.beta, p.gamma];
  const right = [0, 1, 2].filter((i) => Math.abs(angles[i]! - 90) < 5);
  const hex = [0, 1, 2].filter((i) => Math.abs(angles[i]! - 60) < 5 || Math.abs(angles[i]! - 120) < 5);
  return right.length === 2 && hex.length === 1 && Math.abs(lengths[right[0]!]! - lengths[right[1]!]!) < 0.01;
}

interface Reflection {
  h: number;
  k: number;
  l: number;
  g: number;
  key: number;
}

/**
 * Reciprocal-lattice points with gMin ≤ |g| ≤ gMax (Å⁻¹), sorted as pymatgen sorts them.
 * `inv` is cellInverse(cell) (row-major; its columns are the reciprocal vectors, no 2π).
 */
export function reflectionsInShell(inv: Float64Array, lengths: readonly number[], gMin: number, gMax: number): Reflection[] {
  // |h| = |g·a| ≤ |g||a| bounds each index exactly.
  const hMax = Math.floor(gMax * lengths[0]! + 1e-9);
  const kMax = Math.floor(gMax * lengths[1]! + 1e-9);
  const lMax = Math.floor(gMax * lengths[2]! + 1e-9);
  const out: Reflection[] = [];
  // Reciprocal vectors are the columns of inv.
  for (let h = -hMax; h <= hMax; h++) {
    for (let k = -kMax; k <= kMax; k++) {
      for (let l = -lMax; l <= lMax; l++) {
        if (h === 0 && k === 0 && l === 0) continue;
        const gx = h * inv[0]! + k * inv[1]! + l * inv[2]!;
        const gy = h * inv[3]! + k * inv[4]! + l * inv[5]!;
        const gz = h * inv[6]! + k * inv[7]! + l * inv[8]!;
        const g = Math.sqrt(gx * gx + gy * gy + gz * gz);
        if (g > gMax * (1 + 1e-12) || (gMin > 0 && g < gMin)) continue;
        // Equivalent reflections must sort as equal despite last-bit differences in g.
        out.push({ h, k, l, g, key: Math.round(g * 1e9) });
      }
    }
  }
  out.sort((a, b) => a.key - b.key || b.h - a.h || b.k - a.k || b.l - a.l);
  return out;
}

/** The stick pattern of a crystal (see the file comment for the exact recipe). */
export function xrdPattern(structure: Structure, options: XrdOptions = {}): XrdPattern {
  const wavelength = options.wavelength ?? WAVELENGTHS.CuKa!;
  const [ttMin, ttMax] = options.twoThetaRange ?? [0, 90];
  const gMin = (2 * Math.sin((ttMin * DEG) / 2)) / wavelength;
  const gMax = (2 * Math.sin((ttMax * DEG) / 2)) / wavelength;
  const n = structure.numbers.length;
  if (!isValidCell(structure.cell)) throw new RangeError('singular cell (zero volume)');
  const frac = toFractional(structure.cell, structure.positions);
  const occ = structure.arrays?.occupancy instanceof Float64Array ? structure.arrays.occupancy : undefined;

  // Species present, each atom's species index, and coefficients per species.
  const speciesZ: number[] = [];
  const speciesOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const z = structure.numbers[i]!;
    let k = speciesZ.indexOf(z);
    if (k < 0) k = speciesZ.push(z) - 1;
    speciesOf[i] = k;
  }
  const coeffs = speciesZ.map((z) => {
    const c = formFactorCoefficients(z);
    if (!c) throw new RangeError(`no X-ray scattering coefficients for atomic number ${z}`);
    return c;
  });
  const bFactor = speciesZ.map((z) => options.debyeWaller?.get(z) ?? 0);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) weight[i] = occ ? occ[i]! : 1;
  const fSpecies = new Float64Array(speciesZ.length);

  const hex = isHexagonal(structure);
  const lattice = cellParameters(structure.cell);
  const reflections = reflectionsInShell(cellInverse(structure.cell), [lattice.a, lattice.b, lattice.c], gMin, gMax);
  interface Raw {
    twoTheta: number;
    d: number;
    intensity: number;
    hkls: number[][];
  }
  const peaks: Raw[] = [];
  for (const r of reflections) {
    const theta = Math.asin((wavelength * r.g) / 2);
    const s2 = (r.g / 2) ** 2;
    for (let k = 0; k < speciesZ.length; k++) {
      fSpecies[k] = formFactorS2(speciesZ[k]!, coeffs[k]!, s2) * Math.exp(-bFactor[k]! * s2);
    }
    let re = 0;
    let im = 0;
    for (let i = 0; i < n; i++) {
      const phase = 2 * Math.PI * (r.h * frac[3 * i]! + r.k * frac[3 * i + 1]! + r.l * frac[3 * i + 2]!);
      const a = fSpecies[speciesOf[i]!]! * weight[i]!;
      re += a * Math.cos(phase);
      im += a * Math.sin(phase);
    }
    const lp = (1 + Math.cos(2 * theta) ** 2) / (Math.sin(theta) ** 2 * Math.cos(theta));
    const intensity = (re * re + im * im) * lp;
    const twoTheta = (2 * theta) / DEG;
    const hkl = hex ? [r.h, r.k, -r.h - r.k, r.l] : [r.h, r.k, r.l];
    // pymatgen merges into the FIRST earlier peak within tolerance; peaks are in rising 2θ, so
    // only the last two can qualify.
    let target: Raw | undefined;
    for (let j = Math.max(0, peaks.length - 2); j < peaks.length; j++) {
      if (Math.abs(peaks[j]!.twoTheta - twoTheta) < TWO_THETA_TOL) {
        target = peaks[j];
        break;
      }
    }
    if (target) {
      target.intensity += intensity;
      target.hkls.push(hkl);
    } else peaks.push({ twoTheta, d: 1 / r.g, intensity, hkls: [hkl] });
  }

  let max = 0;
  for (const p of peaks) if (p.intensity > max) max = p.intensity;
  const scaled = options.scaled ?? true;
  const out: XrdPeak[] = [];
  for (const p of peaks) {
    if (!(max > 0) || (p.intensity / max) * 100 <= SCALED_INTENSITY_TOL) continue;
    const fams = hklFamilies(p.hkls);
    const peak: XrdPeak = {
      twoTheta: p.twoTheta,
      d: p.d,
      hkl: fams.map((f) => (hex ? [f.hkl[0]!, f.hkl[1]!, f.hkl[3]!] : f.hkl)),
      multiplicity: fams.map((f) => f.multiplicity),
      intensity: scaled ? (p.intensity / max) * 100 : p.intensity,
    };
    if (hex) peak.hkil = fams.map((f) => f.hkl);
    out.push(peak);
  }
  return { wavelength, peaks: out };
}
