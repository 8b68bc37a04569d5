/**
 * Generates the demo's voltammogram from the stability window Lin et al. (Nature Materials 24,
 * 2025) report for NHOC — 1.83 V to 4.03 V vs Na⁺/Na — NOT a measurement. One cycle at
 * 1 mV/s: from 2.6 V up to 5.0 V, then down to 0.5 V, on a 10 mm pellet (0.785 cm²).
 * Current density: a constant capacitive 0.5 µA/cm² (sign of the sweep) plus exponential
 * decomposition currents (0.25 V per e-fold) placed so that |j| crosses 0.01 mA/cm² exactly at the
 * reported onsets. Seeded 0.2 µA/cm² noise.
 *
 *   npx tsx examples/nhoc/generate/lsv.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../../src/core/rng.js';

export const WINDOW = { oxidationV: 4.03, reductionV: 1.83 };
export const THRESHOLD_MA_CM2 = 0.01;
export const AREA_CM2 = Math.PI * 0.25;

export function csv(): string {
  const rng = createRng(7);
  const cap = 0.0005; // mA/cm²
  const b = 0.25; // V per e-fold
  const dv = 0.005;
  const rate = 0.001; // V/s
  const vs: number[] = [];
  for (let v = 2.6; v <= 5.0 + 1e-9; v += dv) vs.push(v);
  for (let v = 5.0 - dv; v >= 0.5 - 1e-9; v -= dv) vs.push(v);
  let out = 'Time (s),Voltage (V),Current (A)\n';
  let t = 0;
  vs.forEach((v, i) => {
    const up = i === 0 || v > vs[i - 1]!;
    let j = up ? cap : -cap;
    j += (THRESHOLD_MA_CM2 - cap) * Math.exp((v - WINDOW.oxidationV) / b) * (up ? 1 : 0.2);
    j -= (THRESHOLD_MA_CM2 - cap) * Math.exp((WINDOW.reductionV - v) / b) * (up ? 0.2 : 1);
    j += 0.0002 * rng.normal();
    out += `${t.toFixed(1)},${v.toFixed(4)},${((j * AREA_CM2) / 1000).toExponential(6)}\n`;
    t += dv / rate;
  });
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = fileURLToPath(new URL('../data/lsv/nhoc_window.csv', import.meta.url));
  writeFileSync(file, csv());
  console.error(`wrote ${file}`);
}
