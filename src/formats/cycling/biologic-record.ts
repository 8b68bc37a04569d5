/**
 * BioLogic tables (H1's generic .mpt/.mpr parsers, EC-Lab column names) → CyclerRecord in
 * s, V, A, Ah. Column choices, best first:
 *  - voltage: Ewe/V, <Ewe>/V, Ecell/V;
 *  - current: I/mA, <I>/mA; GCPL files often store neither (jdb11 fixtures) — then the current is
 *    the instrument's per-point charge over the interval, I = dq/Δt (exact on average over the
 *    interval, which is what capacity needs), falling back to control/mA in CC mode;
 *  - per-point charge (deltaCharge): dq/mA.h, dQ/mA.h or dQ/C — capacities are then the
 *    instrument's own integral;
 *  - step: Ns; cycle: cycle number (EC-Lab's, informational); charge/discharge counters:
 *    Q charge/mA.h, Q discharge/mA.h where the export has them.
 * EC-Lab's signs are kept: I > 0 oxidation of the working electrode (= charge of a cathode).
 */
import { InputError } from '../../core/errors.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { findColumn, rowCount, type BiologicTable } from '../biologic/columns.js';

const VOLTAMMETRY = new Set(['CV', 'CVA', 'LSV']);

export function biologicKind(technique: string | undefined): 'cycling' | 'voltammetry' {
  return technique && VOLTAMMETRY.has(technique) ? 'voltammetry' : 'cycling';
}

/** Consumes `t`: its columns are converted to SI units in place and become the record's. */
export function recordFromBiologic(t: BiologicTable, file: string, format: string): CyclerRecord {
  const n = rowCount(t);
  const timeCol = findColumn(t, 'time/s');
  if (!timeCol) throw new InputError(file, 'columns', 'no "time/s" column; expected a BioLogic time series');
  const vCol = findColumn(t, 'Ewe/V', '<Ewe>/V', 'Ecell/V', '<Ecell>/V');
  if (!vCol) throw new InputError(file, 'columns', 'no potential column (Ewe/V, <Ewe>/V or Ecell/V)');
  const time = timeCol.values;
  const voltage = vCol.values;

  let deltaCharge: Float64Array | undefined;
  const dqMah = findColumn(t, 'dq/mA.h', 'dQ/mA.h');
  const dqC = findColumn(t, 'dQ/C', 'dq/C');
  if (dqMah) deltaCharge = scaled(dqMah.values, 1e-3);
  else if (dqC) deltaCharge = scaled(dqC.values, 1 / 3600);

  let current: Float64Array;
  const iCol = findColumn(t, 'I/mA', '<I>/mA');
  const iColA = findColumn(t, 'I/A', '<I>/A');
  if (iCol) current = scaled(iCol.values, 1e-3);
  else if (iColA) current = iColA.values;
  else if (deltaCharge) {
    current = new Float64Array(n);
    for (let i = 1; i < n; i++) {
      const dt = time[i]! - time[i - 1]!;
      current[i] = dt > 0 ? (deltaCharge[i]! * 3600) / dt : 0;
    }
  } else {
    const ctl = findColumn(t, 'control/mA', 'control/V/mA');
    const mode = findColumn(t, 'mode');
    if (!ctl || !mode) {
      // OCV and similar: no current at all
      current = new Float64Array(n);
    } else {
      current = new Float64Array(n);
      for (let i = 0; i < n; i++) current[i] = mode.values[i] === 1 ? ctl.values[i]! * 1e-3 : 0;
    }
  }
  const rec: CyclerRecord = {
    time,
    voltage,
    current,
    meta: { ...t.meta, source: file, format, ...(t.technique ? { technique: t.technique } : {}), columns: t.columns.map((c) => c.name) },
  };
  if (deltaCharge) rec.deltaCharge = deltaCharge;
  const ns = findColumn(t, 'Ns');
  if (ns) rec.step = toInt32(ns.values);
  const cyc = findColumn(t, 'cycle number');
  if (cyc) rec.cycle = toInt32(cyc.values);
  const qc = findColumn(t, 'Q charge/mA.h');
  const qd = findColumn(t, 'Q discharge/mA.h');
  if (qc) rec.chargeCapacity = scaled(qc.values, 1e-3);
  if (qd) rec.dischargeCapacity = scaled(qd.values, 1e-3);
  const extra: NonNullable<CyclerRecord['extra']> = {};
  const keep: [string, string, string][] = [
    ['half cycle', 'halfCycle', ''],
    ['ox/red', 'oxRed', ''],
    ['mode', 'mode', ''],
    ['Q charge/discharge/mA.h', 'qChargeDischarge', 'mAh'],
  ];
  for (const [name, key, unit] of keep) {
    const c = findColumn(t, name);
    if (c) extra[key] = { unit, values: c.values };
  }
  if (Object.keys(extra).length) rec.extra = extra;
  if (voltage.length !== n || current.length !== n) throw new InputError(file, 'columns', 'columns of unequal length');
  return rec;
}

/**
 * A unit conversion IN PLACE: the table is consumed by recordFromBiologic (no second copy of
 * large columns is kept).
 */
function scaled(a: Float64Array, k: number): Float64Array {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! * k;
  return a;
}

function toInt32(a: Float64Array): Int32Array {
  const out = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]!;
  return out;
}
