/** Kramers–Kronig validation (Lin-KK, Schönleber 2014). Frequencies in Hz, impedances in Ω. */
export { linKK, fitLinKK, linKKMu, linKKTimeConstants, needsSeriesCapacitance } from './lin-kk.js';
export type { LinKKFit, LinKKOptions, LinKKResult } from './lin-kk.js';
export { checkSpectrum } from './check-spectrum.js';
