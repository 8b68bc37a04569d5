/** Every impedance file format, most specific first, and the one entry point the commands use. */
import type { FileFormat } from '../types.js';
import type { ImpedanceSpectrum } from '../../impedance/spectrum.js';
import { readAs } from '../detect.js';
import { delimitedImpedanceFormat } from './delimited.js';
import { biologicMprImpedanceFormat, biologicMptImpedanceFormat } from './biologic.js';
import { gamryImpedanceFormat } from './gamry.js';
import { zplotFormat } from './zplot.js';
import { versaStudioFormat } from './versastudio.js';
import {
  autolabNovaFormat,
  chInstrumentsFormat,
  maccorImpedanceFormat,
  parstatFormat,
  powerSuiteFormat,
} from './instruments.js';

export const impedanceFormats: FileFormat<ImpedanceSpectrum>[] = [
  biologicMptImpedanceFormat,
  biologicMprImpedanceFormat,
  gamryImpedanceFormat,
  zplotFormat,
  versaStudioFormat,
  parstatFormat,
  powerSuiteFormat,
  chInstrumentsFormat,
  autolabNovaFormat,
  maccorImpedanceFormat,
  // Generic last: it sniffs low so the specific formats above win.
  delimitedImpedanceFormat,
];

/** Reads an impedance spectrum from any supported format, recognised by content. */
export function readImpedance(bytes: Uint8Array, file: string): ImpedanceSpectrum {
  const { format, data } = readAs<ImpedanceSpectrum>(bytes, file, ['impedance']);
  data.meta.format ??= format.id;
  data.meta.source ??= file;
  return data;
}
