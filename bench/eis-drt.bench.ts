/**
 * DRT of one 81-point spectrum (the pyDRTtools tutorial case: R∞ = 10 Ω, two ZARCs R = 50 Ω,
 * φ = 0.8, τ = 0.1 s and 1e-4 s, 10 mHz–1 MHz at 10 points/decade, white noise σ = 0.5 Ω,
 * seeded), including the λ search, against pyDRTtools' 0.5 s for an 81-point spectrum at a
 * FIXED λ (research/eis-drt.md §2.7, measured on this kind of machine). Target ≤ 10 ms.
 */
import { computeDrt } from '../src/impedance/drt/drt.js';
import { createSpectrum } from '../src/impedance/spectrum.js';
import { createRng } from '../src/core/rng.js';
import { logFrequencies, zarc } from '../test/impedance/drt/synthetic.js';
import { loadavg, cpus } from 'node:os';
import { report } from './util.js';

function tutorialSpectrum() {
  const rng = createRng(2025);
  const f = logFrequencies(6, -2, 10);
  const re: number[] = [];
  const im: number[] = [];
  for (const fi of f) {
    const w = 2 * Math.PI * fi;
    const a = zarc(w, 50, 0.1, 0.8);
    const b = zarc(w, 50, 1e-4, 0.8);
    re.push(10 + a[0] + b[0] + 0.5 * rng.normal());
    im.push(a[1] + b[1] + 0.5 * rng.normal());
  }
  return createSpectrum(f, re, im, { source: 'tutorial-2zarc' });
}

/**
 * Median and minimum wall time of each case, measured interleaved (case 1, 2, … then again) so
 * that bursts of load from other processes on a shared machine hit every case alike.
 */
function interleaved(cases: [string, () => unknown][], repeats: number): Map<string, { median: number; min: number }> {
  const times = new Map<string, number[]>(cases.map(([k]) => [k, []]));
  for (let r = 0; r < repeats; r++) {
    for (const [k, fn] of cases) {
      const t0 = performance.now();
      fn();
      times.get(k)!.push(performance.now() - t0);
    }
  }
  const out = new Map<string, { median: number; min: number }>();
  for (const [k, t] of times) {
    t.sort((a, b) => a - b);
    out.set(k, { median: t[Math.floor(t.length / 2)]!, min: t[0]! });
  }
  return out;
}

export function run(): void {
  const s = tutorialSpectrum();
  const pyDRTtoolsMs = 500;
  // Timings on a shared machine depend on its load: say what it was.
  console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs (timings inflate when load > CPUs)`);
  const methods = ['gcv-kk', 'gcv', 'mgcv', 'rgcv', 'lcurve', 're-im'] as const;
  const cases: [string, () => unknown][] = [
    ...methods.map((lambdaMethod): [string, () => unknown] => [lambdaMethod, () => computeDrt(s, { lambdaMethod })]),
    ['fixed', () => computeDrt(s, { lambda: 1e-3 })],
    ['c4', () => computeDrt(s, { lambda: 1e-3, basis: 'c4-matern' })],
  ];
  // Warm the JIT on every path first, so the first case is not charged for compilation.
  for (let i = 0; i < 10; i++) for (const [, fn] of cases) fn();
  const t = interleaved(cases, 41);
  for (const lambdaMethod of methods) {
    const r = computeDrt(s, { lambdaMethod });
    const { median, min } = t.get(lambdaMethod)!;
    report(`DRT 81 points, λ auto (${lambdaMethod} → ${r.lambda.toExponential(2)}, ${r.peaks.length} peaks), incl. peaks [min ${min.toFixed(2)} ms]`, median, pyDRTtoolsMs, 'pyDRTtools at fixed λ');
  }
  report(`DRT 81 points, fixed λ = 1e-3 [min ${t.get('fixed')!.min.toFixed(2)} ms]`, t.get('fixed')!.median, pyDRTtoolsMs, 'pyDRTtools at fixed λ');
  report(`DRT 81 points, fixed λ = 1e-3, C4 Matérn basis (panel quadrature) [min ${t.get('c4')!.min.toFixed(2)} ms]`, t.get('c4')!.median, pyDRTtoolsMs, 'pyDRTtools at fixed λ');
}
