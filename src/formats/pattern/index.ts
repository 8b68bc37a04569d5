/** Diffraction patterns and other two-column spectra (XY files). */
import type { FileFormat } from '../types.js';
import { xyFormat } from './xy.js';

/** A measured pattern or spectrum: x (e.g. 2θ in degrees) and y (counts). */
export interface XYPattern {
  x: Float64Array;
  y: Float64Array;
  xLabel: string;
  yLabel: string;
  meta: Record<string, unknown>;
}

export const patternFormats: FileFormat<XYPattern>[] = [xyFormat];
