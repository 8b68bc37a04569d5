/**
 * Windowed mean-squared displacement over all time origins, by the FFT algorithm
 * (Kneller et al., Comput. Phys. Commun. 91, 191 (1995); Calandrini et al. 2011):
 *   MSD(m) = 1/(T−m) Σ_{k=0}^{T−m−1} |r(k+m) − r(k)|²  =  S1(m) − 2·S2(m),
 *   S1(m) = 1/(T−m) Σ_k [r²(k) + r²(k+m)],  S2(m) = 1/(T−m) Σ_k r(k)·r(k+m),
 * averaged over atoms. O(N T log T) instead of O(N T²); equal to the direct sum to ~1e-12.
 * Positions are frame-major [t][i][xyz] (as UnwrappedSeries), Å; MSD in Å².
 */
import { Autocorrelator } from '../numerics/fft.js';

/** Tracer MSD(m), m = 0…T−1 lags (frames), averaged over the `atoms` series. */
export function msdFft(positions: Float64Array, frames: number, atoms: number): Float64Array {
  const T = frames;
  const msd = new Float64Array(T);
  if (T === 0 || atoms === 0) return msd;
  const ac = new Autocorrelator(T);
  const s2 = new Float64Array(T);
  const sq = new Float64Array(T + 1);
  const stride = 3 * atoms;
  for (let i = 0; i < atoms; i++) {
    s2.fill(0);
    for (let k = 0; k < 3; k++) ac.accumulate(positions, T, s2, stride, 3 * i + k);
    for (let t = 0; t < T; t++) {
      const o = t * stride + 3 * i;
      sq[t] = positions[o]! ** 2 + positions[o + 1]! ** 2 + positions[o + 2]! ** 2;
    }
    sq[T] = 0;
    // S1 by the running-sum recursion: Q(m) = Q(m−1) − r²(m−1) − r²(T−m).
    let q = 0;
    for (let t = 0; t < T; t++) q += 2 * sq[t]!;
    for (let m = 0; m < T; m++) {
      q -= (m > 0 ? sq[m - 1]! : 0) + sq[T - m]!;
      msd[m] = msd[m]! + q / (T - m) - (2 * s2[m]!) / (T - m);
    }
  }
  for (let m = 0; m < T; m++) msd[m] = Math.max(0, msd[m]! / atoms);
  msd[0] = 0;
  return msd;
}

/** The same quantity by the direct O(N T²) double sum (for tests and tiny series). */
export function msdDirect(positions: Float64Array, frames: number, atoms: number): Float64Array {
  const T = frames;
  const msd = new Float64Array(T);
  const stride = 3 * atoms;
  for (let m = 1; m < T; m++) {
    let s = 0;
    for (let k = 0; k + m < T; k++) {
      const a = k * stride, b = (k + m) * stride;
      for (let j = 0; j < stride; j++) {
        const d = positions[b + j]! - positions[a + j]!;
        s += d * d;
      }
    }
    msd[m] = s / ((T - m) * atoms);
  }
  return msd;
}

/**
 * The centre-of-charge series for the collective ("charge") MSD: Y(t) = Σᵢ rᵢ(t) / √N for
 * one mobile species, so that ⟨|ΔY|²⟩ = (1/N)⟨|Σᵢ Δrᵢ|²⟩ and its slope/6 is D_σ, the
 * diffusion coefficient whose ratio to the tracer D* is the Haven ratio H_R = D* / D_σ.
 */
export function collectiveSeries(positions: Float64Array, frames: number, atoms: number): Float64Array {
  const out = new Float64Array(3 * frames);
  const scale = 1 / Math.sqrt(atoms);
  for (let t = 0; t < frames; t++) {
    let x = 0, y = 0, z = 0;
    const o = t * 3 * atoms;
    for (let i = 0; i < atoms; i++) {
      x += positions[o + 3 * i]!;
      y += positions[o + 3 * i + 1]!;
      z += positions[o + 3 * i + 2]!;
    }
    out[3 * t] = x * scale;
    out[3 * t + 1] = y * scale;
    out[3 * t + 2] = z * scale;
  }
  return out;
}
