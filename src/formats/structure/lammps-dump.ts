/**
 * LAMMPS text dump files (`dump atom` / `dump custom`), any number of frames:
 * `ITEM: TIMESTEP`, `ITEM: NUMBER OF ATOMS`, `ITEM: BOX BOUNDS [xy xz yz] pp pp pp` (triclinic
 * bounds are the bounding box; converted to xlo… as the LAMMPS manual's Howto triclinic gives),
 * `ITEM: ATOMS id type|element …` with coordinates x y z (wrapped Cartesian), xu yu zu
 * (unwrapped), xs ys zs (scaled), xsu ysu zsu (scaled unwrapped); with x y z plus ix iy iz the
 * positions are unwrapped using the image flags. Atoms are sorted by id in every frame.
 * Species: the `element` column, else types mapped through `typeElements`; without either the
 * atoms are element 0 ("X") and `info.typesOnly` is true so callers can ask for a mapping.
 */
import { InputError } from '../../core/errors.js';
import { decodeText } from '../text.js';
import type { FileFormat, FileHead } from '../types.js';
import type { Cell, Structure } from '../../atoms/structure.js';
import type { Frame, Trajectory } from '../../atoms/trajectory.js';
import { isValidCell } from '../../atoms/lattice.js';
import { LineCursor, elementOf, int, isTrajectory, lazyTrajectory, num, tokens } from './common.js';
import { boxCell, typeMapFromList, type LammpsBox } from './lammps-common.js';
import type { LammpsReadOptions } from './lammps-data.js';

export interface ParsedDumpFrame {
  frame: Frame;
  numbers: Uint8Array;
  types: Int32Array;
  typesOnly: boolean;
  pbc: [boolean, boolean, boolean];
  origin: number[];
}

function expectItem(cur: LineCursor, file: string, item: string): string {
  const l = cur.nextNonBlank();
  if (l === undefined) throw new InputError(file, cur.line + 1, `file ends before "ITEM: ${item}" (truncated frame)`);
  if (!l.startsWith(`ITEM: ${item}`)) throw new InputError(file, cur.line, `found "${l.trim().slice(0, 50)}"; expected "ITEM: ${item}"`);
  return l;
}

/** Parses one dump frame at the cursor (from its ITEM: TIMESTEP line). */
export function parseDumpFrame(cur: LineCursor, file: string, opts: LammpsReadOptions, k: number): ParsedDumpFrame {
  expectItem(cur, file, 'TIMESTEP');
  const stepLine = cur.next();
  const step = int(tokens(stepLine ?? '')[0], file, cur.line, 'time step');
  expectItem(cur, file, 'NUMBER OF ATOMS');
  const n = int(tokens(cur.next() ?? '')[0], file, cur.line, 'atom count');
  const boxItem = expectItem(cur, file, 'BOX BOUNDS');
  const flags = tokens(boxItem.slice('ITEM: BOX BOUNDS'.length));
  const triclinic = flags.includes('xy');
  const pbcFlags = flags.filter((f) => f !== 'xy' && f !== 'xz' && f !== 'yz');
  const pbc: [boolean, boolean, boolean] = [0, 1, 2].map((d) => (pbcFlags[d] ?? 'pp') === 'pp') as [boolean, boolean, boolean];
  const b: number[][] = [];
  for (let d = 0; d < 3; d++) {
    const l = cur.next();
    if (l === undefined) throw new InputError(file, cur.line + 1, 'file ends inside BOX BOUNDS (truncated frame)');
    const t = tokens(l);
    if (t.length < (triclinic ? 3 : 2)) throw new InputError(file, cur.line, `box bound line has ${t.length} numbers; expected ${triclinic ? 3 : 2}`);
    b.push(t.slice(0, triclinic ? 3 : 2).map((x) => num(x, file, cur.line, 'box bound')));
  }
  const box: LammpsBox = { lo: [b[0]![0]!, b[1]![0]!, b[2]![0]!], hi: [b[0]![1]!, b[1]![1]!, b[2]![1]!], xy: 0, xz: 0, yz: 0 };
  if (triclinic) {
    const xy = b[0]![2]!, xz = b[1]![2]!, yz = b[2]![2]!;
    box.xy = xy;
    box.xz = xz;
    box.yz = yz;
    box.lo[0] -= Math.min(0, xy, xz, xy + xz);
    box.hi[0] -= Math.max(0, xy, xz, xy + xz);
    box.lo[1] -= Math.min(0, yz);
    box.hi[1] -= Math.max(0, yz);
  }
  const cell: Cell = boxCell(box);
  if (!isValidCell(cell)) throw new InputError(file, cur.line, 'BOX BOUNDS give zero or negative volume');
  const atomsItem = expectItem(cur, file, 'ATOMS');
  const cols = tokens(atomsItem.slice('ITEM: ATOMS'.length));
  const at = (name: string): number => cols.indexOf(name);
  const idCol = at('id');
  const typeCol = at('type');
  const elCol = at('element');
  let xyz: number[] | undefined;
  let mode: 'cart' | 'scaled' = 'cart';
  let unwrapped = false;
  for (const [names, m, u] of [
    [['xu', 'yu', 'zu'], 'cart', true],
    [['x', 'y', 'z'], 'cart', false],
    [['xsu', 'ysu', 'zsu'], 'scaled', true],
    [['xs', 'ys', 'zs'], 'scaled', false],
  ] as const) {
    const idx = names.map(at);
    if (idx.every((i) => i >= 0)) {
      xyz = idx;
      mode = m;
      unwrapped = u;
      break;
    }
  }
  if (!xyz) throw new InputError(file, cur.line, 'ITEM: ATOMS has no coordinate columns; expected x y z, xu yu zu, xs ys zs or xsu ysu zsu');
  const img = ['ix', 'iy', 'iz'].map(at);
  const useImages = !unwrapped && img.every((i) => i >= 0);
  const width = cols.length;
  const ids = new Int32Array(n);
  const types = new Int32Array(n);
  const zs = new Uint8Array(n);
  const raw = new Float64Array(3 * n);
  const typeZ = typeMapFromList(opts.typeElements);
  const elCache = new Map<string, number>();
  const typesOnly = elCol < 0 && !opts.typeElements;
  for (let i = 0; i < n; i++) {
    const l = cur.next();
    if (l === undefined || l.startsWith('ITEM:')) {
      throw new InputError(file, cur.line + (l === undefined ? 1 : 0), `frame ${k + 1} (step ${step}) ends after ${i} of ${n} atoms (truncated frame)`);
    }
    const t = tokens(l);
    if (t.length < width) throw new InputError(file, cur.line, `atom line has ${t.length} fields; ITEM: ATOMS names ${width}`);
    ids[i] = idCol >= 0 ? int(t[idCol], file, cur.line, 'id') : i + 1;
    types[i] = typeCol >= 0 ? int(t[typeCol], file, cur.line, 'type') : 0;
    if (elCol >= 0) {
      const e = t[elCol]!;
      let z = elCache.get(e);
      if (z === undefined) elCache.set(e, (z = elementOf(e, file, cur.line)));
      zs[i] = z;
    } else if (!typesOnly) {
      const z = typeZ.get(types[i]!);
      if (z === undefined) throw new InputError(file, cur.line, `atom type ${types[i]} has no element in the list given`);
      zs[i] = z;
    }
    let x = num(t[xyz[0]!], file, cur.line, cols[xyz[0]!]!);
    let y = num(t[xyz[1]!], file, cur.line, cols[xyz[1]!]!);
    let z = num(t[xyz[2]!], file, cur.line, cols[xyz[2]!]!);
    if (mode === 'scaled') {
      const [a, bb, c] = cell;
      const u = x, v = y, w = z;
      x = box.lo[0] + u * a[0] + v * bb[0] + w * c[0];
      y = box.lo[1] + v * bb[1] + w * c[1];
      z = box.lo[2] + w * c[2];
    }
    if (useImages) {
      const ix = int(t[img[0]!], file, cur.line, 'ix'), iy = int(t[img[1]!], file, cur.line, 'iy'), iz = int(t[img[2]!], file, cur.line, 'iz');
      x += ix * cell[0][0] + iy * cell[1][0] + iz * cell[2][0];
      y += iy * cell[1][1] + iz * cell[2][1];
      z += iz * cell[2][2];
    }
    raw[3 * i] = x;
    raw[3 * i + 1] = y;
    raw[3 * i + 2] = z;
  }
  // Sort by id (dumps from parallel runs are unordered).
  let sorted = true;
  for (let i = 1; i < n; i++) if (ids[i]! < ids[i - 1]!) sorted = false;
  let positions = raw;
  let numbers = zs;
  let typeArr = types;
  if (!sorted) {
    const order = Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]!);
    positions = new Float64Array(3 * n);
    numbers = new Uint8Array(n);
    typeArr = new Int32Array(n);
    order.forEach((src, dst) => {
      positions.set(raw.subarray(3 * src, 3 * src + 3), 3 * dst);
      numbers[dst] = zs[src]!;
      typeArr[dst] = types[src]!;
    });
  }
  const frame: Frame = { positions, cell, step };
  if (unwrapped || useImages) frame.unwrapped = true;
  return { frame, numbers, types: typeArr, typesOnly, pbc, origin: [...box.lo] };
}

/** The Structure of a first dump frame. */
export function dumpFirstStructure(first: ParsedDumpFrame): Structure {
  return {
    cell: first.frame.cell,
    numbers: first.numbers,
    positions: first.frame.positions,
    pbc: first.pbc,
    arrays: { type: first.types },
    info: { step: first.frame.step, origin: first.origin, typesOnly: first.typesOnly },
  };
}

/** Throws unless frame k has the same atoms (count, species and types by id) as the first. */
export function requireSameAtoms(first: ParsedDumpFrame, p: ParsedDumpFrame, file: string, startLine: number, k: number): void {
  if (p.numbers.length !== first.numbers.length) {
    throw new InputError(file, startLine + 4, `frame ${k + 1} has ${p.numbers.length} atoms, the first ${first.numbers.length}; a trajectory needs a fixed atom count`);
  }
  for (let i = 0; i < p.numbers.length; i++) {
    if (p.numbers[i] !== first.numbers[i] || p.types[i] !== first.types[i]) {
      throw new InputError(file, startLine + 1, `atom ${i + 1} of frame ${k + 1} changed species`);
    }
  }
}

export function readLammpsDump(bytes: Uint8Array, file: string, opts: LammpsReadOptions = {}): Structure | Trajectory {
  const text = decodeText(bytes);
  // Pre-scan frame starts by the TIMESTEP items.
  const starts: { pos: number; line: number }[] = [];
  const cur = new LineCursor(text);
  for (;;) {
    const before = cur.clone();
    const l = cur.next();
    if (l === undefined) break;
    if (l.startsWith('ITEM: TIMESTEP')) starts.push({ pos: before.pos, line: before.line });
  }
  if (starts.length === 0) throw new InputError(file, 1, 'no "ITEM: TIMESTEP"; expected a LAMMPS text dump');
  const first = parseDumpFrame(new LineCursor(text, starts[0]!.pos, starts[0]!.line), file, opts, 0);
  const structure = dumpFirstStructure(first);
  if (starts.length === 1) return structure;
  const frameAt = (k: number): Frame => {
    if (k === 0) return first.frame;
    const p = parseDumpFrame(new LineCursor(text, starts[k]!.pos, starts[k]!.line), file, opts, k);
    requireSameAtoms(first, p, file, starts[k]!.line, k);
    return p.frame;
  };
  return lazyTrajectory(structure, starts.length, frameAt);
}

export const lammpsDumpFormat: FileFormat<Structure | Trajectory> = {
  id: 'lammps-dump',
  name: 'LAMMPS text dump',
  kind: 'trajectory',
  sniff: (head: FileHead) => (!head.binary && /^ITEM: TIMESTEP/.test(head.text.trimStart()) ? 98 : 0),
  read: (bytes, file) => readLammpsDump(bytes, file),
  summarize: (d) =>
    isTrajectory(d)
      ? { kind: 'trajectory' as const, atoms: d.structure.numbers.length, frames: d.frameCount ?? 0 }
      : { kind: 'trajectory' as const, atoms: d.numbers.length, frames: 1 },
};
