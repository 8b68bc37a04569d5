/**
 * arrhenius: groups the conductivities of an eis-fit analysis by sample and fits
 * ln(σT) = ln σ0 − Ea/(kB·T) (or ln σ) per sample; σ at 25 °C from the fit.
 */
import { fitArrhenius } from '../../transport/arrhenius.js';
import type { Quantity } from '../../core/quantity.js';
import type { Analysis } from '../manifest.js';
import type { AnalysisRunner, StudyIssue } from '../types.js';

type A = Extract<Analysis, { type: 'arrhenius' }>;

/** The part of an eis-fit outcome this runner reads. */
interface FitRow {
  sample?: string;
  temperatureK?: number;
  conductivity?: Quantity;
}

export const arrheniusRunner: AnalysisRunner<A> = {
  type: 'arrhenius',
  version: 1,
  built: true,
  title: () => 'Arrhenius activation energies',
  dependencies: (a, ctx) => ({ files: [], entries: [ctx.manifest.samples], upstream: [a.from] }),
  async run(a, ctx) {
    const errors: StudyIssue[] = [];
    const up = ctx.outcome(a.from);
    if (!up || up.status === 'not-built') return { results: {}, errors: [], status: 'not-built' };
    const rows = ((up.results.fits as FitRow[] | undefined) ?? []).filter((r) => r.sample && r.temperatureK && r.conductivity && r.conductivity.value > 0);
    const bySample = new Map<string, FitRow[]>();
    for (const r of rows) bySample.set(r.sample!, [...(bySample.get(r.sample!) ?? []), r]);
    const samples: unknown[] = [];
    for (const s of ctx.manifest.samples) {
      const pts = (bySample.get(s.id) ?? []).sort((x, y) => x.temperatureK! - y.temperatureK!);
      if (pts.length === 0) continue;
      if (pts.length < 2) {
        errors.push({ message: `sample ${s.id}: only one temperature with a conductivity; an Arrhenius fit needs two or more` });
        continue;
      }
      try {
        const fit = fitArrhenius(
          pts.map((p) => ({ temperatureK: p.temperatureK!, conductivity: p.conductivity!.value, ...(p.conductivity!.stderr !== undefined ? { conductivityStderr: p.conductivity!.stderr } : {}) })),
          a.form ?? 'sigmaT',
        );
        samples.push({
          sample: s.id,
          label: s.label ?? s.id,
          composition: s.composition ?? null,
          temperatureK: pts.map((p) => p.temperatureK!),
          conductivity: pts.map((p) => p.conductivity!.value),
          conductivityUnit: 'S/cm',
          form: fit.form,
          activationEnergy: fit.activationEnergy,
          prefactor: fit.prefactor,
          conductivityAt25C: fit.conductivityAt25C,
          r2: fit.r2,
          points: fit.points,
        });
      } catch (e) {
        errors.push({ message: `sample ${s.id}: ${(e as Error).message}` });
      }
    }
    return { results: samples.length ? { samples } : {}, errors };
  },
  methods: (a) =>
    `Per sample, the bulk conductivities from the equivalent-circuit fits are fitted by ordinary least squares to ${
      (a.form ?? 'sigmaT') === 'sigmaT' ? 'ln(σT) = ln σ0 − Ea/(kB·T)' : 'ln σ = ln σ0 − Ea/(kB·T)'
    } with kB = 8.617333262×10⁻⁵ eV/K (CODATA 2018); Ea's standard error is that of the slope. σ at 25 °C (298.15 K) is read from the fitted line.`,
};
