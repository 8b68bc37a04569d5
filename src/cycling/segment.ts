/**
 * Half cycles from the current's sign (issue 4: never from the instrument's half-cycle counter,
 * which skips values and restarts). A half cycle is a maximal stretch of the run in which every
 * point that carries current has the same sign; rests (|I| ≤ the rest threshold) inside it do not
 * end it (a CC step, a rest and a CV step of the same direction are one half cycle), a change of
 * sign does. Tiny opposite-sign blips (below `minCapacityFraction` of the largest half cycle,
 * e.g. a relaxation spike) are dropped and their neighbours merged.
 *
 * Capacity of a half cycle: the sum of the instrument's per-point charge `deltaCharge` where the
 * record has it (exact), else Σ I_k·(t_k − t_{k−1}) — the current recorded at a point is taken
 * to have flowed over the interval that ends at that point (how cyclers log; within a CC step it
 * equals the trapezoid rule). Energy likewise Σ V_k·I_k·Δt_k. Units: Ah, Wh, A, V, s.
 */
import type { CyclerRecord } from './record.js';

export type Direction = 'charge' | 'discharge';

export interface HalfCycle {
  direction: Direction;
  /** First and one-past-last row index (rests at the ends excluded). */
  start: number;
  end: number;
  /** Ah, positive. */
  capacity: number;
  /** Wh, positive. */
  energy: number;
  /** V: energy/capacity. */
  averageVoltage: number;
  /** A: median |I| over the current-carrying points (the set current of a CC step). */
  current: number;
  /** s: time spent passing current. */
  duration: number;
  /** V at the last current-carrying point. */
  endVoltage: number;
}

export interface SegmentOptions {
  /** A: |I| at or below this is rest. Default 1e-4 × max |I| (and at least 1e-12 A). */
  restCurrent?: number;
  /** Half cycles smaller than this fraction of the largest are noise. Default 0.001. */
  minCapacityFraction?: number;
}

/** Sign of each point: +1 charge, −1 discharge, 0 rest. */
export function currentSigns(r: CyclerRecord, restCurrent?: number): Int8Array {
  const I = r.current;
  const n = I.length;
  let maxI = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(I[i]!);
    if (a > maxI) maxI = a;
  }
  const eps = restCurrent ?? Math.max(1e-12, 1e-4 * maxI);
  const s = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const x = I[i]!;
    s[i] = x > eps ? 1 : x < -eps ? -1 : 0;
  }
  return s;
}

export function segmentHalfCycles(r: CyclerRecord, opts: SegmentOptions = {}): HalfCycle[] {
  const signs = currentSigns(r, opts.restCurrent);
  const n = signs.length;
  const raw: { sign: number; start: number; end: number }[] = [];
  let cur: { sign: number; start: number; end: number } | undefined;
  for (let i = 0; i < n; i++) {
    const s = signs[i]!;
    if (s === 0) continue;
    if (cur && cur.sign === s) cur.end = i + 1;
    else {
      cur = { sign: s, start: i, end: i + 1 };
      raw.push(cur);
    }
  }
  let halves = raw.map((h) => measure(r, signs, h.sign, h.start, h.end));
  const largest = halves.reduce((m, h) => Math.max(m, h.capacity), 0);
  const minCap = (opts.minCapacityFraction ?? 1e-3) * largest;
  if (halves.some((h) => h.capacity < minCap)) {
    const kept = raw.filter((_, k) => halves[k]!.capacity >= minCap);
    const merged: typeof raw = [];
    for (const h of kept) {
      const last = merged[merged.length - 1];
      if (last && last.sign === h.sign) last.end = h.end;
      else merged.push({ ...h });
    }
    halves = merged.map((h) => measure(r, signs, h.sign, h.start, h.end));
  }
  return halves;
}

/**
 * Ah passed in the interval that ends at row i, signed like the current: the instrument's own
 * `deltaCharge` where the record has it, else I_i·(t_i − t_{i−1}) (none at row 0).
 */
export function pointCharge(r: CyclerRecord, i: number): number {
  if (r.deltaCharge) return r.deltaCharge[i]!;
  return i > 0 ? (r.current[i]! * (r.time[i]! - r.time[i - 1]!)) / 3600 : 0;
}

/** Integrates one half cycle over rows [start, end) counting only points of its sign. */
export function measure(r: CyclerRecord, signs: Int8Array, sign: number, start: number, end: number): HalfCycle {
  const { time: t, voltage: V, current: I } = r;
  let q = 0;
  let e = 0;
  let dur = 0;
  let endV = V[start]!;
  const currents: number[] = [];
  for (let i = start; i < end; i++) {
    if (signs[i] !== sign) continue;
    const dt = i > 0 ? t[i]! - t[i - 1]! : 0;
    const di = pointCharge(r, i);
    q += di;
    e += V[i]! * di;
    dur += dt;
    endV = V[i]!;
    currents.push(Math.abs(I[i]!));
  }
  currents.sort((a, b) => a - b);
  const capacity = Math.abs(q);
  const energy = Math.abs(e);
  return {
    direction: sign > 0 ? 'charge' : 'discharge',
    start,
    end,
    capacity,
    energy,
    averageVoltage: capacity > 0 ? energy / capacity : NaN,
    current: currents.length ? currents[currents.length >> 1]! : 0,
    duration: dur,
    endVoltage: endV,
  };
}
