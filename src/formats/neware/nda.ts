/**
 * Neware .nda (BTS 7/8: version 29; BTS 9: version 130), magic "NEWARE", version byte at 14.
 * v29: 86-byte records marked 0x55 0x00 (see ndc.ts NDA29_FIXED), found after the first
 * "00 00 00 00 55 00" whose record is valid. v130: 88-byte records from byte 1024 carrying the
 * same 6-byte identifier as the first record; step u8 @+9, status u8 @+10, index u32 @+16,
 * step time u64 µs @+28, voltage f32 V @+36, current f32 mA @+40, charge capacity f32 mAs @+52,
 * discharge capacity f32 mAs @+60 (BTS 9.0). BTS 9.1 files start their records with 0x55 and
 * have a variable record length (see below). Layouts after NewareNDA / fastnda.
 */
import type { FileFormat, FileHead } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { InputError } from '../../core/errors.js';
import { summarizeRecord } from '../csv-cycling/summary.js';
import { NDA29_FIXED, emptyRows, pushFixed } from './ndc.js';
import { recordFromNeware } from './record.js';

export function readNda(b: Uint8Array, file: string): CyclerRecord {
  if (b.length < 1030) throw new InputError(file, undefined, 'too short for a Neware .nda (truncated)');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const version = b[14]!;
  const rows = emptyRows();
  if (version < 130) {
    const L = 86;
    let h = -1;
    for (let i = 0; i + 4 + L + 2 <= b.length; i++) {
      if (b[i] === 0 && b[i + 1] === 0 && b[i + 2] === 0 && b[i + 3] === 0 && b[i + 4] === 0x55 && b[i + 5] === 0) {
        if (b[i + 4 + 12] !== 0 && b[i + 4 + L] === 0x55) {
          h = i + 4;
          break;
        }
      }
    }
    if (h < 0) throw new InputError(file, undefined, 'no data records found; expected a Neware .nda');
    for (let o = h; o + L <= b.length; o += L) {
      if (b[o] === 0x55 && b[o + 1] === 0 && v.getUint32(o + 82, true) === 0) pushFixed(rows, v, o, NDA29_FIXED, file);
    }
  } else {
    const L = 88;
    const id = b.subarray(1024, 1030);
    // BTS 9.1 (first record starts with the 0x55 marker): records of a length found from the
    // distance to the next record's 2-byte identifier; one signed capacity column (mAs), total
    // test time in s + ns. Data rows have marker 0x55 and a non-zero index.
    if (b[1024] === 0x55) {
      let next = -1;
      for (let o = 1026; o + 1 < b.length; o++) {
        if (b[o] === b[1024] && b[o + 1] === b[1025]) {
          next = o;
          break;
        }
      }
      const R = next - 1024;
      if (next < 0 || R < 52) throw new InputError(file, 'byte 1024', 'cannot find the record length of this BTS 9.1 .nda');
      const count = Math.floor((b.length - 2048) / R);
      for (let r = 0; r < count; r++) {
        const o = 1024 + r * R;
        if (b[o] !== 0x55) continue;
        const index = v.getUint32(o + 8, true);
        if (index === 0) continue;
        const I = v.getFloat32(o + 20, true);
        const q = Math.abs(v.getFloat32(o + 28, true)) / 3600;
        rows.index.push(index);
        rows.cycle.push(v.getUint32(o + 36, true) + 1);
        rows.step.push(b[o + 2]!);
        rows.status.push(b[o + 3]!);
        rows.stepTime.push(v.getUint32(o + 12, true) + v.getUint32(o + 16, true) / 1e9);
        rows.voltage.push(v.getFloat32(o + 24, true));
        rows.currentMa.push(I);
        rows.chargeMah.push(I > 0 ? q : 0);
        rows.dischargeMah.push(I < 0 ? q : 0);
      }
      if (!rows.index.length) throw new InputError(file, undefined, 'no data records found; the file may be truncated');
      return recordFromNeware(rows, file, 'neware-nda', { ndaVersion: version, bts: '9.1' }, true);
    }
    let fixed = b.length >= 1024 + 2 * L;
    for (let k = 0; k < 6 && fixed; k++) if (b[1024 + L + k] !== id[k]) fixed = false;
    if (!fixed) throw new InputError(file, 'byte 1024', 'unrecognised version-130 record layout (neither BTS 9.0 nor 9.1)');
    for (let o = 1024; o + L <= b.length; o += L) {
      let same = true;
      for (let k = 0; k < 6; k++) if (b[o + k] !== id[k]) same = false;
      if (!same) continue;
      const index = v.getUint32(o + 16, true);
      if (index === 0) continue;
      rows.index.push(index);
      rows.cycle.push(1);
      rows.step.push(b[o + 9]!);
      rows.status.push(b[o + 10]!);
      rows.stepTime.push((v.getUint32(o + 32, true) * 2 ** 32 + v.getUint32(o + 28, true)) / 1e6);
      rows.voltage.push(v.getFloat32(o + 36, true));
      rows.currentMa.push(v.getFloat32(o + 40, true));
      rows.chargeMah.push(v.getFloat32(o + 52, true) / 3600);
      rows.dischargeMah.push(v.getFloat32(o + 60, true) / 3600);
    }
  }
  if (!rows.index.length) throw new InputError(file, undefined, 'no data records found; the file may be truncated');
  return recordFromNeware(rows, file, 'neware-nda', { ndaVersion: version });
}

export const newareNdaFormat: FileFormat<CyclerRecord> = {
  id: 'neware-nda',
  name: 'Neware BTS .nda',
  kind: 'cycling',
  sniff(head: FileHead): number {
    return head.text.startsWith('NEWARE') ? 100 : 0;
  },
  read: readNda,
  summarize: summarizeRecord,
};
