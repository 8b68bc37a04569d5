/**
 * Opens structure/trajectory files from disk (node only). Files up to `maxInMemoryBytes` are
 * read whole and parsed by the pure readers (formats/structure/read.ts). Larger extended-XYZ /
 * CP2K xyz and LAMMPS dump trajectories — typical MD output of several GB, beyond what one
 * JavaScript string can hold — are streamed: one pass over the bytes records where each frame
 * starts (byte offset and line number), and frames() then reads and parses one frame at a
 * time, so memory holds one frame, not the run. Errors keep their true line numbers.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../core/errors.js';
import { detectFormat } from '../formats/detect.js';
import { structureFormats } from '../formats/structure/index.js';
import { readTrajectory, xyzOptions, type ReadResult, type StructureReadOptions } from '../formats/structure/read.js';
import { LineCursor, evenTimestep, lazyTrajectory } from '../formats/structure/common.js';
import { parseXyzFrame, requireSameSpecies, xyzFirstStructure } from '../formats/structure/xyz.js';
import { dumpFirstStructure, parseDumpFrame, requireSameAtoms } from '../formats/structure/lammps-dump.js';
import type { Structure } from '../atoms/structure.js';
import type { Frame, Trajectory } from '../atoms/trajectory.js';
import { readInputFile } from './files.js';

const CHUNK = 1 << 24;
const utf8 = new TextDecoder('utf-8');

export interface OpenOptions extends StructureReadOptions {
  /** Files larger than this are streamed (xyz and LAMMPS dump); default 256 MiB. */
  maxInMemoryBytes?: number;
  /** Bytes read per chunk while scanning (default 16 MiB; small values exercise chunk edges). */
  chunkBytes?: number;
}

interface FrameStart {
  offset: number;
  /** Line number of the frame's first line minus one. */
  line: number;
}

/** Reads a structure or trajectory file, streaming large trajectories. */
export function openTrajectory(path: string, opts: OpenOptions = {}): ReadResult {
  const limit = opts.maxInMemoryBytes ?? 256 * 1024 * 1024;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return readTrajectory(readInputFile(path), path, opts); // readInputFile reports the OS error
  }
  let size: number;
  try {
    const st = fstatSync(fd);
    size = st.size;
    if (st.isDirectory() || size <= limit) {
      closeSync(fd);
      return readTrajectory(readInputFile(path), path, opts);
    }
    const head = Buffer.alloc(Math.min(size, 65536));
    readSync(fd, head, 0, head.length, 0);
    const format = detectFormat(new Uint8Array(head.buffer, head.byteOffset, head.length), path, ['structure', 'trajectory'], structureFormats);
    if (format.id === 'xyz') return { format: format.id, trajectory: streamXyz(fd, size, path, opts) };
    if (format.id === 'lammps-dump') return { format: format.id, trajectory: streamDump(fd, size, path, opts) };
    closeSync(fd);
    throw new InputError(path, undefined, `is ${(size / 2 ** 20).toFixed(0)} MiB of ${format.name}; only extended XYZ and LAMMPS dump trajectories are streamed — convert it or raise the limit`);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    throw e;
  }
}

/**
 * Calls onLine(buf, start, end, lineNo, fileOffset) for every line (end excludes the newline).
 * Returning a number n > 0 skips the next n lines without calling back.
 */
function scanLines(fd: number, size: number, chunk: number, onLine: (buf: Buffer, s: number, e: number, line: number, offset: number) => number | void): void {
  const buf = Buffer.alloc(chunk);
  let filePos = 0;
  let line = 0;
  let skip = 0;
  while (filePos < size) {
    const got = readSync(fd, buf, 0, Math.min(chunk, size - filePos), filePos);
    if (got <= 0) break;
    let s = 0;
    const last = filePos + got >= size;
    for (;;) {
      let e = buf.indexOf(10, s);
      if (e < 0 || e >= got) {
        if (!last) break; // incomplete line: re-read from its start
        e = got;
        if (s >= got) break;
      }
      line++;
      if (skip > 0) skip--;
      else {
        const r = onLine(buf, s, e > s && buf[e - 1] === 13 ? e - 1 : e, line, filePos + s);
        if (typeof r === 'number' && r > 0) skip = r;
      }
      s = e + 1;
      if (s >= got) break;
    }
    if (s === 0 && !last) throw new InputError('', line + 1, `a line longer than ${chunk} bytes`);
    filePos += s >= got || last ? got : s;
  }
}

function readRange(fd: number, start: number, end: number): string {
  const b = Buffer.alloc(end - start);
  readSync(fd, b, 0, b.length, start);
  return utf8.decode(b);
}

function frameText(fd: number, starts: FrameStart[], size: number, k: number): string {
  return readRange(fd, starts[k]!.offset, k + 1 < starts.length ? starts[k + 1]!.offset : size);
}

function streamXyz(fd: number, size: number, file: string, opts: OpenOptions): Trajectory {
  const starts: FrameStart[] = [];
  scanLines(fd, size, opts.chunkBytes ?? CHUNK, (buf, s, e, line, offset) => {
    const text = buf.toString('latin1', s, e).trim();
    if (text === '') return;
    const n = Number(text.split(/\s+/)[0]);
    if (!Number.isInteger(n) || n < 0) throw new InputError(file, line, `expected the atom count of frame ${starts.length + 1}, found "${text.slice(0, 40)}"`);
    starts.push({ offset, line: line - 1 });
    return n + 1;
  });
  if (starts.length === 0) throw new InputError(file, 1, 'no frames');
  const xopts = xyzOptions(opts);
  const parseAt = (k: number, arrays: boolean) => parseXyzFrame(new LineCursor(frameText(fd, starts, size, k), 0, starts[k]!.line), file, k, arrays, xopts);
  const first = parseAt(0, true);
  const structure: Structure = xyzFirstStructure(first);
  const times = [first.frame.timePs];
  if (starts.length > 1) {
    // Frame 2's time from its comment line only (parsing waits for iteration).
    const c = new LineCursor(frameText(fd, starts, size, 1));
    c.nextNonBlank();
    const comment = c.next() ?? '';
    const cp = /^\s*i\s*=\s*\d+\s*,\s*time\s*=\s*([-+\d.eE]+)/.exec(comment);
    const tm = /(?:^|\s)Time\s*=\s*"?([-+\d.eE]+)/i.exec(comment);
    times.push(cp ? Number(cp[1]) / 1000 : tm ? Number(tm[1]) : undefined);
  }
  const frameAt = (k: number): Frame => {
    if (k === 0) return first.frame;
    const p = parseAt(k, false);
    requireSameSpecies(first, p, file, starts[k]!.line, k);
    return p.frame;
  };
  return lazyTrajectory(structure, starts.length, frameAt, evenTimestep(times));
}

function streamDump(fd: number, size: number, file: string, opts: OpenOptions): Trajectory {
  const starts: FrameStart[] = [];
  const marker = Buffer.from('ITEM: TIMESTEP');
  scanLines(fd, size, opts.chunkBytes ?? CHUNK, (buf, s, e, line, offset) => {
    if (e - s >= marker.length && buf.compare(marker, 0, marker.length, s, s + marker.length) === 0) starts.push({ offset, line: line - 1 });
  });
  if (starts.length === 0) throw new InputError(file, 1, 'no "ITEM: TIMESTEP"');
  const dopts = opts.typeElements ? { typeElements: opts.typeElements } : {};
  const parseAt = (k: number) => parseDumpFrame(new LineCursor(frameText(fd, starts, size, k), 0, starts[k]!.line), file, dopts, k);
  const first = parseAt(0);
  const frameAt = (k: number): Frame => {
    if (k === 0) return first.frame;
    const p = parseAt(k);
    requireSameAtoms(first, p, file, starts[k]!.line, k);
    return p.frame;
  };
  return lazyTrajectory(dumpFirstStructure(first), starts.length, frameAt);
}
