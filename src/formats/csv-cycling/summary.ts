/** What `inspect` reports for any CyclerRecord. */
import type { CyclerRecord } from '../../cycling/record.js';

export function summarizeRecord(r: CyclerRecord) {
  const columns = ['time/s', 'voltage/V', 'current/A'];
  if (r.step) columns.push('step');
  if (r.cycle) columns.push('cycle');
  if (r.chargeCapacity) columns.push('chargeCapacity/Ah');
  if (r.dischargeCapacity) columns.push('dischargeCapacity/Ah');
  if (r.deltaCharge) columns.push('deltaCharge/Ah');
  for (const [k, v] of Object.entries(r.extra ?? {})) columns.push(v.unit ? `${k}/${v.unit}` : k);
  const out: { rows: number; columns: string[]; technique?: string; sourceColumns?: string[] } = { rows: r.time.length, columns };
  if (r.meta.technique) out.technique = r.meta.technique;
  if (Array.isArray(r.meta.columns)) out.sourceColumns = r.meta.columns as string[];
  return out;
}
