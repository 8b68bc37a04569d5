/**
 * Voltage profiles: capacity passed since the start of a half cycle against voltage, for
 * plotting V–Q curves per cycle and as the input of dQ/dV. Capacity in Ah (divide by the
 * active mass for mAh/g at the boundary), voltage in V; rests inside the half cycle are skipped.
 */
import type { CyclerRecord } from './record.js';
import { pointCharge, type HalfCycle } from './segment.js';

export interface Profile {
  /** Ah passed since the half cycle started, ≥ 0. */
  capacity: Float64Array;
  /** V */
  voltage: Float64Array;
}

export function halfCycleProfile(r: CyclerRecord, h: HalfCycle): Profile {
  const sign = h.direction === 'charge' ? 1 : -1;
  const { voltage: V, current: I } = r;
  const cap: number[] = [];
  const volt: number[] = [];
  let q = 0;
  for (let i = h.start; i < h.end; i++) {
    if (sign * I[i]! <= 0) continue;
    q += sign * pointCharge(r, i);
    cap.push(q);
    volt.push(V[i]!);
  }
  return { capacity: Float64Array.from(cap), voltage: Float64Array.from(volt) };
}
