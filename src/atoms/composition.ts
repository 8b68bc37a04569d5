/**
 * Composition of a structure: formulas (cell and reduced), mass and density, and a small
 * chemical-formula parser ("Na2HfO2Cl4", "Na2O2(HfCl4)", "Ca3(PO4)2", "[Zr(OH)4]2") used by the
 * amorphous-cell builder.
 */
import { atomicMass, atomicNumber, elementSymbol } from '../core/elements.js';
import { cellVolume, type Structure } from './structure.js';

/** g/cm³ per u/Å³ (1 u = 1.66053906660e-24 g, 1 Å³ = 1e-24 cm³). */
export const U_PER_A3_TO_G_PER_CM3 = 1.6605390666;

/** Species counts in order of first appearance: [[Z, count], …]. */
export function speciesCounts(numbers: Uint8Array): [number, number][] {
  const order: number[] = [];
  const counts = new Map<number, number>();
  for (const z of numbers) {
    const c = counts.get(z);
    if (c === undefined) {
      order.push(z);
      counts.set(z, 1);
    } else counts.set(z, c + 1);
  }
  return order.map((z) => [z, counts.get(z)!]);
}

function symbolOf(z: number): string {
  return z === 0 ? 'X' : elementSymbol(z);
}

/** The cell formula in order of first appearance, counts of 1 omitted: "Na64Hf32O64Cl128". */
export function cellFormula(numbers: Uint8Array): string {
  return speciesCounts(numbers)
    .map(([z, n]) => symbolOf(z) + (n === 1 ? '' : String(n)))
    .join('');
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The formula divided by the greatest common divisor of the counts: "Na2HfO2Cl4". */
export function reducedFormula(numbers: Uint8Array): string {
  const sc = speciesCounts(numbers);
  const g = sc.reduce((acc, [, n]) => gcd(acc, n), 0) || 1;
  return sc.map(([z, n]) => symbolOf(z) + (n / g === 1 ? '' : String(n / g))).join('');
}

/** Total mass in u (g/mol). */
export function totalMass(numbers: Uint8Array): number {
  let m = 0;
  for (const z of numbers) m += z === 0 ? 0 : atomicMass(z);
  return m;
}

/** Mass density in g/cm³ of a periodic structure. */
export function density(s: Structure): number {
  return (totalMass(s.numbers) / cellVolume(s.cell)) * U_PER_A3_TO_G_PER_CM3;
}

/**
 * Parses a chemical formula into element counts in order of first appearance. Accepts element
 * symbols with integer or decimal counts, nested (), [] and {} groups with multipliers, and
 * "·" or "*" adducts with a leading multiplier ("CaSO4·2H2O"; "." is a decimal point, as in
 * "Li0.5La0.5TiO3"). Throws Error with a reason.
 */
export function parseFormula(formula: string): Map<string, number> {
  const text = formula.replace(/\s+/g, '');
  if (!text) throw new Error('the formula is empty');
  const total = new Map<string, number>();
  for (const part of text.split(/[·•*]/)) {
    const lead = /^(\d+(?:\.\d+)?)/.exec(part);
    const mult = lead ? Number(lead[1]) : 1;
    const body = lead ? part.slice(lead[0].length) : part;
    const [counts, end] = parseGroup(body, 0, formula);
    if (end !== body.length) throw new Error(`unexpected "${body[end]}" in "${formula}"`);
    for (const [el, n] of counts) total.set(el, (total.get(el) ?? 0) + n * mult);
  }
  return total;
}

const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

function readCount(s: string, i: number): [number, number] {
  const m = /^\d+(?:\.\d+)?/.exec(s.slice(i));
  return m ? [Number(m[0]), i + m[0].length] : [1, i];
}

function parseGroup(s: string, start: number, whole: string, close?: string): [Map<string, number>, number] {
  const counts = new Map<string, number>();
  let i = start;
  while (i < s.length) {
    const ch = s[i]!;
    if (close !== undefined && ch === close) return [counts, i];
    if (ch in CLOSE) {
      const [inner, end] = parseGroup(s, i + 1, whole, CLOSE[ch]);
      if (s[end] !== CLOSE[ch]) throw new Error(`unbalanced "${ch}" in "${whole}"`);
      const [n, next] = readCount(s, end + 1);
      for (const [el, c] of inner) counts.set(el, (counts.get(el) ?? 0) + c * n);
      i = next;
      continue;
    }
    const m = /^[A-Z][a-z]?/.exec(s.slice(i));
    if (!m) throw new Error(`unexpected "${ch}" in "${whole}"; expected an element symbol`);
    let sym = m[0];
    // "Co" vs "C"+"o" is settled by the periodic table: take the two-letter symbol only if it exists.
    if (sym.length === 2 && atomicNumber(sym) === undefined && atomicNumber(sym[0]!) !== undefined) sym = sym[0]!;
    if (atomicNumber(sym) === undefined) throw new Error(`unknown element "${sym}" in "${whole}"`);
    const canonical = elementSymbol(atomicNumber(sym)!);
    const [n, next] = readCount(s, i + sym.length);
    counts.set(canonical, (counts.get(canonical) ?? 0) + n);
    i = next;
  }
  if (close !== undefined) throw new Error(`unbalanced brackets in "${whole}"`);
  return [counts, i];
}
