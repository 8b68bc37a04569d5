/**
 * Reads back what LAMMPS writes: thermo blocks of a log file (header line starting with
 * "Step" up to "Loop time") and `dump custom` frames with per-atom columns, sorted by id.
 */
import { InputError } from '../../core/errors.js';

export interface ThermoBlock {
  columns: string[];
  rows: number[][];
}

export function parseLog(text: string, file = 'log.lammps'): ThermoBlock[] {
  const lines = text.split('\n');
  const blocks: ThermoBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (!/^Step\s/.test(l)) continue;
    const columns = l.split(/\s+/);
    const rows: number[][] = [];
    for (i++; i < lines.length; i++) {
      const t = lines[i]!.trim();
      if (t.startsWith('Loop time') || t.startsWith('ERROR')) break;
      const v = t.split(/\s+/).map(Number);
      if (v.length !== columns.length || v.some((x) => !Number.isFinite(x))) continue; // warnings interleaved
      rows.push(v);
    }
    blocks.push({ columns, rows });
  }
  const err = /^ERROR.*$/m.exec(text);
  if (err) throw new InputError(file, undefined, `LAMMPS stopped: ${err[0]}`);
  return blocks;
}

export interface DumpFrame {
  step: number;
  natoms: number;
  box: number[][];
  columns: string[];
  /** Column-major values per column name, rows ordered by atom id. */
  data: Record<string, Float64Array>;
}

export function parseDump(text: string, file = 'dump'): DumpFrame[] {
  const lines = text.split('\n');
  const frames: DumpFrame[] = [];
  let i = 0;
  const expect = (prefix: string) => {
    if (!lines[i]?.startsWith(prefix)) throw new InputError(file, i + 1, `expected "${prefix}"`);
    i++;
  };
  while (i < lines.length && lines[i]!.trim() !== '') {
    expect('ITEM: TIMESTEP');
    const step = Number(lines[i++]);
    expect('ITEM: NUMBER OF ATOMS');
    const natoms = Number(lines[i++]);
    if (!Number.isInteger(natoms) || natoms < 0) throw new InputError(file, i, `expected the number of atoms, got "${lines[i - 1]?.trim()}"`);
    expect('ITEM: BOX BOUNDS');
    const box = [0, 1, 2].map(() => (lines[i++] ?? '').trim().split(/\s+/).map(Number));
    if (!lines[i]?.startsWith('ITEM: ATOMS')) throw new InputError(file, i + 1, 'expected "ITEM: ATOMS"');
    const columns = lines[i++]!.trim().split(/\s+/).slice(2);
    const data: Record<string, Float64Array> = {};
    for (const c of columns) data[c] = new Float64Array(natoms);
    const idCol = columns.indexOf('id');
    for (let k = 0; k < natoms; k++, i++) {
      // A dump cut short (LAMMPS killed while writing) must be one InputError, not a TypeError.
      const line = lines[i];
      if (line === undefined || line.trim() === '' || line.startsWith('ITEM:')) throw new InputError(file, i + 1, `frame at step ${step} ends after ${k} of ${natoms} atoms (truncated)`);
      const v = line.trim().split(/\s+/).map(Number);
      if (v.length !== columns.length) throw new InputError(file, i + 1, `expected ${columns.length} columns`);
      const row = idCol >= 0 ? v[idCol]! - 1 : k;
      if (!(row >= 0 && row < natoms)) throw new InputError(file, i + 1, `atom id ${v[idCol]} outside 1…${natoms}`);
      columns.forEach((c, j) => (data[c]![row] = v[j]!));
    }
    frames.push({ step, natoms, box, columns, data });
  }
  return frames;
}
