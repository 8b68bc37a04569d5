/**
 * Kinetic energy, temperature and initial velocities (units metal: Å/ps, g/mol, eV, K).
 * Degrees of freedom N_f = 3N − 3 (total momentum removed), as LAMMPS computes `temp`.
 */
import type { Rng } from '../core/rng.js';
import type { MdSystem } from './system.js';
import { BOLTZ, MVV2E } from './units.js';

export function kineticEnergy(sys: MdSystem): number {
  let s = 0;
  const v = sys.velocities, m = sys.masses;
  for (let i = 0; i < sys.n; i++) s += m[i]! * (v[3 * i]! ** 2 + v[3 * i + 1]! ** 2 + v[3 * i + 2]! ** 2);
  return 0.5 * MVV2E * s;
}

export function degreesOfFreedom(sys: MdSystem): number {
  return Math.max(1, 3 * sys.n - 3);
}

export function temperature(sys: MdSystem, ke = kineticEnergy(sys)): number {
  return (2 * ke) / (degreesOfFreedom(sys) * BOLTZ);
}

/** Gaussian velocities at T (K), zero total momentum, rescaled to exactly T. */
export function initVelocities(sys: MdSystem, T: number, rng: Rng): void {
  const v = sys.velocities;
  let px = 0, py = 0, pz = 0, mt = 0;
  for (let i = 0; i < sys.n; i++) {
    const s = Math.sqrt((BOLTZ * T) / (sys.masses[i]! * MVV2E));
    v[3 * i] = s * rng.normal();
    v[3 * i + 1] = s * rng.normal();
    v[3 * i + 2] = s * rng.normal();
    px += sys.masses[i]! * v[3 * i]!;
    py += sys.masses[i]! * v[3 * i + 1]!;
    pz += sys.masses[i]! * v[3 * i + 2]!;
    mt += sys.masses[i]!;
  }
  for (let i = 0; i < sys.n; i++) {
    v[3 * i] = v[3 * i]! - px / mt;
    v[3 * i + 1] = v[3 * i + 1]! - py / mt;
    v[3 * i + 2] = v[3 * i + 2]! - pz / mt;
  }
  const t = temperature(sys);
  if (t > 0 && T > 0) scaleVelocities(sys, Math.sqrt(T / t));
}

export function scaleVelocities(sys: MdSystem, s: number): void {
  const v = sys.velocities;
  for (let k = 0; k < v.length; k++) v[k] = v[k]! * s;
}
