/**
 * Distribution of relaxation times: γ(ln τ) in Ω on τ in s, R∞ in Ω, L in H, peaks with τ (s),
 * frequency (Hz) and resistance (Ω, the peak's area).
 */
export { computeDrt } from './drt.js';
export type { DrtOptions, DrtResult, InductanceMode } from './drt.js';
export { makeBasis, basisNames } from './basis.js';
export type { Basis, BasisName } from './basis.js';
export { findDrtPeaks, zarcFwhm } from './peaks.js';
export type { DrtPeak } from './peaks.js';
export type { LambdaMethod } from './lambda.js';
