/**
 * Writes a Structure as a P1 CIF 1.1 file (every atom listed, identity operation only), the way
 * pymatgen's CifWriter does without symmetry: cell parameters, `_atom_site_type_symbol`,
 * `_atom_site_label`, fractional coordinates and occupancies. Reading it back gives the same
 * structure (to the 10 printed decimals).
 */
import { elementSymbol } from '../../core/elements.js';
import { cellVolume, type Structure } from '../../atoms/structure.js';

function norm(v: readonly number[]): number {
  return Math.hypot(v[0]!, v[1]!, v[2]!);
}

function angle(u: readonly number[], v: readonly number[]): number {
  const c = (u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!) / (norm(u) * norm(v));
  return (Math.acos(Math.max(-1, Math.min(1, c))) * 180) / Math.PI;
}

function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return s === '-' + (0).toFixed(digits) ? (0).toFixed(digits) : s;
}

/** Formula like "Na4 Cl4" (elements in order of first appearance). */
function formulaSum(numbers: Uint8Array): string {
  const counts = new Map<number, number>();
  for (const z of numbers) counts.set(z, (counts.get(z) ?? 0) + 1);
  return [...counts].map(([z, n]) => `${elementSymbol(z)}${n}`).join(' ');
}

/** CIF text of a periodic structure. `name` becomes the data block name. */
export function writeCif(s: Structure, name = 'superionic'): string {
  const [a, b, c] = s.cell;
  const inv = inverse(s.cell);
  const n = s.numbers.length;
  const occ = s.arrays?.occupancy instanceof Float64Array ? s.arrays.occupancy : undefined;
  const lines = [
    '# written by superionic',
    `data_${name.replace(/\s+/g, '_')}`,
    "_symmetry_space_group_name_H-M   'P 1'",
    '_symmetry_Int_Tables_number   1',
    `_cell_length_a   ${fixed(norm(a), 8)}`,
    `_cell_length_b   ${fixed(norm(b), 8)}`,
    `_cell_length_c   ${fixed(norm(c), 8)}`,
    `_cell_angle_alpha   ${fixed(angle(b, c), 8)}`,
    `_cell_angle_beta   ${fixed(angle(a, c), 8)}`,
    `_cell_angle_gamma   ${fixed(angle(a, b), 8)}`,
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
    const x = s.positions[3 * i]!;
    const y = s.positions[3 * i + 1]!;
    const w = s.positions[3 * i + 2]!;
    const f = [0, 1, 2].map((j) => x * inv[0]![j]! + y * inv[1]![j]! + w * inv[2]![j]!);
    lines.push(
      `  ${sym}  ${sym}${k}  ${f.map((u) => fixed(u, 10)).join('  ')}  ${fixed(occ ? occ[i]! : 1, 4)}`,
    );
  }
  return lines.join('\n') + '\n';
}

function inverse(m: Structure['cell']): number[][] {
  const [a, b, c] = m;
  const det = a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
  return [
    [(b[1] * c[2] - b[2] * c[1]) / det, (a[2] * c[1] - a[1] * c[2]) / det, (a[1] * b[2] - a[2] * b[1]) / det],
    [(b[2] * c[0] - b[0] * c[2]) / det, (a[0] * c[2] - a[2] * c[0]) / det, (a[2] * b[0] - a[0] * b[2]) / det],
    [(b[0] * c[1] - b[1] * c[0]) / det, (a[1] * c[0] - a[0] * c[1]) / det, (a[0] * b[1] - a[1] * b[0]) / det],
  ];
}
