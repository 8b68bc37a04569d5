/** Analysis type → runner. A type whose domain code has not landed would map to notBuiltRunner (not-built.ts). */
import type { AnalysisType } from '../manifest.js';
import type { AnalysisRunner } from '../types.js';
import { arrheniusRunner } from './arrhenius.js';
import { cyclingRunner, rateRunner } from './cycling.js';
import { diffusionRunner } from './diffusion.js';
import { eisFitRunner } from './eis-fit.js';
import { eisDrtRunner } from './eis-drt.js';
import { eisKkRunner } from './eis-kk.js';
import { gittRunner, windowRunner } from './electrochem.js';
import { meltQuenchRunner } from './melt-quench.js';
import { coordinationRunner, rdfRunner } from './structure.js';
import { pdfRunner, xrdRunner } from './scattering.js';

export const runners: Record<AnalysisType, AnalysisRunner> = {
  'eis-fit': eisFitRunner as unknown as AnalysisRunner,
  'eis-kk': eisKkRunner as unknown as AnalysisRunner,
  'eis-drt': eisDrtRunner as unknown as AnalysisRunner,
  arrhenius: arrheniusRunner as unknown as AnalysisRunner,
  cycling: cyclingRunner as unknown as AnalysisRunner,
  rate: rateRunner as unknown as AnalysisRunner,
  gitt: gittRunner as unknown as AnalysisRunner,
  window: windowRunner as unknown as AnalysisRunner,
  rdf: rdfRunner as unknown as AnalysisRunner,
  coordination: coordinationRunner as unknown as AnalysisRunner,
  xrd: xrdRunner as unknown as AnalysisRunner,
  pdf: pdfRunner as unknown as AnalysisRunner,
  diffusion: diffusionRunner as unknown as AnalysisRunner,
  'melt-quench': meltQuenchRunner as unknown as AnalysisRunner,
};
