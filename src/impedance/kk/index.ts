/** Kramers–Kronig validation (Lin-KK, Schönleber 2014). Frequencies in Hz, impedances in Ω. */
export { linKK, fitLinKK, linKKMu, linKKTimeConstants, needsSeriesCapacitance, DEFAULT_TAU_EXTENSION } from './lin-kk.js';
export type { LinKKFit, LinKKMSelection, LinKKOptions, LinKKResult, LinKKVerdict } from './lin-kk.js';
export { residualStatistics, TREND_WINDOW } from './residual-verdict.js';
export type { ResidualStatistics } from './residual-verdict.js';
export { checkSpectrum } from './check-spectrum.js';
