import { describe, expect, it } from 'vitest';
import { analyzeGitt } from '../../src/cycling/gitt.js';
import { stabilityWindow, sweeps, tangentOnset } from '../../src/cycling/window.js';
import { dcPolarization } from '../../src/cycling/polarization.js';
import type { CyclerRecord } from '../../src/cycling/record.js';
import { buildRecord, type Segment } from './synthetic.js';

describe('GITT (Weppner–Huggins)', () => {
  it('recovers D from ΔEs, ΔEτ (IR jump excluded), τ and the geometry', () => {
    // Pulse: E = Es + IR + k·√(t − t0); rest relaxes to Es + ΔEs.
    const IR = 0.05;
    const k = 0.002; // V/√s
    const tau = 600; // s
    const dEs = 0.01;
    const segs: Segment[] = [];
    segs.push({ current: 0, points: 60, voltage: () => 3.0 });
    for (let p = 0; p < 3; p++) {
      const E0 = 3.0 + p * dEs;
      segs.push({ current: 1e-4, points: tau, voltage: (_k, ts) => E0 + IR + k * Math.sqrt(ts) });
      segs.push({ current: 0, points: 1200, voltage: (j) => (j < 1199 ? E0 + dEs + 0.001 * Math.exp(-j / 100) : E0 + dEs) });
    }
    const r = buildRecord(segs, 1);
    const m = 0.005, M = 100, Vm = 30, S = 1;
    const pulses = analyzeGitt(r, { massG: m, molarMass: M, molarVolume: Vm, areaCm2: S });
    expect(pulses).toHaveLength(3);
    const L = (m * Vm) / (M * S);
    const dEt = k * Math.sqrt(tau);
    const Dexp = (4 / (Math.PI * tau)) * L * L * (dEs / dEt) ** 2;
    for (const p of pulses) {
      expect(p.tau).toBeCloseTo(tau, 9);
      expect(p.deltaEs).toBeCloseTo(dEs, 9);
      expect(p.deltaEt).toBeCloseTo(dEt, 9);
      expect(p.irDrop).toBeCloseTo(IR, 9);
      expect(p.r2).toBeCloseTo(1, 9);
      expect(p.diffusionCoefficient / Dexp).toBeCloseTo(1, 8);
    }
    expect(pulses[2]!.relaxedVoltage).toBeCloseTo(3.03, 9);
  });
});

/**
 * GITT against a numerical experiment: Fick's law in a planar film of thickness L (ions enter at
 * x = 0, blocked at x = L), solved by explicit finite differences with a known D; the voltage is
 * linear in the surface concentration plus an ohmic jump. Weppner–Huggins must return D to a few
 * per cent when τ ≪ L²/D (here τD/L² = 0.05).
 */
function fickGitt(D: number, L: number, tau: number, rest: number, pulses: number): CyclerRecord {
  const N = 100;
  const dx = L / N;
  const dt = (0.4 * dx * dx) / D;
  const c = new Float64Array(N + 1);
  const flux = 1e-7; // surface flux (concentration·cm/s): gives ΔE_τ ≈ 10 mV
  const k = 0.5; // V per unit concentration
  const IR = 0.03;
  const t: number[] = [];
  const V: number[] = [];
  const I: number[] = [];
  let time = 0;
  const record = (on: boolean) => {
    t.push(time);
    V.push(3 + k * c[0]! + (on ? IR : 0));
    I.push(on ? 1e-4 : 0);
  };
  const advance = (seconds: number, on: boolean, every: number) => {
    const steps = Math.round(seconds / dt);
    const per = Math.max(1, Math.round(every / dt));
    const next = new Float64Array(N + 1);
    for (let s = 1; s <= steps; s++) {
      for (let i = 1; i < N; i++) next[i] = c[i]! + (D * dt * (c[i + 1]! - 2 * c[i]! + c[i - 1]!)) / (dx * dx);
      // x = 0: injected flux (ghost node), x = L: no flux
      next[0] = c[0]! + (D * dt * (2 * (c[1]! - c[0]!))) / (dx * dx) + (on ? (2 * flux * dt) / dx : 0);
      next[N] = c[N]! + (D * dt * (2 * (c[N - 1]! - c[N]!))) / (dx * dx);
      c.set(next);
      time += dt;
      if (s % per === 0 || s === steps) record(on);
    }
  };
  record(false);
  advance(10, false, 1);
  for (let p = 0; p < pulses; p++) {
    advance(tau, true, tau / 50);
    advance(rest, false, rest / 100);
  }
  return { time: Float64Array.from(t), voltage: Float64Array.from(V), current: Float64Array.from(I), meta: {} };
}

describe('GITT on a simulated diffusion experiment', () => {
  it('returns the D used in the simulation (planar film, τD/L² = 0.05)', () => {
    const D = 1e-10; // cm²/s
    const L = 1e-4; // cm
    const tau = 0.05 * (L * L) / D; // 5 s
    const r = fickGitt(D, L, tau, 6 * (L * L) / D, 2);
    // geometry with m·Vm/(M·S) = L
    const pulses = analyzeGitt(r, { massG: L, molarMass: 1, molarVolume: 1, areaCm2: 1 });
    expect(pulses).toHaveLength(2);
    for (const p of pulses) {
      expect(p.irDrop).toBeCloseTo(0.03, 3);
      expect(p.r2).toBeGreaterThan(0.999);
      expect(Math.abs(p.diffusionCoefficient / D - 1)).toBeLessThan(0.01); // measured 2e-4
      expect(p.tauOverDiffusionTime).toBeCloseTo(0.05, 3);
      expect(Math.abs(p.relaxationRate)).toBeLessThan(1e-7); // V/s: relaxed after 6 L²/D
    }
  });
});

function lsv(vs: number[], current: (v: number) => number): CyclerRecord {
  const n = vs.length;
  return {
    time: Float64Array.from(vs, (_, i) => i),
    voltage: Float64Array.from(vs),
    current: Float64Array.from(vs, current),
    meta: {},
  };
}

describe('stability window', () => {
  // CV 2.5 → 5 → 0 → 2.5 V in 1 mV steps; oxidation sets in at 4.0 V, reduction at 1.0 V (linear rise, A·slope)
  const up = Array.from({ length: 2501 }, (_, i) => 2.5 + i * 0.001);
  const down = Array.from({ length: 5000 }, (_, i) => 5 - (i + 1) * 0.001);
  const back = Array.from({ length: 2500 }, (_, i) => (i + 1) * 0.001);
  const I = (v: number) => (v > 4 ? 1e-3 * (v - 4) : v < 1 ? -1e-3 * (1 - v) : 2e-7); // A
  const r = lsv([...up, ...down, ...back], I);

  it('splits a CV into sweeps', () => {
    expect(sweeps(r.voltage).map((s) => s.direction)).toEqual([1, -1, 1]);
  });

  it('finds the threshold onset with a current density', () => {
    // area 2 cm²: j = I/2 in mA/cm²; threshold 0.01 mA/cm² ⇔ I = 0.02 mA ⇔ v − 4 = 0.02
    const w = stabilityWindow(r, { kind: 'threshold', value: 0.01 }, 2);
    expect(w.oxidation).toBeCloseTo(4.02, 6);
    expect(w.reduction).toBeCloseTo(0.98, 6);
  });

  it('finds the tangent onset at the kink', () => {
    const w = stabilityWindow(r, { kind: 'tangent' });
    expect(w.oxidation).toBeCloseTo(4.0, 3);
    expect(w.reduction).toBeCloseTo(1.0, 3);
  });

  it('returns null when the threshold is never reached', () => {
    const w = stabilityWindow(r, { kind: 'threshold', value: 100 });
    expect(w.oxidation).toBeNull();
  });

  it('finds the tangent onset of a densely sampled sweep (200 k points on the steep part)', () => {
    // 2.5 → 6 V in 5 µV steps; rise from 4 V, so the points above half the peak (> 5 V) number 200 k
    const n = 700_001;
    const v: number[] = new Array(n);
    const j: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      v[i] = 2.5 + i * 5e-6;
      j[i] = v[i]! > 4 ? v[i]! - 4 : 2e-4;
    }
    expect(tangentOnset(v, j)).toBeCloseTo(4.0, 3);
  });
});

describe('DC polarisation', () => {
  it('takes σe from the slope of steady-state current against voltage', () => {
    const Re = 2e6; // Ω electronic
    const segs: Segment[] = [0.1, 0.2, 0.3, 0.5].map((V, s) => ({
      current: 0, // filled below
      points: 3600,
      voltage: () => V,
      step: s,
    }));
    const r = buildRecord(segs, 1);
    // ionic decay + electronic + small offset
    for (let i = 0; i < r.time.length; i++) {
      const tSeg = r.time[i]! - 3600 * Math.floor((r.time[i]! - 1) / 3600);
      r.current[i] = r.voltage[i]! / Re + 1e-6 * Math.exp(-tSeg / 100) + 1e-9;
    }
    const res = dcPolarization(r, { thicknessCm: 0.05, areaCm2: 0.785 });
    expect(res.steps).toHaveLength(4);
    expect(res.resistance / Re).toBeCloseTo(1, 6);
    expect(res.electronicConductivity).toBeCloseTo(0.05 / (0.785 * Re), 15);
    expect(res.electronicConductivity / (0.05 / (0.785 * Re))).toBeCloseTo(1, 6);
  });
});
