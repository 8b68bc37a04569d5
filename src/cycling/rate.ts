/**
 * Rate capability: consecutive cycles whose discharge currents agree (within `tolerance`,
 * relative) form one rate step; each step's C-rate = |I_dis| / (oneC · m), with the stated 1C
 * specific current (default 120 mA/g as in the reference study) and active mass m.
 * Recovery = mean Q_dis of the last step that returns to the first step's rate / mean Q_dis of
 * the first step (the usual "back to 0.1 C" figure); null if the test never returns.
 */
import type { Cycle, CycleTable } from './cycles.js';

export interface RateStep {
  /** Dimensionless C-rate (null without a mass). */
  cRate: number | null;
  /** A: median discharge current of the step. */
  current: number;
  cycles: number[];
  /** Ah: mean discharge capacity of the step's cycles. */
  meanDischarge: number;
  /** Ah: discharge capacity of the step's last cycle. */
  lastDischarge: number;
  /** Mean coulombic efficiency of the step (complete cycles only). */
  meanCoulombicEfficiency: number | null;
}

export interface RateTable {
  steps: RateStep[];
  recovery: number | null;
  /** Index of the step compared with the first for recovery. */
  recoveryStep: number | null;
}

export interface RateOptions {
  /** g of active material; needed for C-rates. */
  massG?: number;
  /** mA/g that define 1C; default 120. */
  oneCmAg?: number;
  /** Relative current tolerance within a step; default 0.05. */
  tolerance?: number;
}

export function rateTable(table: CycleTable, opts: RateOptions = {}): RateTable {
  const tol = opts.tolerance ?? 0.05;
  const oneC = opts.oneCmAg ?? 120;
  const groups: Cycle[][] = [];
  for (const c of table.cycles) {
    if (!c.discharge) continue;
    const g = groups[groups.length - 1];
    const ref = g ? median(g.map((x) => x.discharge!.current)) : 0;
    if (g && Math.abs(c.discharge.current - ref) <= tol * ref) g.push(c);
    else groups.push([c]);
  }
  const steps = groups.map((g): RateStep => {
    const current = median(g.map((c) => c.discharge!.current));
    const caps = g.map((c) => c.discharge!.capacity);
    const ces = g.map((c) => c.coulombicEfficiency).filter((x): x is number => x !== null);
    return {
      cRate: opts.massG ? (current * 1000) / (oneC * opts.massG) : null,
      current,
      cycles: g.map((c) => c.cycle),
      meanDischarge: mean(caps),
      lastDischarge: caps[caps.length - 1]!,
      meanCoulombicEfficiency: ces.length ? mean(ces) : null,
    };
  });
  let recoveryStep: number | null = null;
  if (steps.length > 1) {
    const i0 = steps[0]!.current;
    for (let k = steps.length - 1; k > 0; k--) {
      if (Math.abs(steps[k]!.current - i0) <= tol * i0) {
        recoveryStep = k;
        break;
      }
    }
  }
  return {
    steps,
    recovery: recoveryStep === null ? null : steps[recoveryStep]!.meanDischarge / steps[0]!.meanDischarge,
    recoveryStep,
  };
}

function mean(x: number[]): number {
  return x.reduce((a, b) => a + b, 0) / x.length;
}

function median(x: number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
