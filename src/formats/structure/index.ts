/** Every structure and trajectory format. */
import type { FileFormat } from '../types.js';
import type { Structure } from '../../atoms/structure.js';
import type { Trajectory } from '../../atoms/trajectory.js';

export const structureFormats: FileFormat<Structure | Trajectory>[] = [];
