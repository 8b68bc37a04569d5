/** Scattering: X-ray form factors, powder XRD (pymatgen recipe), profiles, phase ID, amorphous pattern, X-ray PDF. */
export { xrayFormFactor, formFactorCoefficients } from './form-factor.js';
export { xrdPattern, isHexagonal, WAVELENGTHS, type XrdOptions, type XrdPattern, type XrdPeak } from './xrd.js';
export { hklFamilies, type HklFamily } from './families.js';
export { profilePattern, pseudoVoigt, scherrerFwhm, type ProfileOptions, type ProfileCurve } from './profile.js';
export { snipBackground } from './background.js';
export { findPatternPeaks, type MeasuredPeak, type PeakSearchOptions } from './peaks.js';
export { identifyPhases, type Candidate, type CandidateScore, type IdentifyOptions, type IdentifyResult } from './identify.js';
export { amorphousPattern, type AmorphousOptions, type AmorphousPattern } from './amorphous.js';
export { looksCrystalline } from './crystallinity.js';
export { PartialPdfAccumulator, partialStructureFactors, type PartialPdfInput } from './partials.js';
export { xrayPdf, faberZimanWeights, totalXraySq, broadenPartials, type PdfOptions, type PdfResult } from './pdf.js';
