/** Placeholder for analyses whose domain code has not landed: the report says "not built yet", never a number. */
import type { Analysis, AnalysisType } from '../manifest.js';
import type { AnalysisRunner } from '../types.js';

const TITLES: Record<AnalysisType, string> = {
  'eis-fit': 'Equivalent-circuit fits and pellet conductivity',
  'eis-kk': 'Kramers–Kronig validation',
  'eis-drt': 'Distribution of relaxation times',
  arrhenius: 'Arrhenius activation energies',
  cycling: 'Galvanostatic cycling',
  rate: 'Rate capability',
  gitt: 'GITT diffusion coefficients',
  window: 'Electrochemical stability window',
  rdf: 'Partial radial distribution functions',
  coordination: 'Coordination polyhedra',
  xrd: 'Powder X-ray diffraction',
  pdf: 'X-ray pair distribution function',
  diffusion: 'Na⁺ diffusion from molecular dynamics',
  'melt-quench': 'Melt-quench molecular dynamics',
};

export function notBuiltRunner(type: AnalysisType): AnalysisRunner {
  return {
    type,
    version: 0,
    built: false,
    title: () => TITLES[type],
    dependencies: () => ({ files: [], entries: [], upstream: [] }),
    run: async () => ({ results: {}, errors: [], status: 'not-built' }),
    methods: () => '',
  } as AnalysisRunner<Analysis>;
}
