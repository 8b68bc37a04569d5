/** Reads any cycler / potentiostat file (cycling or voltammetry kind), recognised by content. */
import type { CyclerRecord } from '../../cycling/record.js';
import { readAs } from '../detect.js';

export function readCycler(bytes: Uint8Array, file: string): CyclerRecord {
  const { format, data } = readAs<CyclerRecord>(bytes, file, ['cycling', 'voltammetry']);
  data.meta.format ??= format.id;
  data.meta.source ??= file;
  return data;
}
