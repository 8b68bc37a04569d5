/**
 * Neware binary records: the .ndc streams inside .ndax archives and the record decoders shared
 * with .nda. Layout facts from NewareNDA (d-cogswell, BSD-3) and fastnda (g-kimbell, BSD-3),
 * checked here against NewareNDA's output on the fixtures (expected-values.json):
 *
 * An .ndc starts with byte 0 = file type (1 data, 5 aux, 7 steps, 18 run info) and byte 2 = version.
 * Versions 2 and 5 (type 1): self-contained 94-/87-byte records (0x55 marker) with index, cycle,
 * step, status, step time (ms, u64), voltage (i32, 0.1 mV), current (i32 × range multiplier, mA),
 * capacities (i64 × multiplier / 3600, mAh). Versions ≥ 11 split a run over three streams in
 * 4096-byte pages after a 4096-byte file header: data.ndc holds (voltage, current) f32 pairs;
 * data_runInfo.ndc holds, for some points only, step time, capacities, the sampling interval dt,
 * the step counter and the point index; data_step.ndc holds cycle, step index and status per
 * step. Points without run info get time = last known + n·dt and capacity = last known + ∫I dt.
 */
import { InputError } from '../../core/errors.js';

/** Range setting → multiplier of the raw current/capacity integers (NewareNDA's table). */
export const RANGE_MULTIPLIER: Record<number, number> = {
  [-100000000]: 10, [-200000]: 1e-2, [-100000]: 1e-2, [-60000]: 1e-2, [-50000]: 1e-2, [-40000]: 1e-2, [-30000]: 1e-2,
  [-20000]: 1e-2, [-12000]: 1e-2, [-10000]: 1e-2, [-6000]: 1e-2, [-5000]: 1e-2, [-3000]: 1e-2, [-2000]: 1e-2,
  [-1000]: 1e-2, [-500]: 1e-3, [-100]: 1e-3, [-50]: 1e-4, [-25]: 1e-4, [-20]: 1e-4, [-10]: 1e-4, [-5]: 1e-5,
  [-2]: 1e-5, [-1]: 1e-5, 0: 0, 1: 1e-4, 2: 1e-4, 5: 1e-4, 10: 1e-3, 20: 1e-3, 25: 1e-3, 50: 1e-3, 100: 1e-2,
  200: 1e-2, 250: 1e-2, 500: 1e-2, 1000: 1e-1, 6000: 1e-1, 10000: 1e-1, 12000: 1e-1, 20000: 1e-1, 30000: 1e-1,
  40000: 1e-1, 50000: 1e-1, 60000: 1e-1, 100000: 1e-1, 200000: 1e-1,
};

/** Status code → name (NewareNDA). */
export const STATUS: Record<number, string> = {
  1: 'CC_Chg', 2: 'CC_DChg', 3: 'CV_Chg', 4: 'Rest', 5: 'Cycle', 7: 'CCCV_Chg', 8: 'CP_DChg', 9: 'CP_Chg',
  10: 'CR_DChg', 13: 'Pause', 16: 'Pulse', 17: 'SIM', 19: 'CV_DChg', 20: 'CCCV_DChg', 21: 'Control', 22: 'OCV',
  26: 'CPCV_DChg', 27: 'CPCV_Chg',
};

/** One decoded run in NewareNDA's units before conversion: s (step time), V, mA, mAh. */
export interface NewareRows {
  index: number[];
  cycle: number[];
  /** step counter (1, 2, 3 … in order of execution) */
  step: number[];
  status: number[];
  stepTime: number[];
  voltage: number[];
  currentMa: number[];
  chargeMah: number[];
  dischargeMah: number[];
}

export function emptyRows(): NewareRows {
  return { index: [], cycle: [], step: [], status: [], stepTime: [], voltage: [], currentMa: [], chargeMah: [], dischargeMah: [] };
}

function i64(v: DataView, o: number): number {
  return v.getInt32(o + 4, true) * 2 ** 32 + v.getUint32(o, true);
}

/**
 * A self-contained record (nda v29 at offset 0 of an 86-byte record; ndc v2/v5 at `base` = 6
 * relative to the 0x55 marker's record start − see callers) with its field offsets.
 */
export interface FixedLayout {
  index: number;
  cycle: number;
  step: number;
  stepIsU32: boolean;
  status: number;
  time: number;
  voltage: number;
  current: number;
  capacity: number;
  range: number;
}

/** ndc v2/v5 records (offsets from the record start, marker 0x55 at 7). */
export const NDC_FIXED: FixedLayout = { index: 8, cycle: 12, step: 16, stepIsU32: false, status: 17, time: 23, voltage: 31, current: 35, capacity: 43, range: 82 };
/** nda v29 records (marker 0x55 0x00 at 0). */
export const NDA29_FIXED: FixedLayout = { index: 2, cycle: 6, step: 10, stepIsU32: false, status: 12, time: 14, voltage: 22, current: 26, capacity: 38, range: 78 };

export function pushFixed(rows: NewareRows, v: DataView, o: number, L: FixedLayout, file: string): void {
  const index = v.getUint32(o + L.index, true);
  const status = v.getUint8(o + L.status);
  if (index === 0 || status === 0) return;
  const range = v.getInt32(o + L.range, true);
  const mult = RANGE_MULTIPLIER[range];
  if (mult === undefined) throw new InputError(file, `record ${index}`, `unknown current range ${range}; expected one of Neware's range settings`);
  rows.index.push(index);
  rows.cycle.push(v.getUint32(o + L.cycle, true) + 1);
  rows.step.push(v.getUint8(o + L.step));
  rows.status.push(status);
  rows.stepTime.push(i64(v, o + L.time) / 1000);
  rows.voltage.push(v.getInt32(o + L.voltage, true) / 10000);
  rows.currentMa.push(v.getInt32(o + L.current, true) * mult);
  rows.chargeMah.push((i64(v, o + L.capacity) * mult) / 3600);
  rows.dischargeMah.push((i64(v, o + L.capacity + 8) * mult) / 3600);
}

const PAGE = 4096;

/** Calls `each(offset)` for every record of `size` bytes in [start, PAGE − trim) of every page after the header. */
function forPages(b: Uint8Array, start: number, trim: number, size: number, each: (o: number) => void): void {
  for (let p = PAGE; p + PAGE <= b.length; p += PAGE) {
    const end = p + PAGE - trim;
    for (let o = p + start; o + size <= end; o += size) each(o);
  }
}

/** ndc v2 (512-byte pages) and v5 (4096-byte pages) self-contained data records. */
export function readNdcFixed(b: Uint8Array, version: number, file: string): NewareRows {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const rows = emptyRows();
  if (version === 5) {
    forPages(b, 125, 56, 87, (o) => {
      if (b[o + 7] === 0x55) pushFixed(rows, v, o, NDC_FIXED, file);
    });
  } else {
    // v2: 512-byte pages after a 512-byte header, records [5, 512 − 37)
    for (let p = 512; p + 512 <= b.length; p += 512) {
      const o = p + 5;
      if (b[o + 7] === 0x55 || b[o] === 0x55) pushFixed(rows, v, o, NDC_FIXED, file);
    }
  }
  return rows;
}

/** (voltage V, current mA) pairs of a split-format data.ndc, straight into typed arrays. */
export function readNdcVI(b: Uint8Array, version: number): { voltage: Float64Array; currentMa: Float64Array } {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const vScale = version === 11 || version === 16 ? 1e-4 : 1;
  const iScale = version === 14 || version === 17 ? 1000 : 1;
  const max = Math.max(0, Math.floor((b.length - PAGE) / PAGE)) * Math.floor((PAGE - 132 - 4) / 8);
  const voltage = new Float64Array(max);
  const currentMa = new Float64Array(max);
  let n = 0;
  forPages(b, 132, 4, 8, (o) => {
    const x = v.getFloat32(o, true);
    if (x !== 0) {
      voltage[n] = x * vScale;
      currentMa[n] = v.getFloat32(o + 4, true) * iScale;
      n++;
    }
  });
  return { voltage: voltage.subarray(0, n), currentMa: currentMa.subarray(0, n) };
}

export interface RunInfo {
  index: number;
  stepTime: number;
  chargeMah: number;
  dischargeMah: number;
  dt: number;
  step: number;
}

/** data_runInfo.ndc (type 18) records, keyed by point index (first occurrence kept). */
export function readRunInfo(b: Uint8Array, version: number, file: string): Map<number, RunInfo> {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const layout: Record<number, [number, number, number, number]> = {
    // start, trim, size, capacity scale (to mAh)
    11: [132, 16, 47, 1 / 3600],
    14: [132, 4, 55, 1000],
    16: [132, 64, 100, 1 / 3600],
    // v17 pages carry one more 100-byte block before the records (NewareNDA reads from 232)
    17: [232, 64, 100, 1000],
  };
  const l = layout[version];
  if (!l) throw new InputError(file, 'data_runInfo.ndc', `ndc version ${version} is not supported (known: 11, 14, 16, 17)`);
  const [start, trim, size, cap] = l;
  const out = new Map<number, RunInfo>();
  forPages(b, start, trim, size, (o) => {
    const index = v.getInt32(o + 41, true);
    if (index === 0 || out.has(index)) return;
    out.set(index, {
      index,
      stepTime: v.getInt32(o, true) / 1000,
      chargeMah: Math.abs(v.getFloat32(o + 5, true) * cap),
      dischargeMah: Math.abs(v.getFloat32(o + 9, true) * cap),
      dt: v.getInt32(o + 29, true) / 1000,
      step: v.getInt32(o + 37, true),
    });
  });
  return out;
}

export interface StepInfo {
  cycle: number;
  status: number;
}

/** data_step.ndc (type 7): per executed step (ordinal from 1) its cycle and status. */
export function readSteps(b: Uint8Array, version: number): StepInfo[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const [start, trim, size] = version === 11 || version === 14 ? [132, 5, 37] : [132, 64, 100];
  const out: StepInfo[] = [];
  let last = NaN;
  forPages(b, start, trim, size, (o) => {
    const stepIndex = v.getInt32(o + 4, true);
    if (stepIndex === 0) return;
    const info = { cycle: v.getInt32(o, true) + 1, status: v.getInt8(o + 24) };
    if (size === 37 || stepIndex !== last) out.push(info);
    last = stepIndex;
  });
  return out;
}
