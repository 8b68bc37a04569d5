/**
 * Quality (not speed) of the λ criteria of `eis drt --lambda auto`, so the choice of default
 * can be re-checked: (1) every measured spectrum in shared/data/eis — λ, peaks, fit residual;
 * (2) two ZARCs 1.5 decades apart (R∞ 10 Ω, 50 Ω each, φ 0.8, 81 points 1 MHz–10 mHz) over 20
 * seeds with white noise of 0.5 % and 2 % of |Z| and with correlated AR(1) noise (ρ = 0.9,
 * 0.5 %): how often the two peaks come out with τ within 0.1 decade and areas within 10 %.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { computeDrt } from '../src/impedance/drt/drt.js';
import type { LambdaMethod } from '../src/impedance/drt/lambda.js';
import { readImpedance } from '../src/formats/impedance/index.js';
import { createSpectrum, type ImpedanceSpectrum } from '../src/impedance/spectrum.js';
import { createRng } from '../src/core/rng.js';
import { logFrequencies, twoZarcs } from '../test/impedance/drt/synthetic.js';

const methods: LambdaMethod[] = ['gcv-kk', 'gcv', 'mgcv', 'rgcv', 'lcurve', 're-im'];

/** Two ZARCs with noise e_n·|Z| on both parts, e_n an AR(1) sequence (ρ = 0 for white). */
function noisyTwoZarcs(seed: number, relative: number, rho: number): ImpedanceSpectrum {
  const rng = createRng(seed);
  const f = logFrequencies(6, -2, 10);
  const re: number[] = [];
  const im: number[] = [];
  let e1 = 0;
  let e2 = 0;
  const c = Math.sqrt(1 - rho * rho);
  for (const fi of f) {
    const [zr, zi] = twoZarcs(2 * Math.PI * fi);
    e1 = rho * e1 + c * rng.normal();
    e2 = rho * e2 + c * rng.normal();
    const m = Math.hypot(zr, zi);
    re.push(zr + relative * m * e1);
    im.push(zi + relative * m * e2);
  }
  return createSpectrum(f, re, im);
}

function measured(): void {
  const root = resolve('../shared/data/eis');
  if (!existsSync(root)) {
    console.log(`(no ${root}: measured-spectrum survey skipped)`);
    return;
  }
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(root);
  console.log('measured spectra: λ, number of peaks, rms fit residual relative to |Z|');
  let count = 0;
  const low = new Map<string, number>(methods.map((m) => [m, 0]));
  for (const file of files) {
    let s: ImpedanceSpectrum;
    try {
      s = readImpedance(new Uint8Array(readFileSync(file)), file);
    } catch {
      continue;
    }
    if (s.frequency.length < 8) continue;
    count++;
    const cells = methods.map((lambdaMethod) => {
      const r = computeDrt(s, { lambdaMethod });
      if (r.lambda < 1e-7) low.set(lambdaMethod, low.get(lambdaMethod)! + 1);
      return `${lambdaMethod} ${r.lambda.toExponential(1)} ${r.peaks.length}pk ${(100 * r.relativeResidualRms).toFixed(2)}%`;
    });
    console.log(`  ${file.slice(root.length + 1)} (${s.frequency.length} pts): ${cells.join(' | ')}`);
  }
  console.log(`  λ < 1e-7 (within a decade of the search bound) on ${count} spectra: ${methods.map((m) => `${m} ${low.get(m)}`).join(', ')}`);
}

function synthetic(): void {
  console.log('two ZARCs 1.5 decades apart, 20 seeds: both peaks with τ within 0.1 decade and areas within 10 %');
  const cases: [string, number, number][] = [
    ['white 0.5 %', 0.005, 0],
    ['white 2 %', 0.02, 0],
    ['AR(1) ρ 0.9, 0.5 %', 0.005, 0.9],
  ];
  for (const lambdaMethod of methods) {
    const cells = cases.map(([label, relative, rho]) => {
      let ok = 0;
      let peaks = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const r = computeDrt(noisyTwoZarcs(seed, relative, rho), { lambdaMethod });
        peaks += r.peaks.length;
        const big = r.peaks.filter((p) => p.resistance > 5);
        const good =
          big.length === 2 &&
          Math.abs(Math.log10(big[0]!.tau) + 2.5) < 0.1 &&
          Math.abs(Math.log10(big[1]!.tau) + 1) < 0.1 &&
          big.every((p) => Math.abs(p.resistance / 50 - 1) < 0.1);
        if (good) ok++;
      }
      return `${label}: ${ok}/20 (mean ${(peaks / 20).toFixed(1)} peaks)`;
    });
    console.log(`  ${lambdaMethod.padEnd(6)} ${cells.join(' | ')}`);
  }
}

export function run(): void {
  measured();
  synthetic();
}
