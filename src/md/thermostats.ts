/**
 * Thermostats for NVT (state is plain numbers so checkpoints can store it exactly).
 *
 * NoseHooverChain: Martyna–Klein–Tuckerman chain of length M (default 3, as LAMMPS fix nvt),
 * masses Q₁ = N_f k_B T τ², Qⱼ = k_B T τ², integrated by the Trotter half-steps of Martyna et
 * al., Mol. Phys. 87, 1117 (1996) before and after each velocity-Verlet step. Deterministic;
 * conserves H + Σ Qⱼvⱼ²/2 + N_f k_B T ξ₁ + k_B T Σ_{j≥2} ξⱼ (the runner reports the same
 * quantity, for either thermostat, as H plus the kinetic energy its velocity scalings removed).
 *
 * Csvr: the stochastic velocity-rescaling thermostat of Bussi, Donadio & Parrinello,
 * J. Chem. Phys. 126, 014101 (2007): once per step the kinetic energy is resampled as
 *   K' = K + (1−c)(K̄(R₁² + Σ_{i=2}^{N_f} Rᵢ²)/N_f − K) + 2R₁√(c(1−c)K K̄/N_f),  c = e^{−Δt/τ},
 * with the sum of N_f−1 squared normals drawn as 2·Gamma((N_f−1)/2). Canonical sampling with
 * smooth dynamics; the seeded Rng makes it reproducible and resumable.
 */
import type { Rng } from '../core/rng.js';

export interface NhcState {
  kind: 'nose-hoover';
  xi: number[];
  vxi: number[];
}

export class NoseHooverChain {
  readonly xi: Float64Array;
  readonly vxi: Float64Array;

  constructor(
    readonly tauPs: number,
    readonly length = 3,
    state?: NhcState,
  ) {
    this.xi = new Float64Array(length);
    this.vxi = new Float64Array(length);
    if (state) {
      this.xi.set(state.xi);
      this.vxi.set(state.vxi);
    }
  }

  /**
   * One Trotter half-step of dt/2; `ke` is the current kinetic energy (eV), `ndof` degrees of
   * freedom, `kT` the target in eV. Returns the factor the velocities must be scaled by.
   */
  halfStep(ke: number, ndof: number, kT: number, dt: number): number {
    const M = this.length;
    const Q = (j: number) => (j === 0 ? ndof : 1) * kT * this.tauPs * this.tauPs;
    const v = this.vxi;
    const dt2 = dt / 2, dt4 = dt / 4, dt8 = dt / 8;
    const G = (j: number, ke2: number) => (j === 0 ? (ke2 - ndof * kT) / Q(0) : (Q(j - 1) * v[j - 1]! ** 2 - kT) / Q(j));
    let twoKe = 2 * ke;
    v[M - 1] = v[M - 1]! + G(M - 1, twoKe) * dt4;
    for (let j = M - 2; j >= 0; j--) {
      const e = Math.exp(-v[j + 1]! * dt8);
      v[j] = (v[j]! * e + G(j, twoKe) * dt4) * e;
    }
    const scale = Math.exp(-v[0]! * dt2);
    twoKe *= scale * scale;
    for (let j = 0; j < M; j++) this.xi[j] = this.xi[j]! + v[j]! * dt2;
    for (let j = 0; j < M - 1; j++) {
      const e = Math.exp(-v[j + 1]! * dt8);
      v[j] = (v[j]! * e + G(j, twoKe) * dt4) * e;
    }
    v[M - 1] = v[M - 1]! + G(M - 1, twoKe) * dt4;
    return scale;
  }

  state(): NhcState {
    return { kind: 'nose-hoover', xi: Array.from(this.xi), vxi: Array.from(this.vxi) };
  }
}

export class Csvr {
  constructor(readonly tauPs: number) {}

  /** Returns the velocity scale factor α = √(K'/K) for one step of length dt. */
  scale(ke: number, ndof: number, kT: number, dt: number, rng: Rng): number {
    if (!(ke > 0)) return 1;
    const target = 0.5 * ndof * kT;
    const c = Math.exp(-dt / this.tauPs);
    const r1 = rng.normal();
    const sumRest = ndof > 1 ? 2 * gammaSample((ndof - 1) / 2, rng) : 0;
    const knew = ke + (1 - c) * ((target * (sumRest + r1 * r1)) / ndof - ke) + 2 * r1 * Math.sqrt((ke * target * (1 - c) * c) / ndof);
    return Math.sqrt(Math.max(knew, 0) / ke);
  }
}

/** Gamma(shape, 1) variate (Marsaglia & Tsang 2000; shape < 1 by the boost u^{1/shape}). */
export function gammaSample(shape: number, rng: Rng): number {
  if (shape < 1) return gammaSample(shape + 1, rng) * Math.pow(rng.uniform() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
