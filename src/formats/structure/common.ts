/**
 * Shared pieces of the structure/trajectory readers: a line cursor over decoded text (line
 * numbers for errors, no array of all lines for large trajectories), fast strict numbers,
 * element labels, and the Trajectory wrapper whose frames are parsed lazily on iteration.
 */
import { InputError } from '../../core/errors.js';
import { atomicNumber } from '../../core/elements.js';
import { parseNumber } from '../text.js';
import type { Cell, Structure } from '../../atoms/structure.js';
import type { Frame, Trajectory } from '../../atoms/trajectory.js';

/** Reads lines one at a time from a string; `line` is the 1-based number of the last line read. */
export class LineCursor {
  pos: number;
  line: number;
  constructor(
    readonly text: string,
    pos = 0,
    line = 0,
  ) {
    this.pos = pos;
    this.line = line;
  }
  get done(): boolean {
    return this.pos >= this.text.length;
  }
  /** The next line without its terminator, or undefined at the end of the text. */
  next(): string | undefined {
    const t = this.text;
    if (this.pos >= t.length) return undefined;
    let end = t.indexOf('\n', this.pos);
    if (end < 0) end = t.length;
    let stop = end;
    if (stop > this.pos && t.charCodeAt(stop - 1) === 13) stop--;
    const s = t.slice(this.pos, stop);
    this.pos = end + 1;
    this.line++;
    return s;
  }
  /** Skips n lines; returns false if the text ended first. */
  skip(n: number): boolean {
    const t = this.text;
    for (let k = 0; k < n; k++) {
      if (this.pos >= t.length) return false;
      const end = t.indexOf('\n', this.pos);
      this.pos = end < 0 ? t.length : end + 1;
      this.line++;
    }
    return true;
  }
  /** The next line that is not blank (or undefined). */
  nextNonBlank(): string | undefined {
    for (;;) {
      const s = this.next();
      if (s === undefined || s.trim() !== '') return s;
    }
  }
  clone(): LineCursor {
    return new LineCursor(this.text, this.pos, this.line);
  }
}

/** Whitespace tokens of a line. */
export function tokens(line: string): string[] {
  const t = line.trim();
  return t === '' ? [] : t.split(/\s+/);
}

/**
 * A number from one token, strictly (no "1abc", no NaN/Inf), with the line and field for errors.
 * Fast path for ordinary decimals; Fortran "1.0D+00" and errors go through parseNumber.
 */
export function num(tok: string | undefined, file: string, line: number, field: string): number {
  if (tok === undefined) throw new InputError(file, line, `${field} is missing`);
  const x = +tok;
  if (Number.isFinite(x) && tok !== '') {
    const c = tok.charCodeAt(0);
    const d = tok.charCodeAt(tok.length - 1);
    // digits, sign or point at the start; digit or point at the end (rules out "0x1f", " ", "1e").
    if ((c === 45 || c === 43 || c === 46 || (c >= 48 && c <= 57)) && ((d >= 48 && d <= 57) || d === 46)) return x;
  }
  return parseNumber(tok, file, line, field);
}

/** A whole number from one token. */
export function int(tok: string | undefined, file: string, line: number, field: string): number {
  const x = num(tok, file, line, field);
  if (!Number.isInteger(x)) throw new InputError(file, line, `${field} is ${tok}; expected a whole number`);
  return x;
}

/**
 * Atomic number of an element label: "Na", "NA", "na", "Na1", "Na+", "Hf4+", POTCAR-style
 * "Na_pv" or "Hf/5a3b…". Throws InputError if no element matches.
 */
export function elementOf(label: string, file: string, line: number): number {
  const base = label.split(/[_/:]/)[0]!.replace(/[\d+\-.]+$/, '');
  const z = atomicNumber(base);
  if (z === undefined || base === '') {
    throw new InputError(file, line, `unknown element "${label}"; expected an element symbol such as Na, Hf, O, Cl`);
  }
  return z;
}

/** Builds the 3×3 cell from 9 numbers (rows a, b, c). */
export function cellFrom9(v: ArrayLike<number>): Cell {
  return [
    [v[0]!, v[1]!, v[2]!],
    [v[3]!, v[4]!, v[5]!],
    [v[6]!, v[7]!, v[8]!],
  ];
}

export const ZERO_CELL = (): Cell => [
  [0, 0, 0],
  [0, 0, 0],
  [0, 0, 0],
];

/** True if the value is a Trajectory (has frames()) rather than a single Structure. */
export function isTrajectory(x: Structure | Trajectory): x is Trajectory {
  return typeof (x as Trajectory).frames === 'function';
}

/** A one-frame trajectory view of a structure. */
export function structureAsTrajectory(s: Structure): Trajectory {
  return lazyTrajectory(s, 1, () => ({ positions: s.positions, cell: s.cell }));
}

/**
 * Wraps a frame parser as a Trajectory: frames() parses one frame at a time (restarting each
 * call) and frame(k) parses only frame k.
 */
export function lazyTrajectory(
  structure: Structure,
  frameCount: number,
  frameAt: (k: number) => Frame,
  timestepPs?: number,
): Trajectory {
  const t: Trajectory = {
    structure,
    frameCount,
    *frames() {
      for (let k = 0; k < frameCount; k++) yield frameAt(k);
    },
    frame(k: number): Frame {
      if (!Number.isInteger(k) || k < 0 || k >= frameCount) throw new RangeError(`frame ${k} outside 0…${frameCount - 1}`);
      return frameAt(k);
    },
  };
  if (timestepPs !== undefined && Number.isFinite(timestepPs) && timestepPs > 0) t.timestepPs = timestepPs;
  return t;
}

/** The spacing of stored frame times (ps) if they are evenly spaced, else undefined. */
export function evenTimestep(times: (number | undefined)[]): number | undefined {
  if (times.length < 2 || times.some((t) => t === undefined)) return undefined;
  const dt = times[1]! - times[0]!;
  if (!(dt > 0)) return undefined;
  for (let i = 2; i < times.length; i++) {
    if (Math.abs(times[i]! - times[i - 1]! - dt) > 1e-6 * Math.max(1, Math.abs(dt))) return undefined;
  }
  return dt;
}
