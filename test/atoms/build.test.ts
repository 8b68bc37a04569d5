import { describe, expect, it } from 'vitest';
import { buildAmorphous, pairMinDistance } from '../../src/atoms/build.js';
import { density, parseFormula, cellFormula, reducedFormula } from '../../src/atoms/composition.js';
import { neighborPairs } from '../../src/atoms/neighbors.js';
import { elementSymbol } from '../../src/core/elements.js';

describe('formula parser', () => {
  it('reads simple, grouped and adduct formulas', () => {
    expect([...parseFormula('Na2HfO2Cl4')]).toEqual([['Na', 2], ['Hf', 1], ['O', 2], ['Cl', 4]]);
    expect(Object.fromEntries(parseFormula('Na2O2(HfCl4)'))).toEqual({ Na: 2, O: 2, Hf: 1, Cl: 4 });
    expect(Object.fromEntries(parseFormula('Ca3(PO4)2'))).toEqual({ Ca: 3, P: 2, O: 8 });
    expect(Object.fromEntries(parseFormula('[Zr(OH)4]2'))).toEqual({ Zr: 2, O: 8, H: 8 });
    expect(Object.fromEntries(parseFormula('CaSO4·2H2O'))).toEqual({ Ca: 1, S: 1, O: 6, H: 4 });
    expect(Object.fromEntries(parseFormula('Li0.5La0.5TiO3'))).toEqual({ Li: 0.5, La: 0.5, Ti: 1, O: 3 });
  });
  it('rejects unknown elements and unbalanced brackets', () => {
    expect(() => parseFormula('Na2Xx')).toThrow(/unknown element "Xx"/);
    expect(() => parseFormula('Na2(HfCl4')).toThrow(/unbalanced/);
    expect(() => parseFormula('')).toThrow(/empty/);
  });
});

describe('amorphous builder', () => {
  const formula = parseFormula('Na2O2(HfCl4)');

  it('fills the cell at the requested density and keeps every pair minimum distance', () => {
    const r = buildAmorphous({ formula, units: 16, density: 3, seed: 3 });
    const s = r.structure;
    expect(s.numbers.length).toBe(144);
    expect(reducedFormula(s.numbers)).toBe('Na2O2HfCl4');
    expect(cellFormula(s.numbers)).toBe('Na32O32Hf16Cl64');
    expect(density(s)).toBeCloseTo(3, 10);
    expect(r.worstRatio).toBeGreaterThanOrEqual(1);
    const pairs = neighborPairs(s.cell, s.positions, 3.2);
    let violations = 0;
    for (let p = 0; p < pairs.d.length; p++) {
      const dm = pairMinDistance(elementSymbol(s.numbers[pairs.i[p]!]!), elementSymbol(s.numbers[pairs.j[p]!]!));
      if (pairs.d[p]! < dm) violations++;
    }
    expect(violations).toBe(0);
    // Positions are wrapped into the cell.
    const L = s.cell[0][0];
    expect(s.positions.every((x) => x >= 0 && x < L)).toBe(true);
  });

  it('is deterministic by seed', () => {
    const a = buildAmorphous({ formula, units: 8, density: 3, seed: 42 }).structure.positions;
    const b = buildAmorphous({ formula, units: 8, density: 3, seed: 42 }).structure.positions;
    const c = buildAmorphous({ formula, units: 8, density: 3, seed: 43 }).structure.positions;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('uses pair-specific minimum distances from ionic radii, or one given value', () => {
    expect(pairMinDistance('Hf', 'O')).toBeCloseTo(0.85 * (0.71 + 1.4), 12);
    expect(pairMinDistance('Cl', 'Cl')).toBeCloseTo(0.8 * 3.62, 12);
    expect(pairMinDistance('Na', 'Hf')).toBe(2.6);
    const r = buildAmorphous({ formula, units: 8, density: 2.5, minDistance: 1.9, seed: 1 });
    expect(Object.values(r.minDistances).every((d) => d === 1.9)).toBe(true);
    const pairs = neighborPairs(r.structure.cell, r.structure.positions, 1.9);
    expect(pairs.d.length).toBe(0);
  });

  it('refuses a cell too small for its minimum distances', () => {
    expect(() => buildAmorphous({ formula: parseFormula('NaCl'), units: 1, density: 2, seed: 1 })).toThrow(/too small/);
  });
});
