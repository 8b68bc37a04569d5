import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import type { Structure } from '../../src/atoms/structure.js';
import { RdfAccumulator } from '../../src/atoms/rdf.js';
import { amorphousPattern } from '../../src/scattering/amorphous.js';
import { looksCrystalline } from '../../src/scattering/crystallinity.js';
import type { PartialPdfInput } from '../../src/scattering/partials.js';

function rockSaltSupercell(n: number, a = 5.64, jitter = 0, seed = 1): Structure {
  const rng = createRng(seed);
  const pos: number[] = [];
  const num: number[] = [];
  const basis = [[0, 0, 0, 11], [0.5, 0.5, 0, 11], [0.5, 0, 0.5, 11], [0, 0.5, 0.5, 11], [0.5, 0, 0, 17], [0, 0.5, 0, 17], [0, 0, 0.5, 17], [0.5, 0.5, 0.5, 17]];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) {
    for (const [x, y, z, el] of basis) {
      pos.push((i + x!) * a + jitter * rng.normal(), (j + y!) * a + jitter * rng.normal(), (k + z!) * a + jitter * rng.normal());
      num.push(el!);
    }
  }
  const L = n * a;
  return { cell: [[L, 0, 0], [0, L, 0], [0, 0, L]], numbers: Uint8Array.from(num), positions: Float64Array.from(pos), pbc: [true, true, true] };
}

function randomCell(n: number, L: number, seed: number): Structure {
  const rng = createRng(seed);
  const pos = new Float64Array(3 * n);
  for (let i = 0; i < 3 * n; i++) pos[i] = rng.uniform() * L;
  return { cell: [[L, 0, 0], [0, L, 0], [0, 0, L]], numbers: Uint8Array.from({ length: n }, (_, i) => (i % 2 ? 17 : 11)), positions: pos, pbc: [true, true, true] };
}

function partials(s: Structure, rMax: number): PartialPdfInput {
  const acc = new RdfAccumulator(s.numbers, [{ a: 11, b: 11 }, { a: 11, b: 17 }, { a: 17, b: 17 }], rMax, 0.02);
  acc.addFrame(s.positions, s.cell);
  const res = acc.result();
  const n = s.numbers.length;
  return { r: res.r, dr: res.dr, counts: new Map([[11, n / 2], [17, n / 2]]), volume: s.cell[0][0] ** 3, partials: res.pairs };
}

describe('crystal or glass?', () => {
  it('a rock-salt supercell is crystalline, also with small thermal noise; a random cell is not', () => {
    expect(looksCrystalline(rockSaltSupercell(3))).toBe(true);
    expect(looksCrystalline(rockSaltSupercell(3, 5.64, 0.02))).toBe(true);
    expect(looksCrystalline(randomCell(216, 16.92, 3))).toBe(false);
  });
});

describe('amorphous pattern by the Debye/S(Q) route', () => {
  it('ideal gas: I(Q) is the self term Σ c f(Q)² (a smooth falling curve)', () => {
    const s = randomCell(400, 20, 7);
    const inp = partials(s, 9.9);
    const flat = { ...inp, partials: inp.partials.map((p) => ({ ...p, g: new Float64Array(p.g.length).fill(1) })) };
    const p = amorphousPattern(flat, { wavelength: 1.54184, twoThetaMin: 10, twoThetaMax: 90 });
    for (let i = 1; i < p.intensity.length; i++) expect(p.intensity[i]).toBeLessThan(p.intensity[i - 1]!);
    expect(Math.max(...Array.from(p.sq, (x) => Math.abs(x - 1)))).toBe(0);
  });

  it('a crystal through the same route: g(r) to 40 Å (periodic images) puts the maxima at the Bragg angles', () => {
    const s = rockSaltSupercell(1);
    const p = amorphousPattern(partials(s, 40), { wavelength: 1.54184, twoThetaMin: 20, twoThetaMax: 50, step: 0.02 });
    const byHeight = [...p.maxima].sort((a, b) => b.intensity - a.intensity);
    expect(Math.abs(byHeight[0]!.twoTheta - 31.73)).toBeLessThan(0.3); // (200)
    expect(Math.abs(byHeight[1]!.twoTheta - 45.49)).toBeLessThan(0.3); // (220)
  });
});
