/**
 * Neware .ndax: a ZIP holding data.ndc (+ data_runInfo.ndc and data_step.ndc from ndc version 11
 * on), Step.xml (active mass `SCQ` in µg), TestInfo.xml, VersionInfo.xml. See ndc.ts for the
 * record layouts. Recognised by the ZIP signature plus a `data.ndc` entry name near the start.
 */
import type { FileFormat, FileHead } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { InputError } from '../../core/errors.js';
import { summarizeRecord } from '../csv-cycling/summary.js';
import { isZip, zipEntries, zipRead } from './zip.js';
import { readNdcFixed, readNdcVI, readRunInfo, readSteps } from './ndc.js';
import { newareColumns, newareRecord, recordFromNeware } from './record.js';

export function readNdax(bytes: Uint8Array, file: string): CyclerRecord {
  const entries = zipEntries(bytes, file);
  const get = (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e ? zipRead(bytes, e, file) : undefined;
  };
  const data = get('data.ndc');
  if (!data) throw new InputError(file, undefined, 'no data.ndc inside the archive; expected a Neware .ndax');
  if (data.length < 3) throw new InputError(file, 'data.ndc', 'too short (truncated)');
  const type = data[0]!;
  const version = data[2]!;
  if (type !== 1) throw new InputError(file, 'data.ndc', `file type ${type}; expected 1 (data)`);
  const split = version === 11 || version === 14 || version === 16 || version === 17;
  if (!split && version !== 2 && version !== 5) {
    throw new InputError(file, 'data.ndc', `ndc version ${version} is not supported (known: 2, 5, 11, 14, 16, 17)`);
  }
  const meta: Record<string, unknown> = { ndcVersion: version };
  const stepXml = get('Step.xml');
  if (stepXml) {
    const m = /<SCQ[^>]*Value="([0-9.eE+-]+)"/.exec(new TextDecoder('latin1').decode(stepXml));
    if (m && Number(m[1]) > 0) meta.activeMassG = Number(m[1]) / 1e6; // stored in µg
  }
  if (split) return mergeSplit(data, version, get, file, meta);
  return recordFromNeware(readNdcFixed(data, version, file), file, 'neware-ndax', meta);
}

/**
 * Versions ≥ 11: one row per (voltage, current) pair of data.ndc; run info (where present for
 * that point) sets step time, capacities, the sampling interval and the step; between run-info
 * points time advances by dt and the capacities by ∫I dt. Written straight into the record's
 * typed arrays (700 k-point files are common).
 */
function mergeSplit(data: Uint8Array, version: number, get: (n: string) => Uint8Array | undefined, file: string, meta: Record<string, unknown>): CyclerRecord {
  const vi = readNdcVI(data, version);
  const ri = get('data_runInfo.ndc');
  if (!ri) throw new InputError(file, undefined, `ndc version ${version} needs data_runInfo.ndc, which the archive lacks`);
  const info = readRunInfo(ri, ri[2] ?? version, file);
  const st = get('data_step.ndc');
  const steps = st ? readSteps(st, st[2] ?? version) : [];
  const n = vi.voltage.length;
  const cols = newareColumns(n, vi.voltage);
  const { time, current, step, cycle, chargeCapacity: ch, dischargeCapacity: dis, status } = cols;
  let stepTime = 0;
  let dt = 0;
  let qc = 0;
  let qd = 0;
  let stepRaw = NaN;
  let stepCount = 0;
  let t = 0;
  for (let k = 0; k < n; k++) {
    const r = info.get(k + 1);
    const I = vi.currentMa[k]!;
    const before = stepTime;
    let newStep = false;
    if (r) {
      stepTime = r.stepTime;
      dt = r.dt;
      qc = r.chargeMah;
      qd = r.dischargeMah;
      if (r.step !== stepRaw) {
        stepCount++;
        stepRaw = r.step;
        newStep = true;
      }
    } else {
      stepTime += dt;
      const dq = (I * dt) / 3600;
      if (dq > 0) qc += dq;
      else qd -= dq;
    }
    // test time: a new step adds its own step time, otherwise the step-time increment
    t = k === 0 || newStep ? t + stepTime : t + stepTime - before;
    time[k] = t;
    current[k] = I / 1000;
    step[k] = stepCount;
    const s = steps[stepCount - 1];
    cycle[k] = s ? s.cycle : 1;
    status[k] = s ? s.status : 0;
    ch[k] = qc / 1000;
    dis[k] = qd / 1000;
  }
  return newareRecord(cols, file, 'neware-ndax', meta);
}

export const newareNdaxFormat: FileFormat<CyclerRecord> = {
  id: 'neware-ndax',
  name: 'Neware BTS .ndax (ZIP of .ndc streams)',
  kind: 'cycling',
  sniff(head: FileHead): number {
    if (!isZip(head.bytes)) return 0;
    return /\.ndc|Step\.xml|TestInfo\.xml/.test(head.text) ? 95 : 0;
  },
  read: readNdax,
  summarize: summarizeRecord,
};
