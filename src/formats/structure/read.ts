/**
 * One entry point for structure and trajectory files, recognised by content: `readTrajectory`
 * always gives a Trajectory (a single structure is a one-frame trajectory), `readStructure`
 * the first frame. Options carry what some files cannot say themselves: the elements of LAMMPS
 * atom types and the cell(s) of a CP2K xyz trajectory.
 */
import { detectFormat } from '../detect.js';
import type { Cell, Structure } from '../../atoms/structure.js';
import type { Trajectory } from '../../atoms/trajectory.js';
import { structureFormats } from './index.js';
import { isTrajectory, structureAsTrajectory } from './common.js';
import { readXyz, type XyzReadOptions } from './xyz.js';
import { readLammpsData } from './lammps-data.js';
import { readLammpsDump } from './lammps-dump.js';

export interface StructureReadOptions {
  /** Element (Z) of each LAMMPS atom type, index 0 = type 1. */
  typeElements?: number[];
  /** Cell(s) for xyz files without a Lattice (one, or one per frame), Å. */
  cells?: Cell[];
  /** Cells by MD step (CP2K .cell file), preferred when a frame states its step. */
  cellsByStep?: Map<number, Cell>;
}

export interface ReadResult {
  format: string;
  trajectory: Trajectory;
}

/** Reads any registered structure/trajectory file as a trajectory. */
export function readTrajectory(bytes: Uint8Array, file: string, opts: StructureReadOptions = {}): ReadResult {
  const format = detectFormat<Structure | Trajectory>(bytes, file, ['structure', 'trajectory'], structureFormats);
  let data: Structure | Trajectory;
  if (format.id === 'xyz') data = readXyz(bytes, file, xyzOptions(opts));
  else if (format.id === 'lammps-data') data = readLammpsData(bytes, file, opts.typeElements ? { typeElements: opts.typeElements } : {});
  else if (format.id === 'lammps-dump') data = readLammpsDump(bytes, file, opts.typeElements ? { typeElements: opts.typeElements } : {});
  else data = format.read(bytes, file);
  return { format: format.id, trajectory: isTrajectory(data) ? data : structureAsTrajectory(data) };
}

export function xyzOptions(opts: StructureReadOptions): XyzReadOptions {
  const x: XyzReadOptions = {};
  if (opts.cells) x.cells = opts.cells;
  if (opts.cellsByStep) x.cellsByStep = opts.cellsByStep;
  return x;
}

/** Reads the first frame of any registered structure/trajectory file. */
export function readStructure(bytes: Uint8Array, file: string, opts: StructureReadOptions = {}): Structure {
  return readTrajectory(bytes, file, opts).trajectory.structure;
}

export { isTrajectory, structureAsTrajectory };
