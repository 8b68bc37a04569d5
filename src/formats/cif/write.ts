/**
 * Writes a Structure as a P1 CIF 1.1 file (every atom listed, identity operation only), the way
 * pymatgen's CifWriter does without symmetry: cell parameters, `_atom_site_type_symbol`,
 * `_atom_site_label`, fractional coordinates and occupancies. Reading it back gives the same
 * structure (to the 10 printed decimals).
 */
import { elementSymbol } from '../../core/elements.js';
import { cellVolume, type Structure } from '../../atoms/structure.js';
import { cellParameters, toFractional } from '../../atoms/lattice.js';
import { speciesCounts } from '../../atoms/composition.js';

function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return s === '-' + (0).toFixed(digits) ? (0).toFixed(digits) : s;
}

/** Formula like "Na4 Cl4" (elements in order of first appearance). */
function formulaSum(numbers: Uint8Array): string {
  return speciesCounts(numbers)
    .map(([z, n]) => `${elementSymbol(z)}${n}`)
    .join(' ');
}

/** CIF text of a periodic structure. `name` becomes the data block name. */
export function writeCif(s: Structure, name = 'superionic'): string {
  const lattice = cellParameters(s.cell);
  const frac = toFractional(s.cell, s.positions);
  const n = s.numbers.length;
  const occ = s.arrays?.occupancy instanceof Float64Array ? s.arrays.occupancy : undefined;
  const lines = [
    '# written by superionic',
    `data_${name.replace(/\s+/g, '_')}`,
    "_symmetry_space_group_name_H-M   'P 1'",
    '_symmetry_Int_Tables_number   1',
    `_cell_length_a   ${fixed(lattice.a, 8)}`,
    `_cell_length_b   ${fixed(lattice.b, 8)}`,
    `_cell_length_c   ${fixed(lattice.c, 8)}`,
    `_cell_angle_alpha   ${fixed(lattice.alpha, 8)}`,
    `_cell_angle_beta   ${fixed(lattice.beta, 8)}`,
    `_cell_angle_gamma   ${fixed(lattice.gamma, 8)}`,
    `_cell_volume   ${fixed(cellVolume(s.cell), 8)}`,
    `_chemical_formula_sum   '${formulaSum(s.numbers)}'`,
    'loop_',
    ' _symmetry_equiv_pos_site_id',
    ' _symmetry_equiv_pos_as_xyz',
    "  1  'x, y, z'",
    'loop_',
    ' _atom_site_type_symbol',
    ' _atom_site_label',
    ' _atom_site_fract_x',
    ' _atom_site_fract_y',
    ' _atom_site_fract_z',
    ' _atom_site_occupancy',
  ];
  const perElement = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const z = s.numbers[i]!;
    const sym = elementSymbol(z);
    const k = perElement.get(z) ?? 0;
    perElement.set(z, k + 1);
    const f = [frac[3 * i]!, frac[3 * i + 1]!, frac[3 * i + 2]!];
    lines.push(
      `  ${sym}  ${sym}${k}  ${f.map((u) => fixed(u, 10)).join('  ')}  ${fixed(occ ? occ[i]! : 1, 4)}`,
    );
  }
  return lines.join('\n') + '\n';
}
