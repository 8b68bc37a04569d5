/**
 * Generates an ILLUSTRATIVE GITT run — synthetic, not from the paper (which gives no GITT
 * curves we could reproduce): 40 charge pulses of 0.05 mA × 600 s, each followed by 3600 s of
 * rest, on a planar electrode (5 mg, M = 100 g/mol, V_M = 20 cm³/mol, S = 1 cm², so
 * L = m·V_M/(M·S) = 10 µm). The voltage follows the Weppner–Huggins short-time solution
 *   E(t) = E_eq(δ₀) + I·R + (2·I·V_M/(F·S·√(πD)))·(dE/dδ)·√t          during a pulse,
 * relaxing exponentially (τ_rlx = 300 s) to E_eq(δ₀ + Δδ) at rest, with a chosen D(δ) that dips
 * by 10^0.8 mid-way. The study recovers that D from the file. Seeded 50 µV noise.
 *
 *   npx tsx examples/nhoc/generate/gitt.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../../src/core/rng.js';

const F = 96485.33212; // C/mol
export const CELL = { massMg: 5, molarMassGMol: 100, molarVolumeCm3Mol: 20, areaCm2: 1 };
const I = 5e-5; // A
const PULSE_S = 600;
const REST_S = 3600;
const PULSES = 40;
const R_OHM = 50;

/** Equilibrium voltage against inserted fraction δ (a smooth sloping curve), V. */
const eEq = (d: number) => 3.0 + 3.2 * d + 0.05 * Math.tanh((d - 0.12) / 0.02);
const dEdDelta = (d: number) => 3.2 + (0.05 / 0.02) / Math.cosh((d - 0.12) / 0.02) ** 2;
/** The D put into the data, cm²/s. */
export const dAt = (d: number) => 1e-11 * 10 ** (-0.8 * Math.sin((Math.PI * d) / 0.25));

export function csv(): string {
  const rng = createRng(11);
  const m = CELL.massMg / 1000;
  const dDelta = (I * PULSE_S * CELL.molarMassGMol) / (F * m);
  let out = 'Time (s),Voltage (V),Current (A)\n';
  let t = 0;
  let d = 0;
  const emit = (time: number, v: number, cur: number) => {
    out += `${time.toFixed(2)},${(v + 5e-5 * rng.normal()).toFixed(6)},${cur.toExponential(6)}\n`;
  };
  for (let r = 0; r <= 60; r += 30) emit(t + r, eEq(d), 0); // initial rest
  t += 60;
  for (let k = 0; k < PULSES; k++) {
    const mid = d + dDelta / 2;
    const slope = ((2 * I * CELL.molarVolumeCm3Mol) / (F * CELL.areaCm2 * Math.sqrt(Math.PI * dAt(mid)))) * dEdDelta(mid);
    const e0 = eEq(d);
    const times = [0.1, ...Array.from({ length: PULSE_S / 10 }, (_, i) => 10 * (i + 1))];
    let eEnd = e0;
    for (const s of times) {
      eEnd = e0 + I * R_OHM + slope * Math.sqrt(s);
      emit(t + s, eEnd, I);
    }
    t += PULSE_S;
    d += dDelta;
    const e1 = eEq(d);
    const over = eEnd - I * R_OHM - e1; // overpotential left when the current stops
    for (let s = 0.1; s <= REST_S; s = s < 1 ? 30 : s + 30) emit(t + s, e1 + over * Math.exp(-s / 300), 0);
    t += REST_S;
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = fileURLToPath(new URL('../data/gitt/illustrative_gitt.csv', import.meta.url));
  writeFileSync(file, csv());
  console.error(`wrote ${file}`);
}
