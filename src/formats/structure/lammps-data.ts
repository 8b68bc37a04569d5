/**
 * LAMMPS data files (read_data / write_data): header counts and box (xlo xhi, ylo yhi, zlo zhi,
 * optional xy xz yz tilts), `Masses` (elements from a `# Na` comment, else from the nearest
 * standard atomic mass), `Atoms # style` with styles atomic (id type x y z), charge (id type q
 * x y z), molecular (id mol type x y z) and full (id mol type q x y z), each optionally
 * followed by image flags. Without a style comment the style is inferred from the column count.
 * Positions are Cartesian Å as written (not shifted by the box origin, which is kept in
 * `info.origin`); atoms are ordered by id. Charges go to `arrays.charge` (e), molecule ids to
 * `arrays.molecule`, image flags to `arrays.image`, types to `arrays.type`.
 */
import { InputError } from '../../core/errors.js';
import { elementSymbol, atomicMass } from '../../core/elements.js';
import { decodeText } from '../text.js';
import type { FileFormat, FileHead } from '../types.js';
import type { Structure } from '../../atoms/structure.js';
import type { Trajectory } from '../../atoms/trajectory.js';
import { isValidCell } from '../../atoms/lattice.js';
import { LineCursor, elementOf, int, isTrajectory, num, tokens } from './common.js';
import { boxCell, elementFromMass, requireType, type LammpsBox } from './lammps-common.js';

export interface LammpsReadOptions {
  /** Element (Z) of each atom type, index 0 = type 1; overrides Masses. */
  typeElements?: number[];
}

type AtomStyle = 'atomic' | 'charge' | 'molecular' | 'full';
const STYLE_COLUMNS: Record<AtomStyle, { type: number; q?: number; mol?: number; x: number; n: number }> = {
  atomic: { type: 1, x: 2, n: 5 },
  charge: { type: 1, q: 2, x: 3, n: 6 },
  molecular: { mol: 1, type: 2, x: 3, n: 6 },
  full: { mol: 1, type: 2, q: 3, x: 4, n: 7 },
};

const SECTION = /^\s*(Atoms|Masses|Velocities|Bonds|Angles|Dihedrals|Impropers|Ellipsoids|Lines|Triangles|Bodies|Pair Coeffs|PairIJ Coeffs|Bond Coeffs|Angle Coeffs|Dihedral Coeffs|Improper Coeffs|BondBond Coeffs|BondAngle Coeffs|MiddleBondTorsion Coeffs|EndBondTorsion Coeffs|AngleTorsion Coeffs|AngleAngleTorsion Coeffs|BondBond13 Coeffs|AngleAngle Coeffs)\b(.*)$/;

export function readLammpsData(bytes: Uint8Array, file: string, opts: LammpsReadOptions = {}): Structure {
  const cur = new LineCursor(decodeText(bytes));
  const comment = cur.next() ?? '';
  let nAtoms = -1;
  let nTypes = 0;
  const box: LammpsBox = { lo: [0, 0, 0], hi: [0, 0, 0], xy: 0, xz: 0, yz: 0 };
  const seen = new Set<string>();
  let line: string | undefined;
  // Header: until the first section keyword.
  for (;;) {
    line = cur.next();
    if (line === undefined) throw new InputError(file, cur.line, 'file ends before the Atoms section');
    const body = line.replace(/#.*/, '').trim();
    if (body === '') continue;
    if (SECTION.test(body)) break;
    const t = tokens(body);
    const l = cur.line;
    if (/\batoms$/.test(body) && t.length === 2) nAtoms = int(t[0], file, l, 'atom count');
    else if (/\batom types$/.test(body)) nTypes = int(t[0], file, l, 'atom type count');
    else if (/xlo xhi$/.test(body) || /ylo yhi$/.test(body) || /zlo zhi$/.test(body)) {
      const k = body.endsWith('xlo xhi') ? 0 : body.endsWith('ylo yhi') ? 1 : 2;
      box.lo[k] = num(t[0], file, l, 'box lower bound');
      box.hi[k] = num(t[1], file, l, 'box upper bound');
      if (!(box.hi[k] > box.lo[k])) throw new InputError(file, l, `box ${'xyz'[k]}hi ≤ ${'xyz'[k]}lo; expected a positive box length`);
      seen.add('xyz'[k]!);
    } else if (/xy xz yz$/.test(body)) {
      box.xy = num(t[0], file, l, 'xy');
      box.xz = num(t[1], file, l, 'xz');
      box.yz = num(t[2], file, l, 'yz');
    }
    // Other header lines (bonds, extra/bond/per/atom …) are irrelevant here.
  }
  if (nAtoms < 0) throw new InputError(file, 'header', 'no "N atoms" line in the header');
  if (seen.size < 3) throw new InputError(file, 'header', 'the box is incomplete; expected xlo xhi, ylo yhi and zlo zhi lines');
  const cell = boxCell(box);
  if (!isValidCell(cell)) throw new InputError(file, 'header', 'the box has zero volume');

  const types = new Map<number, number>();
  const masses = new Map<number, number>();
  let atomsSeen = false;
  const ids = new Int32Array(nAtoms);
  const typeOf = new Int32Array(nAtoms);
  const raw = new Float64Array(3 * nAtoms);
  let charge: Float64Array | undefined;
  let molecule: Int32Array | undefined;
  let image: Int32Array | undefined;
  let style: AtomStyle | undefined;
  // Sections.
  while (line !== undefined) {
    const m = SECTION.exec(line.trim());
    if (!m) {
      line = cur.next();
      continue;
    }
    const name = m[1]!;
    const headerLine = cur.line;
    if (name === 'Masses') {
      line = readRows(cur, (t, l, text) => {
        const ty = int(t[0], file, l, 'atom type');
        masses.set(ty, num(t[1], file, l, 'mass'));
        const c = /#\s*([A-Za-z]{1,3})\b/.exec(text);
        if (c) types.set(ty, elementOf(c[1]!, file, l));
      });
    } else if (name === 'Atoms') {
      atomsSeen = true;
      const styleWord = /#\s*(\w+)/.exec(m[2] ?? '')?.[1];
      if (styleWord !== undefined) {
        if (!(styleWord in STYLE_COLUMNS)) {
          throw new InputError(file, headerLine, `atom style "${styleWord}" is not supported; expected atomic, charge, molecular or full`);
        }
        style = styleWord as AtomStyle;
      }
      let k = 0;
      line = readRows(cur, (t, l) => {
        if (k >= nAtoms) throw new InputError(file, l, `more atom lines than the ${nAtoms} atoms in the header`);
        if (!style) {
          const n = t.length;
          style = n === 5 || n === 8 ? 'atomic' : n === 6 || n === 9 ? 'charge' : n === 7 || n === 10 ? 'full' : undefined;
          if (!style) throw new InputError(file, l, `atom line has ${n} columns; expected atomic (5), charge (6) or full (7), optionally + 3 image flags`);
        }
        const c = STYLE_COLUMNS[style];
        if (t.length !== c.n && t.length !== c.n + 3) {
          throw new InputError(file, l, `atom line has ${t.length} columns; atom style ${style} needs ${c.n} (or ${c.n + 3} with image flags)`);
        }
        ids[k] = int(t[0], file, l, 'atom id');
        typeOf[k] = int(t[c.type], file, l, 'atom type');
        if (typeOf[k]! < 1 || (nTypes > 0 && typeOf[k]! > nTypes)) throw new InputError(file, l, `atom type ${typeOf[k]} outside 1…${nTypes}`);
        if (c.q !== undefined) (charge ??= new Float64Array(nAtoms))[k] = num(t[c.q], file, l, 'charge');
        if (c.mol !== undefined) (molecule ??= new Int32Array(nAtoms))[k] = int(t[c.mol], file, l, 'molecule id');
        raw[3 * k] = num(t[c.x], file, l, 'x');
        raw[3 * k + 1] = num(t[c.x + 1], file, l, 'y');
        raw[3 * k + 2] = num(t[c.x + 2], file, l, 'z');
        if (t.length === c.n + 3) {
          image ??= new Int32Array(3 * nAtoms);
          for (let d = 0; d < 3; d++) image[3 * k + d] = int(t[c.n + d], file, l, 'image flag');
        }
        k++;
      });
      if (k < nAtoms) throw new InputError(file, cur.line, `Atoms section has ${k} lines; the header says ${nAtoms} atoms (missing atoms)`);
    } else {
      line = readRows(cur, () => undefined);
    }
  }
  if (!atomsSeen) throw new InputError(file, cur.line, 'no Atoms section');
  // Elements of types: user list > Masses comment > nearest mass.
  opts.typeElements?.forEach((z, i) => types.set(i + 1, z));
  for (const [ty, mass] of masses) {
    if (types.has(ty)) continue;
    const z = elementFromMass(mass);
    if (z !== undefined) types.set(ty, z);
  }
  // Order by atom id.
  const order = Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]!);
  for (let k = 1; k < order.length; k++) {
    if (ids[order[k]!] === ids[order[k - 1]!]) throw new InputError(file, 'Atoms', `atom id ${ids[order[k]!]} appears twice`);
  }
  const numbers = new Uint8Array(nAtoms);
  const positions = new Float64Array(3 * nAtoms);
  const typeArr = new Int32Array(nAtoms);
  order.forEach((src, dst) => {
    numbers[dst] = requireType(types, typeOf[src]!, file, 0);
    typeArr[dst] = typeOf[src]!;
    positions.set(raw.subarray(3 * src, 3 * src + 3), 3 * dst);
  });
  const arrays: NonNullable<Structure['arrays']> = { type: typeArr, id: Int32Array.from(order.map((i) => ids[i]!)) };
  if (charge) arrays.charge = Float64Array.from(order.map((i) => charge![i]!));
  if (molecule) arrays.molecule = Int32Array.from(order.map((i) => molecule![i]!));
  if (image) {
    const img = new Int32Array(3 * nAtoms);
    order.forEach((src, dst) => img.set(image!.subarray(3 * src, 3 * src + 3), 3 * dst));
    arrays.image = img;
  }
  return {
    cell,
    numbers,
    positions,
    pbc: [true, true, true],
    arrays,
    info: { comment: comment.trim(), origin: [...box.lo], atomStyle: style, masses: Object.fromEntries(masses) },
  };
}

/**
 * Reads the rows of a section (after its blank line) until the next section keyword or EOF,
 * calling `row` for each non-blank line; returns the keyword line that stopped it (or undefined).
 */
function readRows(cur: LineCursor, row: (t: string[], line: number, text: string) => void): string | undefined {
  for (;;) {
    const l = cur.next();
    if (l === undefined) return undefined;
    const body = l.replace(/#.*/, '').trim();
    if (body === '') continue;
    if (SECTION.test(body)) return l;
    row(tokens(body), cur.line, l);
  }
}

export const lammpsDataFormat: FileFormat<Structure | Trajectory> = {
  id: 'lammps-data',
  name: 'LAMMPS data file',
  kind: 'structure',
  sniff(head: FileHead) {
    if (head.binary) return 0;
    const t = head.text;
    const atoms = /^\s*\d+\s+atoms\s*$/m.test(t);
    const box = /xlo\s+xhi/.test(t);
    return atoms && box ? (/^\s*(Atoms|Masses)\b/m.test(t) ? 95 : 70) : 0;
  },
  read: (bytes, file) => readLammpsData(bytes, file),
  summarize: (d) => ({ atoms: isTrajectory(d) ? d.structure.numbers.length : d.numbers.length, frames: 1 }),
};

/**
 * Writes a LAMMPS data file: atom style `charge` if `arrays.charge` exists, else `atomic`;
 * one type per element in order of first appearance with its mass and a `# El` comment.
 * Positions are written as given (wrap first if the cell should contain them).
 */
export function writeLammpsData(s: Structure, comment = 'written by superionic'): string {
  const [a, b, c] = s.cell;
  if (a[1] !== 0 || a[2] !== 0 || b[2] !== 0) {
    throw new Error('LAMMPS needs a along x and b in the xy plane; rotate the cell first');
  }
  const order: number[] = [];
  for (const z of s.numbers) if (!order.includes(z)) order.push(z);
  const charge = s.arrays?.charge instanceof Float64Array ? s.arrays.charge : undefined;
  const origin = (s.info?.origin as number[] | undefined) ?? [0, 0, 0];
  const f = (x: number): string => x.toFixed(10);
  const out: string[] = [comment.replace(/[\r\n]+/g, ' '), '', `${s.numbers.length} atoms`, `${order.length} atom types`, ''];
  out.push(`${f(origin[0]!)} ${f(origin[0]! + a[0])} xlo xhi`);
  out.push(`${f(origin[1]!)} ${f(origin[1]! + b[1])} ylo yhi`);
  out.push(`${f(origin[2]!)} ${f(origin[2]! + c[2])} zlo zhi`);
  if (b[0] !== 0 || c[0] !== 0 || c[1] !== 0) out.push(`${f(b[0])} ${f(c[0])} ${f(c[1])} xy xz yz`);
  out.push('', 'Masses', '');
  order.forEach((z, i) => out.push(`${i + 1} ${atomicMass(z)} # ${elementSymbol(z)}`));
  out.push('', `Atoms # ${charge ? 'charge' : 'atomic'}`, '');
  const typeOf = new Map(order.map((z, i) => [z, i + 1]));
  const p = s.positions;
  for (let i = 0; i < s.numbers.length; i++) {
    const q = charge ? ` ${charge[i]}` : '';
    out.push(`${i + 1} ${typeOf.get(s.numbers[i]!)}${q} ${f(p[3 * i]!)} ${f(p[3 * i + 1]!)} ${f(p[3 * i + 2]!)}`);
  }
  return out.join('\n') + '\n';
}
