/** Every impedance file format, most specific first. */
import type { FileFormat } from '../types.js';
import type { ImpedanceSpectrum } from '../../impedance/spectrum.js';

export const impedanceFormats: FileFormat<ImpedanceSpectrum>[] = [];
