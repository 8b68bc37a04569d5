/** Neware rows (step time s, V, mA, mAh) → CyclerRecord (test time s, V, A, Ah). */
import type { CyclerRecord } from '../../cycling/record.js';
import { STATUS, type NewareRows } from './ndc.js';

/**
 * Sorts by point index (dropping repeats), renumbers steps as a running counter and builds the
 * test time from the step times: within a step it advances by the step-time difference, at a new
 * step by that step's first step time (the time since the step began).
 */
export function recordFromNeware(
  rows: NewareRows,
  file: string,
  format: string,
  meta: Record<string, unknown> = {},
  /** `stepTime` already holds the time since the start of the test (BTS 9.1 .nda). */
  totalTime = false,
): CyclerRecord {
  const n0 = rows.index.length;
  let order = Array.from({ length: n0 }, (_, k) => k);
  let sorted = true;
  for (let k = 1; k < n0; k++) if (rows.index[k]! <= rows.index[k - 1]!) sorted = false;
  if (!sorted) {
    order.sort((a, b) => rows.index[a]! - rows.index[b]!);
    order = order.filter((k, j) => j === 0 || rows.index[k] !== rows.index[order[j - 1]!]);
  }
  const n = order.length;
  const cols = newareColumns(n);
  const { time, voltage, current, step, cycle, chargeCapacity: ch, dischargeCapacity: dis, status } = cols;
  let t = 0;
  let stepCount = 0;
  for (let j = 0; j < n; j++) {
    const k = order[j]!;
    const newStep = j === 0 || rows.step[k] !== rows.step[order[j - 1]!];
    if (newStep) stepCount++;
    if (totalTime) t = rows.stepTime[k]!;
    else t = newStep ? t + rows.stepTime[k]! : t + rows.stepTime[k]! - rows.stepTime[order[j - 1]!]!;
    time[j] = t;
    voltage[j] = rows.voltage[k]!;
    current[j] = rows.currentMa[k]! / 1000;
    step[j] = stepCount;
    cycle[j] = rows.cycle[k]!;
    ch[j] = Math.abs(rows.chargeMah[k]!) / 1000;
    dis[j] = Math.abs(rows.dischargeMah[k]!) / 1000;
    status[j] = rows.status[k]!;
  }
  return newareRecord(cols, file, format, meta);
}

/** A Neware run's typed columns in s, V, A, Ah, plus the instrument's status code per point. */
export interface NewareColumns {
  time: Float64Array;
  voltage: Float64Array;
  current: Float64Array;
  step: Int32Array;
  cycle: Int32Array;
  chargeCapacity: Float64Array;
  dischargeCapacity: Float64Array;
  status: Float64Array;
}

/** Allocates the columns of an n-point run (`voltage` given when a decoder already made it). */
export function newareColumns(n: number, voltage: Float64Array = new Float64Array(n)): NewareColumns {
  return {
    time: new Float64Array(n),
    voltage,
    current: new Float64Array(n),
    step: new Int32Array(n),
    cycle: new Int32Array(n),
    chargeCapacity: new Float64Array(n),
    dischargeCapacity: new Float64Array(n),
    status: new Float64Array(n),
  };
}

/** The record every Neware reader returns: status as an extra column, its names in the meta. */
export function newareRecord(c: NewareColumns, file: string, format: string, meta: Record<string, unknown>): CyclerRecord {
  const { status, ...columns } = c;
  return { ...columns, extra: { status: { unit: '', values: status } }, meta: { source: file, format, statusNames: STATUS, ...meta } };
}
