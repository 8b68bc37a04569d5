/**
 * One cycler or potentiostat run as columns of equal length (DESIGN §2). SI-ish units fixed by
 * the field names: time s, voltage V, current A (positive = charge/oxidation, as the instrument
 * signs it after the reader normalises it), capacities Ah. Readers fill what the file has.
 */
export interface CyclerRecord {
  /** s since the start of the run */
  time: Float64Array;
  /** V (working electrode vs reference, or cell voltage) */
  voltage: Float64Array;
  /** A; positive for charge (oxidation of the working electrode) */
  current: Float64Array;
  /** Instrument step / sequence index where the file has one. */
  step?: Int32Array;
  /** The instrument's own cycle counter where present (informational; segmentation does not trust it). */
  cycle?: Int32Array;
  /** Ah, charge capacity counter as the instrument reports it */
  chargeCapacity?: Float64Array;
  /** Ah, discharge capacity counter as the instrument reports it */
  dischargeCapacity?: Float64Array;
  /**
   * Ah passed during the interval that ends at this point, signed like `current` (BioLogic
   * `dq`). When present, capacities are summed from it (the instrument's own integral) instead
   * of integrating the sampled current.
   */
  deltaCharge?: Float64Array;
  /** Further columns with their units, e.g. { "temperature": { unit: "degC", values } }. */
  extra?: Record<string, { unit: string; values: Float64Array }>;
  meta: RecordMeta;
}

export interface RecordMeta {
  source?: string;
  format?: string;
  /** e.g. "GCPL", "CV", "CA", "OCV" */
  technique?: string;
  /** Active mass in g if the file states it. */
  activeMassG?: number;
  /** Electrode area in cm² if the file states it. */
  areaCm2?: number;
  [key: string]: unknown;
}

export function recordLength(r: CyclerRecord): number {
  return r.time.length;
}
