/**
 * Element symbols, atomic numbers and atomic masses. Masses are the abundance-weighted isotopic
 * masses from `chemical-elements` (g/mol); for elements without stable isotopes, the mass number
 * of the longest-lived isotope, as periodic tables conventionally list in brackets.
 */
import { elements } from 'chemical-elements';

const SYMBOLS: string[] = ['X'];
const MASSES: number[] = [0];
const BY_SYMBOL = new Map<string, number>();

// Longest-lived isotopes for elements with no standard atomic weight.
const RADIOACTIVE_MASS: Record<string, number> = {
  Tc: 98, Pm: 145, Po: 209, At: 210, Rn: 222, Fr: 223, Ra: 226, Ac: 227, Np: 237, Pu: 244, Am: 243,
  Cm: 247, Bk: 247, Cf: 251, Es: 252, Fm: 257, Md: 258, No: 259, Lr: 266, Rf: 267, Db: 268, Sg: 269,
  Bh: 270, Hs: 277, Mt: 278, Ds: 281, Rg: 282, Cn: 285, Nh: 286, Fl: 289, Mc: 290, Lv: 293, Ts: 294, Og: 294,
};

for (const e of elements as { number: number; symbol: string; mass: number | null }[]) {
  SYMBOLS[e.number] = e.symbol;
  MASSES[e.number] = e.mass ?? RADIOACTIVE_MASS[e.symbol] ?? NaN;
  BY_SYMBOL.set(e.symbol.toLowerCase(), e.number);
}

/** Atomic number of an element symbol (case-insensitive, e.g. "Hf", "HF", "hf"); undefined if unknown. */
export function atomicNumber(symbol: string): number | undefined {
  return BY_SYMBOL.get(symbol.trim().toLowerCase());
}

/** Element symbol of an atomic number; throws RangeError outside 1–118. */
export function elementSymbol(z: number): string {
  const s = SYMBOLS[z];
  if (!s || z < 1) throw new RangeError(`no element with atomic number ${z}`);
  return s;
}

/** Atomic mass in g/mol (= u). */
export function atomicMass(z: number): number {
  const m = MASSES[z];
  if (m === undefined || z < 1) throw new RangeError(`no element with atomic number ${z}`);
  return m;
}

export const ELEMENT_COUNT = 118;
