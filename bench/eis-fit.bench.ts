/**
 * Equivalent-circuit fit speed on impedance.py's getting-started problem (exampleData.csv with
 * ignoreBelowX → 57 points, R0-p(R1,C1)-p(R2-Wo1,C2), impedance.py's initial guess, unweighted):
 * 200 fits in one process. References: impedance.py 1.7.1 CustomCircuit.fit, 55.2 ms per fit
 * measured on this machine kind (shared/research/eis-drt.md §1.8; impedance.py cannot be
 * installed here), and scipy.optimize.least_squares ('trf', finite differences, as curve_fit
 * inside impedance.py) on a plain numpy model, run now by bench/eis_fit_scipy.py.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadavg, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readImpedance } from '../src/formats/impedance/index.js';
import { CircuitModel } from '../src/impedance/circuit/model.js';
import { selectPoints } from '../src/impedance/spectrum.js';
import { fitCircuit, type FitOptions, type SpectrumArrays } from '../src/impedance/fit/fit.js';
import { report } from './util.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = process.env.SUPERIONIC_SHARED ?? resolve(here, '../../shared');
const IMPEDANCE_PY_MS = 55.2;
const FITS = 200;
const CIRCUIT = 'R0-p(R1,C1)-p(R2-Wo1,C2)';
const GUESS = { R0: 0.01, R1: 0.01, C1: 100, R2: 0.01, Wo1_0: 0.05, Wo1_1: 100, C2: 1 };

function data(): SpectrumArrays {
  const file = join(shared, 'data', 'eis', 'impedance.py', 'exampleData.csv');
  const s = readImpedance(new Uint8Array(readFileSync(file)), file);
  return selectPoints(s, (i) => s.imag[i]! < 0);
}

/** Median over 5 batches of `FITS` fits: wall ms per fit, CPU ms per fit, and the last fit. */
function time(s: SpectrumArrays, model: CircuitModel, opts: FitOptions) {
  for (let i = 0; i < 50; i++) fitCircuit(s, model, opts);
  const wall: number[] = [];
  const cpu: number[] = [];
  let fit = fitCircuit(s, model, opts);
  for (let b = 0; b < 5; b++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < FITS; i++) fit = fitCircuit(s, model, opts);
    wall.push((performance.now() - t0) / FITS);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e3 / FITS);
  }
  const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  return { wall: med(wall), cpu: med(cpu), fit };
}

function scipy(): { msPerFit: number; nfev: number; params: number[] } | undefined {
  const r = spawnSync('python3', [join(here, 'eis_fit_scipy.py'), shared, String(FITS)], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    console.log(`  (scipy timing unavailable: ${(r.stderr || r.error?.message || 'python3 failed').trim().split('\n').pop()})`);
    return undefined;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

export async function run(): Promise<void> {
  const s = data();
  const model = new CircuitModel(CIRCUIT);
  console.log(`getting-started fit: ${s.frequency.length} points, ${CIRCUIT}, ${FITS} fits per batch, median of 5 batches`);
  const load = loadavg()[0]!;
  console.log(`  machine: ${cpus().length} CPUs, load average ${load.toFixed(1)}${load > cpus().length ? ' — oversubscribed: wall times are inflated, CPU time is the fairer measure' : ''}`);

  const ours = time(s, model, { weighting: 'unit', initial: GUESS });
  const R1 = ours.fit.values[1]!;
  console.log(
    `  ours (impedance.py's guess, unweighted): ${ours.fit.iterations} iterations, ${ours.fit.evaluations} model+Jacobian evaluations, R1 = ${R1.toPrecision(6)} Ohm (impedance.py 8.67655e-3), converged ${ours.fit.converged}`,
  );
  console.log(`  CPU time per fit: ${ours.cpu.toPrecision(3)} ms (wall ${ours.wall.toPrecision(3)} ms; target ≤ 1 ms)`);
  report('fit, impedance.py guess, per fit (wall)', ours.wall, IMPEDANCE_PY_MS, 'impedance.py 1.7.1 (measured, research note)');
  report('fit, impedance.py guess, per fit (CPU)', ours.cpu, IMPEDANCE_PY_MS, 'impedance.py 1.7.1 (wall on an idle machine)');
  const py = scipy();
  if (py) {
    console.log(`  scipy least_squares trf on a numpy model: ${py.nfev} evaluations (+ finite-difference Jacobians), R1 = ${py.params[1]!.toPrecision(6)} Ohm`);
    report('fit, impedance.py guess, per fit (wall)', ours.wall, py.msPerFit, `scipy ${'least_squares'} (same run)`);
  }

  const auto = time(s, model, {});
  console.log(
    `  ours, automatic starting values + ${auto.fit.starts - 1} restarts (modulus weighting, the CLI default): ${auto.cpu.toPrecision(3)} ms CPU, ${auto.wall.toPrecision(3)} ms wall per fit`,
  );
  report('fit from automatic starting values with restarts, per fit (wall)', auto.wall, IMPEDANCE_PY_MS, 'impedance.py single local fit');
}
