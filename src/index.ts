/**
 * superionic's public API, re-exported by domain. Units are in the names or the doc comments
 * (DESIGN §4): Å, eV, fs/ps, K, Ω, F, Hz, s, S/cm, mAh/g, V.
 */
export * from './core/index.js';
export * from './formats/index.js';
export type { ImpedanceSpectrum, SpectrumMeta } from './impedance/spectrum.js';
export { createSpectrum, selectFrequencyRange } from './impedance/spectrum.js';
export type { CyclerRecord, RecordMeta } from './cycling/record.js';
// Cycling analysis (s, V, A, Ah in; see each function's doc comment).
export { segmentHalfCycles, pairCycles, retention, rateTable, halfCycleProfile, differentialCapacity, analyzeGitt, dcPolarization, stabilityWindow } from './cycling/index.js';
export type { HalfCycle, Cycle, CycleTable, CycleOrder, Retention, RateTable, RateStep, GittPulse, GittParameters, PolarizationResult, WindowMethod, WindowResult } from './cycling/index.js';
export type { Structure, Cell } from './atoms/structure.js';
export { cellVolume, atomCount } from './atoms/structure.js';
export type { Trajectory, Frame } from './atoms/trajectory.js';
export * from './scattering/index.js';
export * from './atoms/index.js';
// Equivalent circuits and fitting (Ω, F, H, s; CPE Q in F s^(α-1)); pellet conductivity (S/cm).
export { CircuitModel, parseParameterList, parseCircuit, formatCircuit, ELEMENTS } from './impedance/circuit/index.js';
export type { ParameterInfo, CircuitNode, ElementDef } from './impedance/circuit/index.js';
export { fitCircuit, bulkParameter, arcResistances, residualWeights, WEIGHTINGS } from './impedance/fit/index.js';
export type { CircuitFit, FitOptions, SpectrumArrays, Weighting } from './impedance/fit/index.js';
export { pelletConductivity, pelletArea } from './transport/pellet.js';
export type { PelletGeometry } from './transport/pellet.js';
export { levenbergMarquardt } from './numerics/levenberg-marquardt.js';
export type { LeastSquaresProblem, LMOptions, LMResult } from './numerics/levenberg-marquardt.js';
// Kramers–Kronig (Lin-KK) and the distribution of relaxation times (Hz, Ω, s, H).
export { linKK } from './impedance/kk/index.js';
export type { LinKKFit, LinKKOptions, LinKKResult } from './impedance/kk/index.js';
export { computeDrt, findDrtPeaks } from './impedance/drt/index.js';
export type { DrtOptions, DrtResult, DrtPeak, BasisName, LambdaMethod } from './impedance/drt/index.js';
// Arrhenius fit of conductivity (S/cm, K → eV).
export * from './transport/index.js';
// Structure and trajectory readers by content.
export { readStructure, readTrajectory } from './formats/structure/read.js';
// Ion dynamics (Å, ps, Å²/ps; conductivity in S/cm) and the embedded MD engine (Å, eV, fs, K, bar).
export * from './dynamics/index.js';
export * from './md/index.js';
