/**
 * The potential file of CONTRACT §8 and its validation. A pair's short-range term is the
 * Born–Mayer–Huggins form of LAMMPS `pair_style born`:
 *   E(r) = A·exp((σ − r)/ρ) − C/r⁶ + D/r⁸        (eV, Å)
 * plus Coulomb qᵢqⱼ/r by damped shifted force (`born/coul/dsf`) or Ewald (`born/coul/long` +
 * `kspace_style ewald`). Pairs that are not listed interact by Coulomb only.
 */
import { InputError } from '../core/errors.js';
import { atomicNumber } from '../core/elements.js';

export interface PairParams {
  a: string;
  b: string;
  /** eV */
  A: number;
  /** Å */
  rho: number;
  /** Å */
  sigma: number;
  /** eV·Å⁶ */
  C: number;
  /** eV·Å⁸ */
  D: number;
  /** Å */
  cutoff: number;
}

export interface BondParams {
  a: string;
  b: string;
  form: 'morse' | 'harmonic';
  /** morse: eV */
  D0?: number;
  /** morse: 1/Å */
  alpha?: number;
  /** harmonic: eV/Å² (E = K(r − r0)², LAMMPS convention) */
  K?: number;
  /** Å */
  r0: number;
  detect: { maxDistance: number };
}

export interface Potential {
  name?: string;
  about?: string;
  charges: Record<string, number>;
  /** dsf: damped shifted force; ewald: Ewald sum (LAMMPS kspace ewald); pme: same splitting and accuracy, reciprocal part by smooth particle-mesh Ewald (faster for large cells; LAMMPS counterpart kspace pppm). */
  coulomb: { method: 'dsf' | 'ewald' | 'pme'; alpha?: number; accuracy?: number; cutoff: number };
  pairs: PairParams[];
  bonds?: BondParams[];
  /** Literature sources per pair, free-form (ignored by the engine). */
  sources?: unknown;
}

/** Parses and checks a potential JSON document; errors name the JSON field. */
export function parsePotential(text: string, file: string): Potential {
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, undefined, `not valid JSON (${(e as Error).message}); expected a potential file (CONTRACT §8)`);
  }
  const fail = (field: string, what: string): never => {
    throw new InputError(file, field, what);
  };
  if (typeof doc !== 'object' || doc === null) fail('', 'expected a JSON object with charges, coulomb and pairs');
  const num = (v: unknown, field: string, positive = false): number => {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(field, 'expected a finite number');
    if (positive && !((v as number) > 0)) fail(field, 'expected a positive number');
    return v as number;
  };
  const elem = (v: unknown, field: string): string => {
    if (typeof v !== 'string' || atomicNumber(v) === undefined) fail(field, `expected an element symbol, got ${JSON.stringify(v)}`);
    return v as string;
  };
  if (typeof doc.charges !== 'object' || doc.charges === null) fail('charges', 'expected {"Na": 0.6, …} (charges in e)');
  const charges: Record<string, number> = {};
  for (const [k, v] of Object.entries(doc.charges)) charges[elem(k, `charges.${k}`)] = num(v, `charges.${k}`);
  const c = doc.coulomb;
  if (typeof c !== 'object' || c === null) fail('coulomb', 'expected {"method": "dsf"|"ewald"|"pme", "cutoff": Å, …}');
  if (c.method !== 'dsf' && c.method !== 'ewald' && c.method !== 'pme') fail('coulomb.method', `expected "dsf" or "ewald" (or "pme"), got ${JSON.stringify(c.method)}`);
  const coulomb: Potential['coulomb'] = { method: c.method, cutoff: num(c.cutoff, 'coulomb.cutoff', true) };
  if (c.method === 'dsf') coulomb.alpha = num(c.alpha, 'coulomb.alpha');
  else coulomb.accuracy = num(c.accuracy ?? 1e-5, 'coulomb.accuracy', true);
  if (!Array.isArray(doc.pairs)) fail('pairs', 'expected an array of {a, b, A, rho, sigma, C, D, cutoff}');
  const seen = new Set<string>();
  const pairs: PairParams[] = doc.pairs.map((p: any, i: number) => {
    const f = `pairs[${i}]`;
    const a = elem(p?.a, `${f}.a`), b = elem(p?.b, `${f}.b`);
    const key = [a, b].sort().join('-');
    if (seen.has(key)) fail(f, `pair ${a}–${b} is listed twice`);
    seen.add(key);
    return {
      a, b,
      A: num(p.A, `${f}.A`), rho: num(p.rho, `${f}.rho`, true), sigma: num(p.sigma ?? 0, `${f}.sigma`),
      C: num(p.C ?? 0, `${f}.C`), D: num(p.D ?? 0, `${f}.D`), cutoff: num(p.cutoff ?? coulomb.cutoff, `${f}.cutoff`, true),
    };
  });
  let bonds: BondParams[] | undefined;
  if (doc.bonds !== undefined) {
    if (!Array.isArray(doc.bonds)) fail('bonds', 'expected an array');
    bonds = doc.bonds.map((q: any, i: number) => {
      const f = `bonds[${i}]`;
      const form = q?.form;
      if (form !== 'morse' && form !== 'harmonic') fail(`${f}.form`, 'expected "morse" or "harmonic"');
      const b: BondParams = {
        a: elem(q.a, `${f}.a`), b: elem(q.b, `${f}.b`), form, r0: num(q.r0, `${f}.r0`, true),
        detect: { maxDistance: num(q.detect?.maxDistance, `${f}.detect.maxDistance`, true) },
      };
      if (form === 'morse') {
        b.D0 = num(q.D0, `${f}.D0`);
        b.alpha = num(q.alpha, `${f}.alpha`, true);
      } else b.K = num(q.K, `${f}.K`);
      return b;
    });
  }
  const out: Potential = { charges, coulomb, pairs };
  if (bonds) out.bonds = bonds;
  if (typeof doc.name === 'string') out.name = doc.name;
  if (typeof doc.about === 'string') out.about = doc.about;
  return out;
}
