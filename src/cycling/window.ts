/**
 * Electrochemical stability window from LSV or CV (current against working-electrode
 * potential). The first anodic sweep (potential rising) gives the oxidation onset, the first
 * cathodic sweep (potential falling) the reduction onset.
 *
 * - threshold: the onset is where the current density |j| = |I|/A last crosses the threshold
 *   before the sweep's vertex, i.e. the start of the final run of |j| ≥ threshold going outward
 *   (so a capacitive blip at the start of the sweep is ignored), linearly interpolated between
 *   the two points around the crossing. Without an area the threshold applies to |I| in mA.
 * - tangent: the intersection of the baseline (least-squares line through the middle 60 % of the
 *   stretch from where |I| is first below 5 % of the sweep's peak to where it first rises above
 *   it again) and the tangent (line through the outermost points with |I| ≥ 50 % of the peak,
 *   i.e. the steep rise up to the vertex).
 * Potentials in V as recorded (state the reference electrode, e.g. Na/Na⁺, with the result).
 */
import { fitLine } from '../numerics/regression.js';
import type { CyclerRecord } from './record.js';

export type WindowMethod = { kind: 'threshold'; value: number } | { kind: 'tangent' };

export interface WindowResult {
  /** V or null if the sweep never reaches the criterion */
  oxidation: number | null;
  reduction: number | null;
}

export interface Sweep {
  /** +1 anodic, −1 cathodic */
  direction: 1 | -1;
  start: number;
  end: number;
}

/** Splits a voltammogram into monotonic sweeps (ignoring jitter below `jitter` V). */
export function sweeps(V: Float64Array, jitter = 1e-3): Sweep[] {
  const out: Sweep[] = [];
  const n = V.length;
  if (n < 2) return out;
  let start = 0;
  let dir: 0 | 1 | -1 = 0;
  let extreme = 0; // index of the running extreme in the current direction
  for (let i = 1; i < n; i++) {
    if (dir === 0) {
      const d = V[i]! - V[start]!;
      if (Math.abs(d) > jitter) {
        dir = d > 0 ? 1 : -1;
        extreme = i;
      }
      continue;
    }
    if (dir * (V[i]! - V[extreme]!) > 0) extreme = i;
    else if (dir * (V[extreme]! - V[i]!) > jitter) {
      out.push({ direction: dir, start, end: extreme + 1 });
      start = extreme;
      dir = dir === 1 ? -1 : 1;
      extreme = i;
    }
  }
  if (dir !== 0) out.push({ direction: dir, start, end: extreme + 1 });
  return out;
}

export function stabilityWindow(r: CyclerRecord, method: WindowMethod, areaCm2?: number): WindowResult {
  const V = r.voltage;
  // current in mA, or mA/cm² with an area
  const scale = 1000 / (areaCm2 ?? 1);
  const all = sweeps(V);
  const an = all.find((s) => s.direction === 1);
  const ca = all.find((s) => s.direction === -1);
  const onset = (s: Sweep | undefined): number | null => {
    if (!s) return null;
    const v: number[] = [];
    const j: number[] = [];
    for (let i = s.start; i < s.end; i++) {
      v.push(V[i]!);
      // oxidation: positive current; reduction: negative → flip so "rising" is positive
      j.push(s.direction * r.current[i]! * scale);
    }
    return method.kind === 'threshold' ? thresholdOnset(v, j, method.value) : tangentOnset(v, j);
  };
  return { oxidation: onset(an), reduction: onset(ca) };
}

/** v, j ordered along the sweep; j already oriented so the decomposition current is positive. */
export function thresholdOnset(v: number[], j: number[], threshold: number): number | null {
  const n = j.length;
  if (!n || j[n - 1]! < threshold) {
    // never ends above; accept the last run above threshold if any
    let k = n - 1;
    while (k >= 0 && j[k]! < threshold) k--;
    if (k < 0) return null;
    return backToCrossing(v, j, k, threshold);
  }
  return backToCrossing(v, j, n - 1, threshold);
}

function backToCrossing(v: number[], j: number[], k: number, threshold: number): number {
  while (k > 0 && j[k - 1]! >= threshold) k--;
  if (k === 0) return v[0]!;
  const f = (threshold - j[k - 1]!) / (j[k]! - j[k - 1]!);
  return v[k - 1]! + f * (v[k]! - v[k - 1]!);
}

export function tangentOnset(v: number[], j: number[]): number | null {
  const n = j.length;
  let peak = 0;
  for (const x of j) if (x > peak) peak = x;
  if (!(peak > 0)) return null;
  // baseline: the middle 60 % of the quiet stretch before the onset (its ends bend into the
  // previous sweep's current and into the onset)
  // (a CV's cathodic sweep starts inside the oxidation current: skip to where |j| is small)
  let from = 0;
  while (from < n && Math.abs(j[from]!) >= 0.05 * peak) from++;
  let first = from;
  while (first < n && j[first]! < 0.05 * peak) first++;
  const b0 = from + Math.floor(0.2 * (first - from));
  const b1 = from + Math.floor(0.8 * (first - from));
  const bx = v.slice(b0, b1);
  const by = j.slice(b0, b1);
  // the steep part: the outermost contiguous points at ≥ 50 % of the peak
  let k = n - 1;
  while (k >= 0 && j[k]! < 0.5 * peak) k--;
  const tx: number[] = [];
  const ty: number[] = [];
  for (let i = k; i >= 0 && j[i]! >= 0.5 * peak; i--) {
    tx.push(v[i]!);
    ty.push(j[i]!);
  }
  if (tx.length < 2 || bx.length < 2) return null;
  if (spread(tx) <= 0 || spread(bx) <= 0) return null;
  const base = fitLine(bx, by);
  const tan = fitLine(tx, ty);
  if (tan.slope === base.slope) return null;
  return (base.intercept - tan.intercept) / (tan.slope - base.slope);
}

/** max − min, by a loop: a long sweep's steep part can exceed the argument limit of Math.max(...xs). */
function spread(xs: number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return hi - lo;
}
