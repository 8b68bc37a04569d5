/**
 * A CIF data block → Structure: cell from `_cell_length_*`/`_cell_angle_*` (a along x, b in the
 * xy plane), atom sites from the `_atom_site_fract_*` (or `_atom_site_Cartn_*`) loop, expanded
 * by the symmetry operations (`_symmetry_equiv_pos_as_xyz` or `_space_group_symop_operation_xyz`)
 * with duplicates within 1e-4 (fractional, periodic) removed per site, as pymatgen's CifParser
 * does. Fractional coordinates within 1e-4 (relative) of 1/3 or 2/3 are snapped to them first
 * (pymatgen does the same) so that 0.6667 does not spawn near-duplicate images.
 *
 * Partially occupied sites become one atom per species with its occupancy in
 * `arrays.occupancy`; labels go to `arrays.label`, oxidation states (from `Na1+`, `O2-`) to
 * `arrays.oxidation` when any is given.
 */
import { InputError } from '../../core/errors.js';
import { atomicNumber } from '../../core/elements.js';
import type { Structure } from '../../atoms/structure.js';
import { cellFromParameters, cellInverse } from '../../atoms/lattice.js';
import { cifNumber, findItem, findLoop, isNull, type CifBlock } from './parse.js';
import type { CifToken } from './tokenize.js';
import { IDENTITY, orbit, parseSymOp, type SymOp } from './symmetry.js';

function numberItem(block: CifBlock, tag: string, file: string): number {
  const t = findItem(block, tag);
  if (isNull(t)) throw new InputError(file, block.line, `missing ${tag}; expected the cell parameter in data_${block.name}`);
  const v = cifNumber(t!);
  if (v === undefined || !(v > 0)) throw new InputError(file, t!.line, `${tag} is "${t!.text}"; expected a positive number`);
  return v;
}

/** The element in a type symbol or label: "Na1+" → Na, "O2-" → O, "Cl1" → Cl, "Hf" → Hf. */
export function elementOf(text: string): { z: number; oxidation?: number } | undefined {
  const m = /^([A-Za-z]{1,2})/.exec(text.trim());
  if (!m) return undefined;
  const letters = m[1]!;
  let z: number | undefined;
  // As pymatgen's CifParser: two letters title-cased first ("NA1" → Na, "Cl1" → Cl), then one.
  if (letters.length === 2) z = atomicNumber(letters[0]!.toUpperCase() + letters[1]!.toLowerCase());
  z ??= atomicNumber(letters[0]!);
  if (z === undefined || z < 1) return undefined;
  const ox = /(\d*)([+-])\s*$/.exec(text.trim());
  if (ox && /[A-Za-z]\d*[+-]$/.test(text.trim())) {
    const mag = ox[1] === '' ? 1 : Number(ox[1]);
    return { z, oxidation: ox[2] === '-' ? -mag : mag };
  }
  return { z };
}

function readSymOps(block: CifBlock, file: string): SymOp[] {
  const tags = ['_symmetry_equiv_pos_as_xyz', '_space_group_symop_operation_xyz', '_space_group_symop.operation_xyz'];
  for (const tag of tags) {
    const loop = findLoop(block, tag);
    const list: CifToken[] = loop ? loop.rows.map((r) => r[loop.tags.indexOf(tag)]!) : [];
    const single = block.items.get(tag);
    if (single) list.push(single);
    if (list.length === 0) continue;
    return list.map((t) => {
      const op = parseSymOp(t.text);
      if (!op) throw new InputError(file, t.line, `symmetry operation "${t.text}" is not valid; expected e.g. "-x+1/2, y, z"`);
      return op;
    });
  }
  const hm = findItem(block, '_symmetry_space_group_name_h-m') ?? findItem(block, '_space_group_name_h-m_alt');
  const hall = findItem(block, '_symmetry_space_group_name_hall') ?? findItem(block, '_space_group_name_hall');
  const num = findItem(block, '_symmetry_int_tables_number') ?? findItem(block, '_space_group_it_number');
  const isP1 =
    (isNull(hm) || hm!.text.replace(/\s+/g, '').toUpperCase() === 'P1') &&
    (isNull(hall) || hall!.text.replace(/\s+/g, '').toUpperCase() === 'P1') &&
    (isNull(num) || num!.text.trim() === '1');
  if (!isP1) {
    const name = !isNull(hm) ? hm!.text : !isNull(num) ? `number ${num!.text}` : hall!.text;
    throw new InputError(
      file,
      (hm ?? num ?? hall)!.line,
      `space group ${name} is given without its symmetry operations; expected a _symmetry_equiv_pos_as_xyz or _space_group_symop_operation_xyz loop`,
    );
  }
  return [IDENTITY];
}

function snapThirds(u: number): number {
  for (const f of [1 / 3, 2 / 3]) if (Math.abs(1 - u / f) < 1e-4) return f;
  return u;
}

/** True if the block lists atom sites. */
export function hasAtomSites(block: CifBlock): boolean {
  return !!(findLoop(block, '_atom_site_fract_x') ?? findLoop(block, '_atom_site_cartn_x'));
}

/** Builds the Structure of one CIF data block. */
export function blockToStructure(block: CifBlock, file: string): Structure {
  const a = numberItem(block, '_cell_length_a', file);
  const b = numberItem(block, '_cell_length_b', file);
  const c = numberItem(block, '_cell_length_c', file);
  const alpha = numberItem(block, '_cell_angle_alpha', file);
  const beta = numberItem(block, '_cell_angle_beta', file);
  const gamma = numberItem(block, '_cell_angle_gamma', file);
  if (!(alpha < 180 && beta < 180 && gamma < 180 && alpha + beta + gamma < 360 && alpha + beta > gamma && beta + gamma > alpha && alpha + gamma > beta)) {
    throw new InputError(file, block.line, `cell angles ${alpha}, ${beta}, ${gamma}° do not form a cell; expected a valid triclinic cell`);
  }
  const cell = cellFromParameters(a, b, c, alpha, beta, gamma);
  const ops = readSymOps(block, file);

  const fracLoop = findLoop(block, '_atom_site_fract_x');
  const cartLoop = fracLoop ? undefined : findLoop(block, '_atom_site_cartn_x');
  const loop = fracLoop ?? cartLoop;
  if (!loop || loop.rows.length === 0) {
    throw new InputError(file, block.line, `no atom sites in data_${block.name}; expected an _atom_site_fract_x/y/z loop`);
  }
  const col = (tag: string): number => loop.tags.indexOf(tag);
  const prefix = fracLoop ? '_atom_site_fract_' : '_atom_site_cartn_';
  const ix = col(prefix + 'x');
  const iy = col(prefix + 'y');
  const iz = col(prefix + 'z');
  if (iy < 0 || iz < 0) throw new InputError(file, loop.line, `the atom-site loop lacks ${prefix}y or ${prefix}z`);
  const iType = col('_atom_site_type_symbol');
  const iLabel = col('_atom_site_label');
  const iOcc = col('_atom_site_occupancy');
  if (iType < 0 && iLabel < 0) {
    throw new InputError(file, loop.line, 'the atom-site loop has neither _atom_site_type_symbol nor _atom_site_label');
  }
  const inv = cartLoop ? cellInverse(cell) : undefined;

  const numbers: number[] = [];
  const positions: number[] = [];
  const occupancy: number[] = [];
  const labels: string[] = [];
  const oxidation: number[] = [];
  let anyOxidation = false;
  for (const row of loop.rows) {
    const symTok = iType >= 0 && !isNull(row[iType]) ? row[iType]! : row[iLabel]!;
    const el = isNull(symTok) ? undefined : elementOf(symTok.text);
    if (!el) throw new InputError(file, symTok.line, `unknown element "${symTok.text}"; expected an element symbol such as Na, Cl or Na1+`);
    const xyz = [ix, iy, iz].map((k, axis) => {
      const t = row[k]!;
      const v = isNull(t) ? undefined : cifNumber(t);
      if (v === undefined) throw new InputError(file, t.line, `${loop.tags[k]} is "${t.text}"; expected a number for coordinate ${'xyz'[axis]}`);
      return v;
    });
    let frac = xyz;
    if (inv) frac = [0, 1, 2].map((j) => xyz[0]! * inv[j]! + xyz[1]! * inv[3 + j]! + xyz[2]! * inv[6 + j]!);
    else frac = frac.map(snapThirds);
    let occ = 1;
    if (iOcc >= 0 && !isNull(row[iOcc])) {
      const v = cifNumber(row[iOcc]!);
      if (v === undefined || v < 0 || v > 1.0001) {
        throw new InputError(file, row[iOcc]!.line, `occupancy "${row[iOcc]!.text}" is not a number in [0, 1]`);
      }
      occ = Math.min(v, 1);
    }
    const label = iLabel >= 0 && !isNull(row[iLabel]) ? row[iLabel]!.text : symTok.text;
    if (el.oxidation !== undefined) anyOxidation = true;
    for (const p of orbit(frac, ops)) {
      numbers.push(el.z);
      occupancy.push(occ);
      labels.push(label);
      oxidation.push(el.oxidation ?? 0);
      for (let k = 0; k < 3; k++) positions.push(p[0]! * cell[0][k] + p[1]! * cell[1][k] + p[2]! * cell[2][k]);
    }
  }

  const structure: Structure = {
    cell,
    numbers: Uint8Array.from(numbers),
    positions: Float64Array.from(positions),
    pbc: [true, true, true],
    arrays: { occupancy: Float64Array.from(occupancy), label: labels },
    info: { format: 'cif', block: block.name, symmetryOperations: ops.length },
  };
  if (anyOxidation) structure.arrays!.oxidation = Float64Array.from(oxidation);
  const hm = findItem(block, '_symmetry_space_group_name_h-m') ?? findItem(block, '_space_group_name_h-m_alt');
  if (!isNull(hm)) structure.info!.spaceGroup = hm!.text;
  return structure;
}
