/**
 * DC polarisation with ion-blocking electrodes (e.g. SS|SE|SS): after each voltage step the
 * ionic current decays and the remaining steady-state current is electronic. For every step the
 * steady-state current I_ss is the mean current over the last `tailFraction` (default 10 %) of
 * the step's duration. The electronic resistance R is the inverse slope of I_ss against V over all
 * steps (least squares with intercept, so a small offset current does not bias it); with a single
 * step R = |V/I_ss|. A slope ≤ 0 is refused. σ_e = L / (A · R) in S/cm with L in cm and A in cm².
 *
 * Steps come from the record's step column when present, else from changes of the (controlled)
 * voltage larger than `stepTolerance` (default 5 mV) relative to the step's first point.
 */
import { fitLine } from '../numerics/regression.js';
import type { CyclerRecord } from './record.js';

export interface PolarizationStep {
  /** V, median voltage of the step */
  voltage: number;
  /** A, steady-state current */
  current: number;
  /** s */
  duration: number;
}

export interface PolarizationResult {
  steps: PolarizationStep[];
  /** Ω */
  resistance: number;
  /** S/cm */
  electronicConductivity: number;
  /** stderr of σ_e from the slope's stderr (NaN with fewer than 3 steps) */
  conductivityStderr: number;
}

export interface PolarizationOptions {
  thicknessCm: number;
  areaCm2: number;
  tailFraction?: number;
  stepTolerance?: number;
}

export function polarizationSteps(r: CyclerRecord, tailFraction = 0.1, stepTolerance = 0.005): PolarizationStep[] {
  const { time: t, voltage: V, current: I, step } = r;
  const n = t.length;
  const bounds: [number, number][] = [];
  let a = 0;
  for (let i = 1; i <= n; i++) {
    const boundary =
      i === n || (step ? step[i] !== step[i - 1] : Math.abs(V[i]! - V[a]!) > stepTolerance);
    if (boundary) {
      bounds.push([a, i]);
      a = i;
    }
  }
  const steps: PolarizationStep[] = [];
  for (const [s, e] of bounds) {
    if (e - s < 2) continue;
    const duration = t[e - 1]! - t[s]!;
    const tStart = t[e - 1]! - tailFraction * duration;
    let sum = 0;
    let cnt = 0;
    const vs: number[] = [];
    for (let i = s; i < e; i++) {
      vs.push(V[i]!);
      if (t[i]! >= tStart) {
        sum += I[i]!;
        cnt++;
      }
    }
    vs.sort((x, y) => x - y);
    steps.push({ voltage: vs[vs.length >> 1]!, current: sum / cnt, duration });
  }
  return steps;
}

export function dcPolarization(r: CyclerRecord, o: PolarizationOptions): PolarizationResult {
  const steps = polarizationSteps(r, o.tailFraction, o.stepTolerance).filter((s) => s.voltage !== 0 || s.current !== 0);
  if (!steps.length) throw new RangeError('no voltage steps found');
  let slope: number;
  let slopeErr = NaN;
  const distinct = new Set(steps.map((s) => s.voltage.toPrecision(6))).size;
  if (distinct >= 2) {
    const fit = fitLine(
      steps.map((s) => s.voltage),
      steps.map((s) => s.current),
    );
    slope = fit.slope;
    slopeErr = Math.sqrt(fit.covariance[1][1]);
  } else {
    // one step: R = |V / I_ss| (the sign follows the instrument's convention, not physics)
    slope = Math.abs(steps[0]!.current / steps[0]!.voltage);
  }
  if (!(slope > 0)) throw new RangeError('the steady-state current does not rise with the applied voltage, so no electronic resistance follows');
  const resistance = 1 / slope;
  const k = o.thicknessCm / o.areaCm2;
  return {
    steps,
    resistance,
    electronicConductivity: slope * k,
    conductivityStderr: slopeErr * k,
  };
}
