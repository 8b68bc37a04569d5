/**
 * Files that travel with cycler data but hold none: BioLogic settings (.mps) and logs (.mpl),
 * Arbin/BEEP `_Metadata.csv`. Recognised so that `inspect` and every command say what they are
 * and where the data is, instead of "not a recognised format".
 */
import type { FileFormat, FileHead } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { InputError } from '../../core/errors.js';

const KINDS: [RegExp, string][] = [
  [/^(EC|BT)-LAB SETTING FILE/i, 'a BioLogic settings file (.mps): it holds the protocol, not data; read the .mpr or .mpt of the run'],
  [/^(EC|BT)-Lab LOG FILE/i, 'a BioLogic log file (.mpl): it holds the run log, not data; read the .mpr or .mpt of the run'],
  [/^,?test_id,device_id,iv_ch_id,/i, 'an Arbin metadata table (_Metadata.csv), not data; read the channel CSV next to it'],
  [/^,?Cycle,AverageChargeVoltage,/, 'a per-cycle summary table (BEEP/Novonix _metadata.csv), not time-series data; read the Novonix export next to it'],
];

function which(head: FileHead): string | undefined {
  if (head.binary) return undefined;
  return KINDS.find(([re]) => re.test(head.text))?.[1];
}

export const sidecarFormat: FileFormat<CyclerRecord> = {
  id: 'cycler-sidecar',
  name: 'Cycler settings, log and metadata files (refused with an explanation)',
  kind: 'cycling',
  sniff: (head) => (which(head) ? 90 : 0),
  read(bytes: Uint8Array, file: string): CyclerRecord {
    const text = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const what = KINDS.find(([re]) => re.test(text))?.[1] ?? 'not a data file';
    throw new InputError(file, undefined, `this is ${what}`);
  },
  summarize: () => ({ rows: 0 }),
};
