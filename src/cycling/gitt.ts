/**
 * GITT, Weppner–Huggins (J. Electrochem. Soc. 124 (1977) 1569), small-step form:
 *
 *   D = 4/(π·τ) · ( m_B·V_M / (M_B·S) )² · ( ΔE_s / ΔE_τ )²        valid for τ ≪ L²/D
 *
 * τ pulse duration (s); m_B active mass (g); V_M molar volume (cm³/mol); M_B molar mass (g/mol);
 * S area (cm²) → D in cm²/s. ΔE_s = change of the relaxed voltage (end of the rest after the
 * pulse minus end of the rest before it). ΔE_τ = voltage change during the pulse WITHOUT the
 * ohmic (IR) jump: E(τ) − E(0⁺), where E(0⁺) is the t→0 intercept of a straight-line fit of E
 * against √(t − t₀) over the pulse (t₀ = the last rest point before the pulse). The IR drop
 * E(0⁺) − E_s,before is reported separately.
 *
 * Area convention: S is whatever the caller states (geometric electrode area by default in the
 * CLI). For composite solid-state electrodes the true active-material/electrolyte contact area is
 * unknown, so the result is an APPARENT diffusion coefficient (D ∝ 1/S²); m_B·V_M/(M_B·S) = V/S
 * is the diffusion length L. Quality checks reported per pulse: the E–√t fit's R², the rate
 * dE/dt at the end of the following rest (relaxed?) and τ·D/L² (short-time regime?).
 */
import { fitLine } from '../numerics/regression.js';
import type { CyclerRecord } from './record.js';
import { currentSigns } from './segment.js';

export interface GittParameters {
  /** g of active material */
  massG: number;
  /** g/mol of the active material */
  molarMass: number;
  /** cm³/mol of the active material */
  molarVolume: number;
  /** cm² */
  areaCm2: number;
  /** A; default 1e-4 × max |I| */
  restCurrent?: number;
}

export interface GittPulse {
  /** 1-based pulse number */
  index: number;
  /** A, signed */
  current: number;
  /** s */
  tau: number;
  /** V, relaxed voltage after the pulse */
  relaxedVoltage: number;
  /** V */
  deltaEs: number;
  /** V, without the IR jump */
  deltaEt: number;
  /** V, E(0⁺) − E before the pulse */
  irDrop: number;
  /** R² of E against √t over the pulse */
  r2: number;
  /** cm²/s, apparent */
  diffusionCoefficient: number;
  /** V/s: slope of E over the last 10 % of the rest after the pulse (should be ≈ 0: relaxed) */
  relaxationRate: number;
  /** τ·D/L², the validity check of the short-time solution (should be ≪ 1) */
  tauOverDiffusionTime: number;
}

/** A current pulse that could not be analysed, and why. */
export interface GittSkippedPulse {
  /** s, start of the pulse */
  startTimeS: number;
  reason: string;
}

/** Analyses every pulse with a rest before and after it; pulses that cannot give a D go to `skipped` if given. */
export function analyzeGitt(r: CyclerRecord, p: GittParameters, skipped?: GittSkippedPulse[]): GittPulse[] {
  const signs = currentSigns(r, p.restCurrent);
  const { time: t, voltage: V, current: I } = r;
  const n = signs.length;
  // Runs of equal sign: [sign, start, end)
  const runs: { s: number; a: number; b: number }[] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && signs[j] === signs[i]) j++;
    runs.push({ s: signs[i]!, a: i, b: j });
    i = j;
  }
  const L = (p.massG * p.molarVolume) / (p.molarMass * p.areaCm2);
  const pulses: GittPulse[] = [];
  for (let k = 1; k + 1 < runs.length; k++) {
    const pulse = runs[k]!;
    const before = runs[k - 1]!;
    const after = runs[k + 1]!;
    if (pulse.s === 0 || before.s !== 0 || after.s !== 0) continue;
    const i0 = before.b - 1; // last rest point: t₀ and E_s,before
    const t0 = t[i0]!;
    const xs: number[] = [];
    const ys: number[] = [];
    let cur = 0;
    for (let i = pulse.a; i < pulse.b; i++) {
      const dt = t[i]! - t0;
      if (dt <= 0) continue;
      xs.push(Math.sqrt(dt));
      ys.push(V[i]!);
      cur += I[i]!;
    }
    if (xs.length < 3) continue;
    const fit = fitLine(xs, ys);
    const tau = t[pulse.b - 1]! - t0;
    const eEnd = V[pulse.b - 1]!;
    const deltaEt = eEnd - fit.intercept;
    const esBefore = V[i0]!;
    const esAfter = V[after.b - 1]!;
    const deltaEs = esAfter - esBefore;
    // ΔEτ = 0 (a flat transient, e.g. a pulse too short or too small for the voltmeter's
    // resolution) leaves D undefined: report the pulse as skipped rather than an infinite D.
    if (!(Math.abs(deltaEt) > 0)) {
      skipped?.push({ startTimeS: t0, reason: 'the voltage did not change during the pulse (ΔEτ = 0), so D is undefined' });
      continue;
    }
    const D = (4 / (Math.PI * tau)) * L * L * (deltaEs / deltaEt) ** 2;
    // relaxation check: E against t over the last 10 % of the rest
    const tEnd = t[after.b - 1]!;
    const tFrom = tEnd - 0.1 * (tEnd - t[after.a]!);
    const rx: number[] = [];
    const ry: number[] = [];
    for (let i = after.a; i < after.b; i++) {
      if (t[i]! >= tFrom) {
        rx.push(t[i]!);
        ry.push(V[i]!);
      }
    }
    const relaxationRate = rx.length >= 2 && rx[rx.length - 1]! > rx[0]! ? fitLine(rx, ry).slope : NaN;
    pulses.push({
      index: pulses.length + 1,
      current: cur / xs.length,
      tau,
      relaxedVoltage: esAfter,
      deltaEs,
      deltaEt,
      irDrop: fit.intercept - esBefore,
      r2: fit.r2,
      diffusionCoefficient: D,
      relaxationRate,
      tauOverDiffusionTime: (tau * D) / (L * L),
    });
  }
  return pulses;
}
