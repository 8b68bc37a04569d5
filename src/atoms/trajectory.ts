/**
 * A trajectory (DESIGN §2): a reference structure (species, cell of the first frame) and frames
 * that may be produced lazily from disk. `timestepPs` is the time between stored frames in ps
 * when known (file metadata or the user's --timestep-fs × stride).
 */
import type { Cell, Structure } from './structure.js';

export interface Frame {
  /** Cartesian positions, Å, length 3n. */
  positions: Float64Array;
  /** The cell of this frame (NPT runs change it). */
  cell: Cell;
  /** Simulation time in ps if the file states it. */
  timePs?: number;
  /** MD step number if the file states it. */
  step?: number;
  /** True if positions are already unwrapped (e.g. LAMMPS xu yu zu). */
  unwrapped?: boolean;
  /** Velocities Å/fs, length 3n, if present. */
  velocities?: Float64Array;
}

export interface Trajectory {
  structure: Structure;
  /** Number of frames if known without reading them all. */
  frameCount?: number;
  /** ps between stored frames, if known. */
  timestepPs?: number;
  /** Iterates frames in order; may stream from disk. Each call starts from the first frame. */
  frames(): Iterable<Frame> | AsyncIterable<Frame>;
  /**
   * Random access to frame `index` (0-based) without parsing the others, where the source
   * allows it (the file readers record where each frame starts). Throws RangeError outside
   * 0 … frameCount−1.
   */
  frame?(index: number): Frame;
}
