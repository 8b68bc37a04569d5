/**
 * XYZ, extended XYZ and CP2K xyz trajectories (one reader: they share the frame layout
 * "N / comment / N atom lines").
 *
 * - Extended XYZ (ASE/QUIP convention): the comment holds key=value pairs, `Lattice="ax ay az
 *   bx by bz cx cy cz"` (Å, rows a, b, c), `Properties=species:S:1:pos:R:3:…` naming the
 *   columns, `pbc="T T T"` (default T T T when a Lattice is given). `Time=` is read as ps.
 *   Other per-atom columns of the first frame go to `structure.arrays` under their names;
 *   a `vel:R:3` column is taken as velocities in Å/fs (GPUMD's convention).
 * - CP2K `*-pos-*.xyz`: comments like `i = 10, time = 5.000, E = …` (time in fs); the cell
 *   is not in the file — pass it (`cells`, e.g. from the CP2K `.cell` file, see cp2k-cell.ts).
 * - Plain XYZ: element and x y z (Å) in the first four columns, no cell (non-periodic).
 *
 * One frame → Structure; several → Trajectory whose frames are parsed lazily. All frames must
 * list the same species in the same order.
 */
import { InputError } from '../../core/errors.js';
import { decodeText } from '../text.js';
import type { FileFormat, FileHead } from '../types.js';
import type { Cell, Structure } from '../../atoms/structure.js';
import type { Frame, Trajectory } from '../../atoms/trajectory.js';
import { isValidCell } from '../../atoms/lattice.js';
import {
  LineCursor,
  ZERO_CELL,
  cellFrom9,
  elementOf,
  evenTimestep,
  int,
  isTrajectory,
  lazyTrajectory,
  num,
  tokens,
} from './common.js';

export interface XyzReadOptions {
  /** Cell(s) for files without a Lattice (CP2K): one for all frames or one per frame, Å. */
  cells?: Cell[];
  /** Cells by MD step (a CP2K .cell file), used for frames whose comment gives the step. */
  cellsByStep?: Map<number, Cell>;
}

interface Column {
  name: string;
  type: string;
  n: number;
  start: number;
}

export interface ParsedXyzFrame {
  numbers: Uint8Array;
  frame: Frame;
  pbc: [boolean, boolean, boolean];
  hasCell: boolean;
  comment: string;
  arrays?: Record<string, Float64Array | Int32Array | string[]>;
  info: Record<string, unknown>;
}

/** Parses `key=value key="quoted value" key={a b c} flag` pairs of an extended-XYZ comment. */
export function parseExtxyzComment(comment: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\s*([A-Za-z_][\w.-]*)(?:\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|\{([^}]*)\}|\[([^\]]*)\]|(\S+)))?/y;
  let pos = 0;
  while (pos < comment.length) {
    re.lastIndex = pos;
    const m = re.exec(comment);
    if (!m || m[0].length === 0) {
      pos++;
      continue;
    }
    const value = m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? 'T';
    out.set(m[1]!, value);
    pos = re.lastIndex;
  }
  return out;
}

function lookup(kv: Map<string, string>, key: string): string | undefined {
  const direct = kv.get(key);
  if (direct !== undefined) return direct;
  const lower = key.toLowerCase();
  for (const [k, v] of kv) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function parseColumns(spec: string, file: string, line: number): Column[] {
  const parts = spec.split(':');
  if (parts.length % 3 !== 0) throw new InputError(file, line, `Properties="${spec}" is not name:type:count triples`);
  const cols: Column[] = [];
  let start = 0;
  for (let i = 0; i < parts.length; i += 3) {
    const n = Number(parts[i + 2]);
    const type = parts[i + 1]!.toUpperCase();
    if (!Number.isInteger(n) || n < 1 || !'SRIL'.includes(type) || type.length !== 1) {
      throw new InputError(file, line, `Properties entry "${parts.slice(i, i + 3).join(':')}" is not name:S|R|I|L:count`);
    }
    cols.push({ name: parts[i]!, type, n, start });
    start += n;
  }
  return cols;
}

const DEFAULT_COLUMNS: Column[] = [
  { name: 'species', type: 'S', n: 1, start: 0 },
  { name: 'pos', type: 'R', n: 3, start: 1 },
];

/** Parses one frame at the cursor (which may start on blank lines before the count line). */
export function parseXyzFrame(cur: LineCursor, file: string, frameIndex: number, wantArrays: boolean, opts: XyzReadOptions): ParsedXyzFrame {
  const countLine = cur.nextNonBlank()!;
  const countLineNo = cur.line;
  const n = int(tokens(countLine)[0], file, countLineNo, 'atom count');
  if (n < 0) throw new InputError(file, countLineNo, `atom count is ${n}; expected ≥ 0`);
  const comment = cur.next();
  if (comment === undefined) throw new InputError(file, cur.line + 1, 'file ends before the comment line of a frame');
  const commentLine = cur.line;
  const info: Record<string, unknown> = {};
  const frame: Frame = { positions: new Float64Array(3 * n), cell: ZERO_CELL() };
  let pbc: [boolean, boolean, boolean] = [false, false, false];
  let hasCell = false;
  let columns = DEFAULT_COLUMNS;
  const cp2k = /^\s*i\s*=\s*(\d+)\s*,\s*time\s*=\s*([-+\d.eEdD]+)/.exec(comment);
  if (cp2k) {
    frame.step = Number(cp2k[1]);
    frame.timePs = Number(cp2k[2]!.replace(/[dD]/, 'e')) / 1000;
    info.variant = 'cp2k';
  } else if (/(?:^|\s)(?:Lattice|Properties)\s*=/i.test(comment)) {
    info.variant = 'extended';
    const kv = parseExtxyzComment(comment);
    const lattice = lookup(kv, 'Lattice');
    if (lattice !== undefined) {
      const v = tokens(lattice.replace(/,/g, ' '));
      if (v.length !== 9) throw new InputError(file, commentLine, `Lattice has ${v.length} numbers; expected 9 (ax ay az bx by bz cx cy cz, Å)`);
      frame.cell = cellFrom9(v.map((t, k) => num(t, file, commentLine, `Lattice value ${k + 1}`)));
      if (!isValidCell(frame.cell)) throw new InputError(file, commentLine, 'Lattice has zero volume; expected three independent lattice vectors');
      hasCell = true;
      pbc = [true, true, true];
    }
    const pbcText = lookup(kv, 'pbc');
    if (pbcText !== undefined) {
      const f = tokens(pbcText.replace(/,/g, ' ')).map((t) => /^(t|true|1)$/i.test(t));
      if (f.length === 3) pbc = [f[0]!, f[1]!, f[2]!];
    }
    const props = lookup(kv, 'Properties');
    if (props !== undefined) columns = parseColumns(props, file, commentLine);
    const time = lookup(kv, 'Time') ?? lookup(kv, 'time');
    if (time !== undefined && Number.isFinite(Number(time))) frame.timePs = Number(time);
    const step = lookup(kv, 'step') ?? lookup(kv, 'Step');
    if (step !== undefined && Number.isFinite(Number(step))) frame.step = Number(step);
    for (const [k, v] of kv) if (!/^(Lattice|Properties|pbc)$/i.test(k)) info[k] = Number.isFinite(Number(v)) && v !== '' ? Number(v) : v;
  }
  const byStep = frame.step !== undefined ? opts.cellsByStep?.get(frame.step) : undefined;
  if (!hasCell && byStep) {
    frame.cell = byStep;
    hasCell = true;
    pbc = [true, true, true];
  } else if (!hasCell && opts.cells && opts.cells.length > 0) {
    const c = opts.cells.length === 1 ? opts.cells[0]! : opts.cells[frameIndex];
    if (!c) throw new InputError(file, commentLine, `no cell for frame ${frameIndex + 1}: the cell file has ${opts.cells.length} cells`);
    frame.cell = c;
    hasCell = true;
    pbc = [true, true, true];
  }
  const speciesCol = columns.find((c) => c.name === 'species') ?? columns.find((c) => c.name === 'Z');
  const posCol = columns.find((c) => c.name === 'pos' || c.name === 'positions');
  if (!speciesCol || !posCol || posCol.n !== 3) {
    throw new InputError(file, commentLine, 'Properties must include species:S:1 (or Z:I:1) and pos:R:3');
  }
  const width = columns.reduce((w, c) => w + c.n, 0);
  const numbers = new Uint8Array(n);
  const arrays: Record<string, Float64Array | Int32Array | string[]> = {};
  const extra = columns.filter((c) => c !== speciesCol && c !== posCol && (wantArrays || c.name === 'vel'));
  for (const c of extra) arrays[c.name] = c.type === 'S' ? [] : c.type === 'R' ? new Float64Array(n * c.n) : new Int32Array(n * c.n);
  const pos = frame.positions;
  const zCache = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const line = cur.next();
    if (line === undefined) {
      throw new InputError(file, cur.line + 1, `file ends in frame ${frameIndex + 1} after ${i} of ${n} atom lines (truncated frame)`);
    }
    const t = tokens(line);
    if (t.length < width) {
      throw new InputError(file, cur.line, `atom line has ${t.length} fields; expected ${width} (${columns.map((c) => c.name).join(' ')})`);
    }
    const st = t[speciesCol.start]!;
    let z = zCache.get(st);
    if (z === undefined) {
      z = speciesCol.type === 'S' ? elementOf(st, file, cur.line) : int(st, file, cur.line, 'Z');
      zCache.set(st, z);
    }
    numbers[i] = z;
    const p = posCol.start;
    pos[3 * i] = num(t[p], file, cur.line, 'x');
    pos[3 * i + 1] = num(t[p + 1], file, cur.line, 'y');
    pos[3 * i + 2] = num(t[p + 2], file, cur.line, 'z');
    for (const c of extra) {
      const a = arrays[c.name]!;
      if (Array.isArray(a)) a.push(t.slice(c.start, c.start + c.n).join(' '));
      else
        for (let k = 0; k < c.n; k++) {
          const tok = t[c.start + k]!;
          a[i * c.n + k] = c.type === 'L' ? (/^(t|true|1)$/i.test(tok) ? 1 : 0) : num(tok, file, cur.line, c.name);
        }
    }
  }
  // Only `vel` has a unit convention (Å/fs, as GPUMD writes it); ASE's momenta and other
  // velocity columns stay in arrays, since a wrong unit would mislead unwrapping.
  const vel = arrays['vel'];
  if (vel instanceof Float64Array && vel.length === 3 * n) frame.velocities = vel;
  const parsed: ParsedXyzFrame = { numbers, frame, pbc, hasCell, comment, info };
  if (wantArrays && extra.length > 0) parsed.arrays = arrays;
  return parsed;
}

/** Start offsets of every frame (pre-scan: counts lines only, parses nothing else). */
function scanFrames(text: string, file: string): { pos: number; line: number; n: number }[] {
  const cur = new LineCursor(text);
  const starts: { pos: number; line: number; n: number }[] = [];
  for (;;) {
    const before = cur.clone();
    const s = cur.nextNonBlank();
    if (s === undefined) break;
    const startLine = cur.line;
    const t = tokens(s);
    const n = Number(t[0]);
    if (t.length < 1 || !Number.isInteger(n) || n < 0) {
      throw new InputError(file, startLine, `expected the atom count of frame ${starts.length + 1}, found "${s.trim().slice(0, 40)}"`);
    }
    // Record the cursor just before the count line (blank lines are skipped again when parsing).
    starts.push({ pos: before.pos, line: before.line, n });
    if (!cur.skip(1)) throw new InputError(file, startLine + 1, `file ends before the comment line of frame ${starts.length}`);
    const atStart = cur.line;
    if (!cur.skip(n) || (cur.done && n > 0 && cur.line < atStart + n)) {
      throw new InputError(file, cur.line + 1, `file ends in frame ${starts.length}: expected ${n} atom lines after line ${atStart} (truncated frame)`);
    }
  }
  if (starts.length === 0) throw new InputError(file, 1, 'no frames; expected an atom count on the first line');
  return starts;
}

/** The Structure of a first frame (comment keys in info, extra columns in arrays). */
export function xyzFirstStructure(first: ParsedXyzFrame): Structure {
  const structure: Structure = {
    cell: first.frame.cell,
    numbers: first.numbers,
    positions: first.frame.positions,
    pbc: first.pbc,
    info: { comment: first.comment, ...first.info },
  };
  if (first.arrays) structure.arrays = first.arrays;
  if (first.frame.timePs !== undefined) structure.info!.timePs = first.frame.timePs;
  return structure;
}

/** Throws unless frame k lists the same elements in the same order as the first frame. */
export function requireSameSpecies(first: ParsedXyzFrame, p: ParsedXyzFrame, file: string, startLine: number, k: number): void {
  if (p.numbers.length !== first.numbers.length) {
    throw new InputError(file, startLine + 1, `frame has ${p.numbers.length} atoms but the first frame has ${first.numbers.length}; a trajectory needs a fixed atom count`);
  }
  for (let i = 0; i < p.numbers.length; i++) {
    if (p.numbers[i] !== first.numbers[i]) {
      throw new InputError(file, startLine + 3 + i, `atom ${i + 1} of frame ${k + 1} is a different element than in frame 1; a trajectory needs a fixed atom order`);
    }
  }
}

/** Reads an XYZ / extended XYZ / CP2K xyz file. */
export function readXyz(bytes: Uint8Array, file: string, opts: XyzReadOptions = {}): Structure | Trajectory {
  const text = decodeText(bytes);
  const starts = scanFrames(text, file);
  const first = parseXyzFrame(new LineCursor(text, starts[0]!.pos, starts[0]!.line), file, 0, true, opts);
  const structure = xyzFirstStructure(first);
  if (starts.length === 1) return structure;
  for (const s of starts) {
    if (s.n !== first.numbers.length) {
      throw new InputError(file, s.line + 1, `frame has ${s.n} atoms but the first frame has ${first.numbers.length}; a trajectory needs a fixed atom count`);
    }
  }
  // Frame times, if cheap to get (comment lines only), give the time step.
  const times: (number | undefined)[] = [];
  for (let k = 0; k < Math.min(starts.length, 3); k++) {
    const c = new LineCursor(text, starts[k]!.pos, starts[k]!.line);
    c.nextNonBlank();
    const comment = c.next() ?? '';
    const cp = /^\s*i\s*=\s*\d+\s*,\s*time\s*=\s*([-+\d.eE]+)/.exec(comment);
    const tm = /(?:^|\s)Time\s*=\s*"?([-+\d.eE]+)/i.exec(comment);
    times.push(cp ? Number(cp[1]) / 1000 : tm ? Number(tm[1]) : undefined);
  }
  const frameAt = (k: number): Frame => {
    if (k === 0) return first.frame;
    const p = parseXyzFrame(new LineCursor(text, starts[k]!.pos, starts[k]!.line), file, k, false, opts);
    requireSameSpecies(first, p, file, starts[k]!.line, k);
    return p.frame;
  };
  return lazyTrajectory(structure, starts.length, frameAt, evenTimestep(times));
}

function sniffXyz(head: FileHead): number {
  if (head.binary) return 0;
  const lines = head.text.split(/\r?\n/, 4);
  if (lines.length < 3 || !/^\s*\d+\s*$/.test(lines[0]!)) return 0;
  const atom = tokens(lines[2]!);
  if (atom.length < 4 || !/^[A-Za-z]{1,3}/.test(atom[0]!) || atom.slice(1, 4).some((t) => !Number.isFinite(Number(t)))) {
    // Extended XYZ may put species elsewhere; trust the Properties key.
    return /Properties\s*=/i.test(lines[1]!) ? 70 : 0;
  }
  if (/(?:Lattice|Properties)\s*=/i.test(lines[1]!)) return 90;
  if (/^\s*i\s*=\s*\d+\s*,\s*time\s*=/.test(lines[1]!)) return 85;
  return 60;
}

function summarize(data: Structure | Trajectory) {
  const s = isTrajectory(data) ? data.structure : data;
  const variant = (s.info?.variant as string | undefined) ?? 'plain';
  if (isTrajectory(data)) return { kind: 'trajectory' as const, atoms: s.numbers.length, frames: data.frameCount ?? 0, variant };
  return { kind: 'structure' as const, atoms: s.numbers.length, frames: 1, variant };
}

export const xyzFormat: FileFormat<Structure | Trajectory> = {
  id: 'xyz',
  name: 'XYZ / extended XYZ / CP2K xyz trajectory',
  kind: 'trajectory',
  sniff: sniffXyz,
  read: (bytes, file) => readXyz(bytes, file),
  summarize,
};
