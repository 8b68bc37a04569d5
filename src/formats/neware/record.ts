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
  const time = new Float64Array(n);
  const voltage = new Float64Array(n);
  const current = new Float64Array(n);
  const step = new Int32Array(n);
  const cycle = new Int32Array(n);
  const ch = new Float64Array(n);
  const dis = new Float64Array(n);
  const status = new Float64Array(n);
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
  return {
    time,
    voltage,
    current,
    step,
    cycle,
    chargeCapacity: ch,
    dischargeCapacity: dis,
    extra: { status: { unit: '', values: status } },
    meta: { source: file, format, statusNames: STATUS, ...meta },
  };
}
