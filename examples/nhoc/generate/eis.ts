/**
 * Generates the demo's impedance spectra from the values Lin et al. (Nature Materials 24, 2025)
 * report — these are NOT measurements. For each material, σ(T) follows
 * σT = σ25·T25·exp(−Ea/kB·(1/T − 1/T25)); a 10 mm × 0.6 mm pellet turns σ into the bulk
 * resistance R1 = L/(σA), and the spectrum is that of R0-p(R1,CPE1)-CPE2 (bulk arc + blocking
 * electrodes) from our own circuit code, with 0.2 % seeded Gaussian noise (of |Z|) on Z′ and Z″. The circuit is written out here in closed form
 * (Z = R0 + 1/(1/R1 + Q1(jω)^α1) + 1/(Q2(jω)^α2)) so the generator does not depend on the fitter it
 * is used to test.
 *
 *   npx tsx examples/nhoc/generate/eis.ts      (rewrites data/eis/*.csv and the measurement list)
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../../src/core/rng.js';

export const KB_EV = 8.617333262e-5;
export const PELLET = { thicknessCm: 0.06, diameterCm: 1.0 };
export const TEMPERATURES_C = [25, 35, 45, 55, 65, 75];
export const CIRCUIT = 'R0-p(R1,CPE1)-CPE2';

/** Reported room-temperature conductivity (S/cm) and activation energy (eV). */
export const MATERIALS = [
  { id: 'NHOC', label: 'Na₂O₂–HfCl₄ (NHOC)', metal: 'Hf', sigma25: 0.52e-3, ea: 0.36 },
  { id: 'NTOC', label: 'Na₂O₂–TaCl₅ (NTOC)', metal: 'Ta', sigma25: 2.0e-3, ea: 0.3 },
  { id: 'NZOC', label: 'Na₂O₂–ZrCl₄ (NZOC)', metal: 'Zr', sigma25: 0.42e-3, ea: 0.35 },
];

export function conductivity(sigma25: number, ea: number, T: number): number {
  const T25 = 298.15;
  return ((sigma25 * T25) / T) * Math.exp((-ea / KB_EV) * (1 / T - 1 / T25));
}

export function spectrum(sigma: number, seed: number, noise = 0.002): { f: Float64Array; re: Float64Array; im: Float64Array; R1: number } {
  const area = (Math.PI * PELLET.diameterCm ** 2) / 4;
  const R1 = PELLET.thicknessCm / (sigma * area);
  // CPE1 puts the bulk arc's apex near 1 MHz at 25 °C for NHOC; CPE2 is the blocking-electrode spur.
  const R0 = 2;
  const [Q1, a1, Q2, a2] = [5e-9, 0.9, 2e-6, 0.8];
  const n = 81; // 10 points per decade, 10 MHz → 0.1 Hz
  const f = Float64Array.from({ length: n }, (_, k) => 1e7 * 10 ** (-k / 10));
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const w = 2 * Math.PI * f[k]!;
    // Admittance of p(R1, CPE1): 1/R1 + Q1·ω^α1·(cos(πα1/2) + j sin(πα1/2)).
    const yr = 1 / R1 + Q1 * w ** a1 * Math.cos((Math.PI * a1) / 2);
    const yi = Q1 * w ** a1 * Math.sin((Math.PI * a1) / 2);
    const d = yr * yr + yi * yi;
    // CPE2: ω^−α2·(cos(πα2/2) − j sin(πα2/2))/Q2.
    re[k] = R0 + yr / d + Math.cos((Math.PI * a2) / 2) / (Q2 * w ** a2);
    im[k] = -yi / d - Math.sin((Math.PI * a2) / 2) / (Q2 * w ** a2);
  }
  const rng = createRng(seed);
  for (let k = 0; k < n; k++) {
    const mod = Math.hypot(re[k]!, im[k]!);
    re[k] = re[k]! + noise * mod * rng.normal();
    im[k] = im[k]! + noise * mod * rng.normal();
  }
  return { f, re, im, R1 };
}

export function csv(s: { f: Float64Array; re: Float64Array; im: Float64Array }): string {
  let out = 'frequency_Hz,real_Ohm,imag_Ohm\n';
  for (let k = 0; k < s.f.length; k++) out += `${s.f[k]!.toPrecision(8)},${s.re[k]!.toPrecision(8)},${s.im[k]!.toPrecision(8)}\n`;
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('../data/eis/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  let seed = 1;
  for (const m of MATERIALS) {
    for (const tc of TEMPERATURES_C) {
      const s = spectrum(conductivity(m.sigma25, m.ea, tc + 273.15), seed++);
      writeFileSync(`${dir}${m.id}_${tc}C.csv`, csv(s));
    }
  }
  console.error(`wrote ${MATERIALS.length * TEMPERATURES_C.length} spectra to ${dir}`);
}
