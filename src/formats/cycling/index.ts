/** Every cycler / potentiostat time-series format (cycling and voltammetry kinds). */
import type { FileFormat } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';

export const cyclingFormats: FileFormat<CyclerRecord>[] = [];
