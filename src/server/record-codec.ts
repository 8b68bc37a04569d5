/**
 * A compact binary form of a CyclerRecord for the workbench, for the few formats the browser
 * cannot parse itself (Neware .ndax needs a synchronous inflate, Arbin .res an Access reader):
 * the server reads the file and sends the columns as raw little-endian typed arrays.
 *
 * Layout: u32 header length H, H bytes of UTF-8 JSON {meta, columns: [{name, type, length,
 * offset}]}, padding to 8 bytes, then each column's bytes at `offset` (from the data start).
 */
import type { CyclerRecord } from '../cycling/record.js';

type Column = Float64Array | Int32Array;
const NAMES = ['time', 'voltage', 'current', 'step', 'cycle', 'chargeCapacity', 'dischargeCapacity', 'deltaCharge'] as const;

export interface ColumnInfo {
  name: string;
  type: 'f64' | 'i32';
  length: number;
  /** byte offset from the start of the data section */
  offset: number;
}

export function encodeRecord(r: CyclerRecord): Uint8Array {
  const cols: { name: string; data: Column }[] = [];
  for (const name of NAMES) {
    const v = r[name];
    if (v) cols.push({ name, data: v });
  }
  const infos: ColumnInfo[] = [];
  let offset = 0;
  for (const c of cols) {
    infos.push({ name: c.name, type: c.data instanceof Int32Array ? 'i32' : 'f64', length: c.data.length, offset });
    offset += Math.ceil(c.data.byteLength / 8) * 8;
  }
  const header = new TextEncoder().encode(JSON.stringify({ meta: r.meta, columns: infos }));
  const start = Math.ceil((4 + header.length) / 8) * 8;
  const out = new Uint8Array(start + offset);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  for (let k = 0; k < cols.length; k++) {
    const d = cols[k]!.data;
    out.set(new Uint8Array(d.buffer, d.byteOffset, d.byteLength), start + infos[k]!.offset);
  }
  return out;
}

/** The inverse (used by the web worker and the tests). Assumes a little-endian host, as every browser is. */
export function decodeRecord(bytes: Uint8Array): CyclerRecord {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + h))) as { meta: CyclerRecord['meta']; columns: ColumnInfo[] };
  const start = Math.ceil((4 + h) / 8) * 8;
  const r: Record<string, unknown> = { meta: header.meta };
  for (const c of header.columns) {
    const begin = start + c.offset;
    const size = c.length * (c.type === 'i32' ? 4 : 8);
    const copy = bytes.slice(begin, begin + size); // aligned copy
    r[c.name] = c.type === 'i32' ? new Int32Array(copy.buffer) : new Float64Array(copy.buffer);
  }
  return r as unknown as CyclerRecord;
}
