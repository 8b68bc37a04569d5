/**
 * Full cycles from half cycles, coulombic efficiency and retention.
 *
 * Pairing (explicit, never guessed from the instrument's counter):
 * - `charge-first` (cathode-first cells, the default): cycle n = charge n then the discharge that
 *   follows it; CE_n = Q_dis,n / Q_ch,n. A discharge before the first charge (a partial
 *   discharge from OCV) is cycle 0 and is reported as `initial`, not as a cycle.
 * - `discharge-first` (anode-first half cells, e.g. Si or graphite vs Na/Li metal): cycle n =
 *   discharge n then the charge that follows it; CE_n = Q_ch,n / Q_dis,n.
 * A trailing half cycle without its partner forms a last cycle with CE = null.
 */
import type { HalfCycle } from './segment.js';

export type CycleOrder = 'charge-first' | 'discharge-first';

export interface Cycle {
  /** 1-based cycle number. */
  cycle: number;
  charge?: HalfCycle;
  discharge?: HalfCycle;
  /** Dimensionless; null when the cycle is incomplete. */
  coulombicEfficiency: number | null;
}

export interface CycleTable {
  order: CycleOrder;
  cycles: Cycle[];
  /** A leading half cycle of the second kind before the first of the first kind (cycle 0). */
  initial?: HalfCycle;
}

export function pairCycles(halves: readonly HalfCycle[], order: CycleOrder = 'charge-first'): CycleTable {
  const lead = order === 'charge-first' ? 'charge' : 'discharge';
  const cycles: Cycle[] = [];
  let initial: HalfCycle | undefined;
  let k = 0;
  if (halves.length && halves[0]!.direction !== lead) {
    initial = halves[0];
    k = 1;
  }
  for (; k < halves.length; k++) {
    const h = halves[k]!;
    if (h.direction === lead) {
      const c: Cycle = { cycle: cycles.length + 1, coulombicEfficiency: null };
      c[h.direction] = h;
      cycles.push(c);
    } else {
      // Segmentation alternates directions, so this closes the cycle opened just before.
      const c = cycles[cycles.length - 1]!;
      c[h.direction] = h;
      const first = c[lead]!;
      c.coulombicEfficiency = first.capacity > 0 ? h.capacity / first.capacity : null;
    }
  }
  return initial ? { order, cycles, initial } : { order, cycles };
}

export type RetentionReference = number | 'first' | 'max';

export interface Retention {
  /** The reference cycle number. */
  reference: number;
  /** The last cycle with a discharge. */
  last: number;
  /** Q_dis(last) / Q_dis(reference). */
  value: number;
  /** First cycle whose Q_dis / Q_dis(reference) < threshold (default 0.8); null if none. */
  cycleLife: number | null;
  threshold: number;
  /** Q_dis(n)/Q_dis(ref) for every cycle (NaN where no discharge). */
  perCycle: number[];
}

/**
 * Retention of the discharge capacity against a stated reference cycle: a cycle number,
 * `first` (the first cycle with a discharge, default) or `max` (the largest discharge).
 */
export function retention(
  table: CycleTable,
  reference: RetentionReference = 'first',
  threshold = 0.8,
): Retention | null {
  const withDis = table.cycles.filter((c) => c.discharge);
  if (!withDis.length) return null;
  let ref: Cycle | undefined;
  if (reference === 'first') ref = withDis[0];
  else if (reference === 'max') ref = withDis.reduce((a, b) => (b.discharge!.capacity > a.discharge!.capacity ? b : a));
  else ref = withDis.find((c) => c.cycle === reference);
  if (!ref) return null;
  const q0 = ref.discharge!.capacity;
  const perCycle = table.cycles.map((c) => (c.discharge ? c.discharge.capacity / q0 : NaN));
  const last = withDis[withDis.length - 1]!;
  let cycleLife: number | null = null;
  for (const c of withDis) {
    if (c.cycle > ref.cycle && c.discharge!.capacity / q0 < threshold) {
      cycleLife = c.cycle;
      break;
    }
  }
  return {
    reference: ref.cycle,
    last: last.cycle,
    value: last.discharge!.capacity / q0,
    cycleLife,
    threshold,
    perCycle,
  };
}
