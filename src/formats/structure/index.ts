/** Every structure and trajectory format. */
import type { FileFormat } from '../types.js';
import type { Structure } from '../../atoms/structure.js';
import type { Trajectory } from '../../atoms/trajectory.js';
import { xyzFormat } from './xyz.js';
import { poscarFormat, xdatcarFormat } from './vasp.js';
import { lammpsDataFormat } from './lammps-data.js';
import { lammpsDumpFormat } from './lammps-dump.js';
import { cifFormat } from '../cif/index.js';

export const structureFormats: FileFormat<Structure | Trajectory>[] = [
  xyzFormat,
  poscarFormat,
  xdatcarFormat,
  lammpsDataFormat,
  lammpsDumpFormat,
  cifFormat,
];
