/** Every cycler / potentiostat time-series format (cycling and voltammetry kinds). */
import type { FileFormat } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { biologicMprCyclingFormat, biologicMptCyclingFormat } from './biologic.js';
import { gamryCyclingFormat } from './gamry.js';
import { sidecarFormat } from './sidecars.js';
import { genericCsvFormat } from '../csv-cycling/format.js';
import { arbinCsvFormat } from '../arbin/csv.js';
import { arbinResFormat } from '../arbin/res.js';
import { arbinXlsxFormat } from '../arbin/xlsx.js';
import { maccorTextFormat } from '../maccor/text.js';
import { basytecFormat } from '../basytec/text.js';
import { novonixFormat } from '../novonix/csv.js';
import { newareCsvFormat } from '../neware/csv.js';
import { newareNdaFormat } from '../neware/nda.js';
import { newareNdaxFormat } from '../neware/ndax.js';

export const cyclingFormats: FileFormat<CyclerRecord>[] = [
  biologicMprCyclingFormat,
  biologicMptCyclingFormat,
  gamryCyclingFormat,
  arbinCsvFormat,
  arbinResFormat,
  arbinXlsxFormat,
  maccorTextFormat,
  basytecFormat,
  novonixFormat,
  newareCsvFormat,
  newareNdaFormat,
  newareNdaxFormat,
  genericCsvFormat,
  sidecarFormat,
];
