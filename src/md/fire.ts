/**
 * FIRE minimisation (Bitzek, Koskinen, Gähler, Moseler, Gumbsch, PRL 97, 170201 (2006)) to
 * relax overlaps of random starting cells before MD: MD with unit masses whose velocity is
 * mixed towards the force direction, the step grows while the power F·v stays positive and is
 * reset when it turns negative. Each move is capped at `maxStep` Å per atom.
 */
import type { MdSystem } from './system.js';
import type { ForceField } from './forcefield.js';

export interface FireOptions {
  /** Stop when max |F| < fmax (eV/Å). */
  fmax?: number;
  maxSteps?: number;
  /** Initial and maximum time step (arbitrary units, unit masses). */
  dt?: number;
  dtMax?: number;
  maxStep?: number;
}

export interface FireResult {
  steps: number;
  converged: boolean;
  energy: number;
  fmax: number;
}

export function fire(sys: MdSystem, ff: ForceField, opts: FireOptions = {}): FireResult {
  const fmaxTarget = opts.fmax ?? 0.1;
  const maxSteps = opts.maxSteps ?? 1000;
  let dt = opts.dt ?? 0.02;
  const dtMax = opts.dtMax ?? 0.2;
  const maxStep = opts.maxStep ?? 0.1;
  const x = sys.positions, f = sys.forces;
  const v = new Float64Array(3 * sys.n);
  let alpha = 0.1;
  let positive = 0;
  let e = ff.compute().pe;
  let fm = maxForce(f);
  let step = 0;
  for (; step < maxSteps && fm >= fmaxTarget; step++) {
    let p = 0, vn = 0, fn = 0;
    for (let k = 0; k < v.length; k++) {
      p += f[k]! * v[k]!;
      vn += v[k]! * v[k]!;
      fn += f[k]! * f[k]!;
    }
    if (p > 0) {
      const mix = Math.sqrt(vn / fn);
      for (let k = 0; k < v.length; k++) v[k] = (1 - alpha) * v[k]! + alpha * mix * f[k]!;
      if (++positive > 5) {
        dt = Math.min(dt * 1.1, dtMax);
        alpha *= 0.99;
      }
    } else {
      v.fill(0);
      positive = 0;
      dt *= 0.5;
      alpha = 0.1;
    }
    for (let k = 0; k < v.length; k++) v[k] = v[k]! + dt * f[k]!;
    let vmax = 0;
    for (let i = 0; i < sys.n; i++) vmax = Math.max(vmax, Math.hypot(v[3 * i]!, v[3 * i + 1]!, v[3 * i + 2]!));
    const s = vmax * dt > maxStep ? maxStep / (vmax * dt) : 1;
    for (let k = 0; k < v.length; k++) x[k] = x[k]! + s * dt * v[k]!;
    e = ff.compute().pe;
    fm = maxForce(f);
  }
  return { steps: step, converged: fm < fmaxTarget, energy: e, fmax: fm };
}

function maxForce(f: Float64Array): number {
  let m = 0;
  for (let k = 0; k < f.length; k += 3) m = Math.max(m, f[k]! ** 2 + f[k + 1]! ** 2 + f[k + 2]! ** 2);
  return Math.sqrt(m);
}
