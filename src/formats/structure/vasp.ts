/**
 * VASP POSCAR/CONTCAR and XDATCAR.
 *
 * POSCAR: comment; scale (one number: > 0 multiplies lattice and Cartesian coordinates, < 0 is
 * the target cell volume in Å³; or three per-axis factors); three lattice vectors (Å); VASP 5
 * species line (VASP 4 files without it: species are taken from the comment line if it lists
 * elements, as ASE does); counts; optional "Selective dynamics" (flags kept in
 * `arrays.selectiveDynamics`, 1 = T); "Direct" or "Cartesian"/"Kartesian" (first letter);
 * positions. A velocity block after the positions is ignored.
 *
 * XDATCAR (VASP 5): the same header, then blocks "Direct configuration= k" of positions. With
 * a variable cell (ISIF ≥ 3 runs) the header repeats before every block.
 */
import { InputError } from '../../core/errors.js';
import { atomicNumber, elementSymbol } from '../../core/elements.js';
import { decodeText } from '../text.js';
import type { FileFormat, FileHead } from '../types.js';
import type { Cell, Structure } from '../../atoms/structure.js';
import { cellVolume } from '../../atoms/structure.js';
import type { Frame, Trajectory } from '../../atoms/trajectory.js';
import { isValidCell, toCartesian, toFractional } from '../../atoms/lattice.js';
import { speciesCounts } from '../../atoms/composition.js';
import { LineCursor, elementOf, int, isTrajectory, lazyTrajectory, num, tokens } from './common.js';

interface VaspHeader {
  comment: string;
  cell: Cell;
  /** Multiplies Cartesian coordinates (the scale factor(s)). */
  scale: [number, number, number];
  numbers: Uint8Array;
}

function isNumberToken(t: string): boolean {
  return t !== '' && Number.isFinite(Number(t));
}

/** Reads comment … counts; the cursor is left before the line after the counts. */
function readHeader(cur: LineCursor, file: string): VaspHeader {
  const comment = cur.next();
  if (comment === undefined) throw new InputError(file, cur.line + 1, 'file ends before the POSCAR header');
  const scaleLine = cur.next();
  if (scaleLine === undefined) throw new InputError(file, cur.line + 1, 'file ends before the scale factor');
  const st = tokens(scaleLine);
  const lineScale = cur.line;
  if (st.length !== 1 && !(st.length >= 3 && isNumberToken(st[1]!) && isNumberToken(st[2]!))) {
    throw new InputError(file, lineScale, 'expected the scale factor (one number, or three)');
  }
  const rawScale = st.length === 1 || !isNumberToken(st[1]!) ? [num(st[0], file, lineScale, 'scale factor')] : st.slice(0, 3).map((t) => num(t, file, lineScale, 'scale factor'));
  const rows: number[][] = [];
  for (let k = 0; k < 3; k++) {
    const l = cur.next();
    if (l === undefined) throw new InputError(file, cur.line + 1, 'file ends inside the lattice vectors');
    const t = tokens(l);
    if (t.length < 3) throw new InputError(file, cur.line, `lattice vector has ${t.length} numbers; expected 3 (Å)`);
    rows.push(t.slice(0, 3).map((x, i) => num(x, file, cur.line, `lattice vector ${k + 1} component ${i + 1}`)));
  }
  let cell: Cell = [rows[0] as [number, number, number], rows[1] as [number, number, number], rows[2] as [number, number, number]];
  if (!isValidCell(cell)) throw new InputError(file, cur.line, 'the lattice vectors span zero volume; expected three independent vectors');
  let scale: [number, number, number];
  if (rawScale.length === 1) {
    const s0 = rawScale[0]!;
    if (s0 === 0) throw new InputError(file, lineScale, 'scale factor is 0; expected > 0 (factor) or < 0 (volume, Å³)');
    const s = s0 > 0 ? s0 : Math.cbrt(-s0 / cellVolume(cell));
    scale = [s, s, s];
  } else {
    if (rawScale.some((x) => !(x > 0))) throw new InputError(file, lineScale, 'per-axis scale factors must be > 0');
    scale = rawScale as [number, number, number];
  }
  cell = cell.map((r) => [r[0] * scale[0], r[1] * scale[1], r[2] * scale[2]]) as Cell;
  let speciesLine = cur.next();
  if (speciesLine === undefined) throw new InputError(file, cur.line + 1, 'file ends before the species/counts line');
  let species: number[];
  let countTokens: string[];
  let countLine: number;
  const t6 = tokens(speciesLine);
  if (t6.length > 0 && isNumberToken(t6[0]!)) {
    // VASP 4: no species line. Try the comment ("Na Hf O Cl" as ASE writes it).
    countTokens = t6;
    countLine = cur.line;
    const guess = tokens(comment).filter((t) => atomicNumber(t) !== undefined);
    if (guess.length < t6.length) {
      throw new InputError(file, cur.line, 'no species line (VASP 4 format) and the comment does not name the elements; expected element symbols on line 6');
    }
    species = guess.slice(0, t6.length).map((t) => elementOf(t, file, 1));
  } else {
    species = t6.map((t) => elementOf(t, file, cur.line));
    speciesLine = cur.next();
    if (speciesLine === undefined) throw new InputError(file, cur.line + 1, 'file ends before the atom counts');
    countTokens = tokens(speciesLine);
    countLine = cur.line;
  }
  if (countTokens.length !== species.length) {
    throw new InputError(file, countLine, `${countTokens.length} counts for ${species.length} species; expected one count per species`);
  }
  const counts = countTokens.map((t) => int(t, file, countLine, 'atom count'));
  const n = counts.reduce((a, b) => a + b, 0);
  if (counts.some((c) => c < 0) || n === 0) throw new InputError(file, countLine, 'atom counts must be ≥ 0 with at least one atom');
  const numbers = new Uint8Array(n);
  let k = 0;
  species.forEach((z, s) => numbers.fill(z, k, (k += counts[s]!)));
  return { comment, cell, scale, numbers };
}

/** Reads n position lines; returns Cartesian Å. Flags (T/F) after the numbers are optional. */
function readPositions(
  cur: LineCursor,
  file: string,
  h: VaspHeader,
  direct: boolean,
  selective: Int32Array | undefined,
  what: string,
): Float64Array {
  const n = h.numbers.length;
  const p = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const l = cur.next();
    if (l === undefined) throw new InputError(file, cur.line + 1, `file ends after ${i} of ${n} positions in ${what} (truncated)`);
    const t = tokens(l);
    if (t.length < 3) throw new InputError(file, cur.line, `position line has ${t.length} fields; expected x y z`);
    p[3 * i] = num(t[0], file, cur.line, 'x');
    p[3 * i + 1] = num(t[1], file, cur.line, 'y');
    p[3 * i + 2] = num(t[2], file, cur.line, 'z');
    if (selective) {
      for (let k = 0; k < 3; k++) {
        const f = t[3 + k];
        if (f === undefined || !/^[TF]/i.test(f)) throw new InputError(file, cur.line, 'Selective dynamics needs three T/F flags after x y z');
        selective[3 * i + k] = /^T/i.test(f) ? 1 : 0;
      }
    }
  }
  if (direct) return toCartesian(h.cell, p);
  for (let i = 0; i < p.length; i++) p[i]! *= h.scale[i % 3]!;
  return p;
}

/** Reads a POSCAR/CONTCAR. */
export function readPoscar(bytes: Uint8Array, file: string): Structure {
  const cur = new LineCursor(decodeText(bytes));
  const h = readHeader(cur, file);
  let mode = cur.next();
  if (mode === undefined) throw new InputError(file, cur.line + 1, 'file ends before "Direct" or "Cartesian"');
  let selective: Int32Array | undefined;
  if (/^\s*s/i.test(mode)) {
    selective = new Int32Array(3 * h.numbers.length);
    mode = cur.next();
    if (mode === undefined) throw new InputError(file, cur.line + 1, 'file ends before "Direct" or "Cartesian"');
  }
  const m = mode.trim()[0]?.toLowerCase();
  if (m !== 'd' && m !== 'c' && m !== 'k') throw new InputError(file, cur.line, `found "${mode.trim()}"; expected "Direct" or "Cartesian"`);
  const positions = readPositions(cur, file, h, m === 'd', selective, 'the POSCAR');
  const s: Structure = { cell: h.cell, numbers: h.numbers, positions, pbc: [true, true, true], info: { comment: h.comment.trim() } };
  if (selective) s.arrays = { selectiveDynamics: selective };
  return s;
}

/** Reads a VASP XDATCAR (fixed or variable cell). */
export function readXdatcar(bytes: Uint8Array, file: string): Trajectory {
  const text = decodeText(bytes);
  const cur = new LineCursor(text);
  const h0 = readHeader(cur, file);
  // Pre-scan block starts: each is {header?, configuration line}.
  interface Block {
    pos: number;
    line: number;
    header: boolean;
  }
  const blocks: Block[] = [];
  const n = h0.numbers.length;
  const scan = cur.clone();
  let headerNext = false;
  for (;;) {
    const before = scan.clone();
    const l = scan.next();
    if (l === undefined) break;
    if (l.trim() === '') continue;
    if (/configuration/i.test(l)) {
      blocks.push({ pos: before.pos, line: before.line, header: headerNext });
      headerNext = false;
      if (!scan.skip(n)) throw new InputError(file, scan.line + 1, `file ends inside configuration ${blocks.length} (truncated frame)`);
      continue;
    }
    // A repeated header (variable-cell XDATCAR): comment, scale, 3 vectors, species, counts.
    const hb = before.clone();
    readHeader(hb, file);
    blocks.push({ pos: before.pos, line: before.line, header: true });
    const conf = hb.next();
    if (conf === undefined || !/configuration/i.test(conf)) throw new InputError(file, hb.line, 'expected "Direct configuration= k" after the header');
    if (!hb.skip(n)) throw new InputError(file, hb.line + 1, `file ends inside configuration ${blocks.length} (truncated frame)`);
    scan.pos = hb.pos;
    scan.line = hb.line;
  }
  if (blocks.length === 0) throw new InputError(file, cur.line + 1, 'no "Direct configuration=" blocks; expected an XDATCAR');
  const variable = blocks.some((b) => b.header);
  const parse = (b: Block, k: number): Frame => {
    const c = new LineCursor(text, b.pos, b.line);
    let h = h0;
    if (b.header) {
      h = readHeader(c, file);
      if (h.numbers.length !== n || h.numbers.some((z, i) => z !== h0.numbers[i])) {
        throw new InputError(file, c.line, `configuration ${k + 1} lists different atoms than the first header`);
      }
    }
    const conf = c.nextNonBlank()!;
    const direct = !/cartesian/i.test(conf);
    return { positions: readPositions(c, file, h, direct, undefined, `configuration ${k + 1}`), cell: h.cell };
  };
  const first = parse(blocks[0]!, 0);
  const structure: Structure = {
    cell: first.cell,
    numbers: h0.numbers,
    positions: first.positions,
    pbc: [true, true, true],
    info: { comment: h0.comment.trim(), variableCell: variable },
  };
  return lazyTrajectory(structure, blocks.length, (k) => (k === 0 ? first : parse(blocks[k]!, k)));
}

/** Scores a POSCAR-like header: 2 = numeric scale, lattice rows and counts check out. */
function poscarHeaderLooksRight(lines: string[]): boolean {
  if (lines.length < 8) return false;
  const s = tokens(lines[1]!);
  if (!(s.length === 1 || s.length === 3) || !s.every(isNumberToken)) return false;
  for (let k = 2; k < 5; k++) {
    const t = tokens(lines[k]!);
    if (t.length < 3 || !t.slice(0, 3).every(isNumberToken)) return false;
  }
  // Counts are positive whole numbers, on line 6 (VASP 4) or line 7 after the species line
  // (VASP 5); the next line starts with Selective / Direct / Cartesian (first letter decides).
  // Without these checks any table of three numbers per row would pass for a POSCAR.
  const counts = (t: string[]) => t.length > 0 && t.every((x) => /^[1-9]\d*$/.test(x));
  const modeLine = (l: string | undefined) => l !== undefined && /^\s*[SsDdCcKk]/.test(l);
  const t6 = tokens(lines[5]!);
  if (counts(t6)) return modeLine(lines[6]);
  const t7 = tokens(lines[6]!);
  return t6.length > 0 && t6.every((t) => /^[A-Z][a-z]?(?:[_/].*)?$/.test(t)) && t7.length === t6.length && counts(t7) && modeLine(lines[7]);
}

export const poscarFormat: FileFormat<Structure | Trajectory> = {
  id: 'poscar',
  name: 'VASP POSCAR/CONTCAR',
  kind: 'structure',
  sniff(head: FileHead) {
    if (head.binary) return 0;
    const lines = head.text.split(/\r?\n/, 10);
    if (!poscarHeaderLooksRight(lines)) return 0;
    return lines.some((l) => /configuration/i.test(l)) ? 0 : 80;
  },
  read: (bytes, file) => readPoscar(bytes, file),
  summarize: (d) => ({ atoms: isTrajectory(d) ? d.structure.numbers.length : d.numbers.length, frames: 1 }),
};

export const xdatcarFormat: FileFormat<Structure | Trajectory> = {
  id: 'xdatcar',
  name: 'VASP XDATCAR',
  kind: 'trajectory',
  sniff(head: FileHead) {
    if (head.binary) return 0;
    const lines = head.text.split(/\r?\n/, 10);
    if (!poscarHeaderLooksRight(lines)) return 0;
    return lines.slice(6, 9).some((l) => /^\s*(Direct|Cartesian)\s+configuration/i.test(l)) ? 95 : 0;
  },
  read: (bytes, file) => readXdatcar(bytes, file),
  summarize: (d) => ({ atoms: isTrajectory(d) ? d.structure.numbers.length : d.numbers.length, frames: isTrajectory(d) ? d.frameCount ?? 0 : 1 }),
};

/** Writes a VASP 5 POSCAR (species grouped in order of first appearance, Direct coordinates). */
export function writePoscar(s: Structure, comment = 'written by superionic'): string {
  const species = speciesCounts(s.numbers);
  const order = species.map(([z]) => z);
  const idx: number[] = [];
  for (const z of order) s.numbers.forEach((zz, i) => zz === z && idx.push(i));
  const f = new Float64Array(3 * idx.length);
  const p = new Float64Array(3 * idx.length);
  idx.forEach((i, k) => p.set(s.positions.subarray(3 * i, 3 * i + 3), 3 * k));
  // Fractional coordinates of the regrouped atoms.
  const frac = toFractional(s.cell, p, f);
  const fmt = (x: number): string => x.toFixed(10).padStart(16);
  const lines = [comment.replace(/[\r\n]+/g, ' '), '1.0'];
  for (const r of s.cell) lines.push(`${fmt(r[0])}${fmt(r[1])}${fmt(r[2])}`);
  lines.push(order.map((z) => elementSymbol(z).padStart(5)).join(''));
  lines.push(species.map(([, count]) => String(count).padStart(5)).join(''));
  lines.push('Direct');
  for (let k = 0; k < idx.length; k++) lines.push(`${fmt(frac[3 * k]!)}${fmt(frac[3 * k + 1]!)}${fmt(frac[3 * k + 2]!)}`);
  return lines.join('\n') + '\n';
}
