/**
 * Arbin MITS Pro `.res` files: a Microsoft Access (JET4) database read with `mdb-reader` (pure
 * JS; no mdbtools). Data in `Channel_Normal_Table` (Test_Time s, Current A signed positive for
 * charge, Voltage V, Charge_/Discharge_Capacity Ah cumulative within a cycle, Step_Index,
 * Cycle_Index), ordered here by (Test_ID, Data_Point). Recognised by the JET signature.
 */
import MDBReader from 'mdb-reader';
import { InputError } from '../../core/errors.js';
import type { CyclerRecord } from '../../cycling/record.js';
import type { FileFormat, FileHead } from '../types.js';
import { summarizeRecord } from '../csv-cycling/summary.js';

const JET = 'Standard Jet DB';
const REQUIRED = ['Test_Time', 'Voltage', 'Current'] as const;

type Row = Record<string, unknown>;

export const arbinResFormat: FileFormat<CyclerRecord> = {
  id: 'arbin-res',
  name: 'Arbin MITS Pro .res (Access database)',
  kind: 'cycling',
  sniff(head: FileHead): number {
    if (head.text.slice(4, 4 + JET.length) !== JET) return 0;
    return head.text.includes('C\0h\0a\0n\0n\0e\0l\0_\0N\0o\0r\0m\0a\0l') || head.text.includes('Channel_Normal') ? 95 : 40;
  },
  read(bytes: Uint8Array, file: string): CyclerRecord {
    let rows: Row[];
    let global: Row | undefined;
    try {
      // mdb-reader's node build wants a Buffer; wrap without copying (its browser build takes bytes).
      const B = (globalThis as { Buffer?: typeof Buffer }).Buffer;
      const buf = B ? B.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : (bytes as unknown as Buffer);
      const db = new MDBReader(buf);
      if (!db.getTableNames().includes('Channel_Normal_Table')) {
        throw new InputError(file, 'Channel_Normal_Table', 'no such table; expected an Arbin .res database');
      }
      const table = db.getTable('Channel_Normal_Table');
      const names = table.getColumnNames();
      for (const c of REQUIRED) {
        if (!names.includes(c)) throw new InputError(file, 'Channel_Normal_Table', `no ${c} column; found ${names.join(', ')}`);
      }
      rows = table.getData() as Row[];
      if (db.getTableNames().includes('Global_Table')) global = (db.getTable('Global_Table').getData({ rowLimit: 1 }) as Row[])[0];
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(file, undefined, `unreadable Access database (${(e as Error).message}); the file may be truncated`);
    }
    rows.sort((a, b) => num(a.Test_ID) - num(b.Test_ID) || num(a.Data_Point) - num(b.Data_Point));
    const n = rows.length;
    const time = new Float64Array(n);
    const voltage = new Float64Array(n);
    const current = new Float64Array(n);
    const step = new Int32Array(n);
    const cycle = new Int32Array(n);
    const ch = new Float64Array(n);
    const dis = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      time[i] = num(r.Test_Time);
      voltage[i] = num(r.Voltage);
      current[i] = num(r.Current);
      step[i] = num(r.Step_Index);
      cycle[i] = num(r.Cycle_Index);
      ch[i] = num(r.Charge_Capacity);
      dis[i] = num(r.Discharge_Capacity);
      if (!Number.isFinite(time[i]!) || !Number.isFinite(voltage[i]!) || !Number.isFinite(current[i]!)) {
        throw new InputError(file, `Channel_Normal_Table row ${num(r.Data_Point)}`, 'Test_Time, Voltage or Current is not a number');
      }
    }
    const meta: CyclerRecord['meta'] = { source: file, format: 'arbin-res', columns: Object.keys(rows[0] ?? {}) };
    if (global) {
      if (typeof global.Test_Name === 'string') meta.testName = global.Test_Name;
      if (typeof global.Schedule_File_Name === 'string') meta.schedule = global.Schedule_File_Name;
    }
    return { time, voltage, current, step, cycle, chargeCapacity: ch, dischargeCapacity: dis, meta };
  },
  summarize: summarizeRecord,
};

function num(x: unknown): number {
  return typeof x === 'number' ? x : x === null || x === undefined ? NaN : Number(x);
}
