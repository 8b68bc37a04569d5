import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cifFormat, cifUncertainty, parseCif, parseSymOp, readCif, writeCif } from '../../../src/formats/cif/index.js';
import { fileHead } from '../../../src/formats/detect.js';
import { elementSymbol } from '../../../src/core/elements.js';
import { InputError } from '../../../src/core/errors.js';
import { cellParameters, toFractional } from '../../../src/atoms/lattice.js';
import { fixture, sharedData } from '../../helpers/paths.js';

interface RefSite {
  element: string;
  frac: number[];
  occupancy: number;
}
interface RefCase {
  file: string;
  source: 'shared' | 'here';
  lattice: { abc: number[]; angles: number[]; volume: number };
  sites: RefSite[];
}
const ref = JSON.parse(readFileSync(fixture('fixtures/xrd/pymatgen_xrd.json'), 'utf8')) as { cases: Record<string, RefCase> };

function pathOf(c: RefCase): string {
  return c.source === 'shared' ? sharedData(c.file) : fixture('fixtures/xrd', c.file);
}

const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);

function expectInputError(text: string, line: number | undefined, message: RegExp): void {
  let err: unknown;
  try {
    readCif(bytes(text), 'bad.cif');
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).location).toBe(line);
  expect((err as InputError).message).toMatch(message);
}

/** Periodic distance between fractional points. */
function fracDistance(a: number[], b: number[]): number {
  return Math.max(...a.map((x, k) => Math.abs(x - b[k]! - Math.round(x - b[k]!))));
}

describe('CIF reader against pymatgen Structure.from_file', () => {
  const seen = new Set<string>();
  for (const [id, c] of Object.entries(ref.cases)) {
    if (seen.has(c.file)) continue;
    seen.add(c.file);
    it(`${id}: cell, atom count after symmetry expansion, positions, occupancies`, () => {
      const s = readCif(readFileSync(pathOf(c)), c.file);
      const lat = cellParameters(s.cell);
      const lengths = [lat.a, lat.b, lat.c];
      const angles = [lat.alpha, lat.beta, lat.gamma];
      for (let k = 0; k < 3; k++) {
        expect(lengths[k]).toBeCloseTo(c.lattice.abc[k]!, 9);
        expect(angles[k]).toBeCloseTo(c.lattice.angles[k]!, 9);
      }
      expect(s.numbers.length).toBe(c.sites.length);
      const frac = toFractional(s.cell, s.positions);
      const occ = s.arrays!.occupancy as Float64Array;
      const used = new Set<number>();
      for (const site of c.sites) {
        // Find the matching atom: same element, same fractional position (periodic), same occupancy.
        let found = -1;
        for (let i = 0; i < s.numbers.length; i++) {
          if (used.has(i) || elementSymbol(s.numbers[i]!) !== site.element) continue;
          const f = [frac[3 * i]!, frac[3 * i + 1]!, frac[3 * i + 2]!];
          if (fracDistance(f, site.frac) < 1e-9 && Math.abs(occ[i]! - site.occupancy) < 1e-12) {
            found = i;
            break;
          }
        }
        expect(found, `${site.element} at ${site.frac.join(' ')}`).toBeGreaterThanOrEqual(0);
        used.add(found);
      }
    });
  }

  it('keeps labels and oxidation states, and reads bracketed uncertainties', () => {
    const s = readCif(readFileSync(fixture('fixtures/xrd/rutile_TiO2_P42mnm.cif')), 'rutile.cif');
    expect(s.numbers.length).toBe(6);
    expect([...(s.arrays!.oxidation as Float64Array)].sort()).toEqual([-2, -2, -2, -2, 4, 4]);
    expect(s.arrays!.label).toContain('O1');
    expect(cellParameters(s.cell).a).toBe(4.5937);
    const block = parseCif('data_x\n_cell_length_a 5.6402(3)\n_x 1.2e-3(15)\n', 'x.cif')[0]!;
    expect(cifUncertainty(block.items.get('_cell_length_a')!)).toBeCloseTo(3e-4, 15);
    expect(cifUncertainty(block.items.get('_x')!)).toBeCloseTo(1.5e-3, 15);
  });

  it('reads multi-line text fields, quoted strings with inner quotes and comments', () => {
    const [b] = parseCif(
      "data_t\n_a 'O'Brien's'\n_b\n;\n line one\n line two # not a comment\n;\n_c \"x y\" # comment\nloop_\n_l1\n_l2\n1 'a b'\n2 ?\n",
      't.cif',
    );
    expect(b!.items.get('_a')!.text).toBe("O'Brien's");
    expect(b!.items.get('_b')!.text).toBe(' line one\n line two # not a comment');
    expect(b!.items.get('_c')!.text).toBe('x y');
    expect(b!.loops[0]!.rows.map((r) => r.map((t) => t.text))).toEqual([['1', 'a b'], ['2', '?']]);
  });

  it('parses symmetry operations', () => {
    expect(parseSymOp('-x+1/2, y, z-1/4')).toEqual({ rotation: [-1, 0, 0, 0, 1, 0, 0, 0, 1], translation: [0.5, 0, -0.25] });
    expect(parseSymOp("'x-y,X,1/6+z'")).toEqual({ rotation: [1, -1, 0, 1, 0, 0, 0, 0, 1], translation: [0, 0, 1 / 6] });
    expect(parseSymOp('x,y')).toBeUndefined();
    expect(parseSymOp('x,y,q')).toBeUndefined();
  });

  it('writes a CIF that reads back to the same structure', () => {
    const s = readCif(readFileSync(fixture('fixtures/xrd/triclinic_P-1_mixed.cif')), 't.cif');
    const back = readCif(bytes(writeCif(s, 'round trip')), 'w.cif');
    expect(back.numbers).toEqual(s.numbers);
    for (let i = 0; i < s.positions.length; i++) expect(back.positions[i]).toBeCloseTo(s.positions[i]!, 8);
    expect(back.arrays!.occupancy).toEqual(s.arrays!.occupancy);
  });

  it('is recognised by content', () => {
    const text = readFileSync(sharedData('structure/nacl_rocksalt.cif'));
    expect(cifFormat.sniff(fileHead(text, 'whatever.txt'))).toBeGreaterThan(50);
    expect(cifFormat.sniff(fileHead(bytes('10 20\n11 21\n'), 'a.xy'))).toBe(0);
  });
});

describe('malformed CIFs fail with the line number', () => {
  const head = 'data_bad\n_cell_length_a 5\n_cell_length_b 5\n_cell_length_c 5\n_cell_angle_alpha 90\n_cell_angle_beta 90\n';
  const atoms = 'loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\nNa1 0 0 0\n';
  it('missing cell parameter', () => {
    expectInputError(head + atoms, 1, /missing _cell_angle_gamma/);
  });
  it('non-numeric cell parameter', () => {
    expectInputError(head.replace('_cell_length_b 5', '_cell_length_b five') + '_cell_angle_gamma 90\n' + atoms, 3, /_cell_length_b/);
  });
  it('unknown element', () => {
    expectInputError(head + '_cell_angle_gamma 90\n' + atoms + 'Qq2 0.5 0.5 0.5\n', 14, /unknown element "Qq2"/);
  });
  it('unterminated text field', () => {
    expectInputError(head + '_cell_angle_gamma 90\n_title\n;\nnever closed\n' + atoms, 9, /never closed/);
  });
  it('incomplete loop row', () => {
    expectInputError(head + '_cell_angle_gamma 90\n' + atoms + 'Cl1 0.5 0.5\n', 14, /not a multiple/);
  });
  it('bad coordinate', () => {
    expectInputError(head + '_cell_angle_gamma 90\n' + atoms.replace('Na1 0 0 0', 'Na1 0 zero 0'), 13, /expected a number/);
  });
  it('space group without operations', () => {
    expectInputError(head + "_cell_angle_gamma 90\n_symmetry_space_group_name_H-M 'F m -3 m'\n" + atoms, 8, /without its symmetry operations/);
  });
  it('bad symmetry operation', () => {
    expectInputError(head + "_cell_angle_gamma 90\nloop_\n_symmetry_equiv_pos_as_xyz\n'x,y,w'\n" + atoms, 10, /symmetry operation/);
  });
});
