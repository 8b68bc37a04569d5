/** The headline numbers of a study, one row each, linking to the analysis they come from. */
import type { Quantity } from '../core/quantity.js';
import { formatScaled } from '../figures/format.js';
import type { AnalysisOutcome } from '../study/types.js';
import { esc, table } from './html.js';

type Row = [string, string, string];

const link = (o: AnalysisOutcome) => `<a href="#a-${esc(o.id)}">${esc(o.id)}</a>`;
const fq = (q: Quantity, scale = 1, unit?: string) => esc(formatScaled(q, scale, unit));

export function summaryTable(outcomes: AnalysisOutcome[]): string {
  const rows: Row[] = [];
  for (const o of outcomes) {
    if (o.status !== 'ok' && o.status !== 'partial') continue;
    const r = o.results as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (o.type === 'arrhenius')
      for (const s of r.samples ?? []) {
        rows.push([`${esc(s.label)}: σ at 25 °C`, fq(s.conductivityAt25C, 1e3, 'mS/cm'), link(o)]);
        rows.push([`${esc(s.label)}: activation energy`, fq(s.activationEnergy), link(o)]);
      }
    if (o.type === 'window' && (r.oxidation || r.reduction)) rows.push(['Stability window', `${r.reduction ? fq(r.reduction) : '—'} to ${r.oxidation ? fq(r.oxidation) : '—'}`, link(o)]);
    if (o.type === 'diffusion' && r.diffusionCoefficient) {
      rows.push([`${esc(r.species)} tracer diffusion coefficient`, fq(r.diffusionCoefficient), link(o)]);
      if (r.conductivity) rows.push([`${esc(r.species)} conductivity (Nernst–Einstein)`, fq(r.conductivity, 1e3, 'mS/cm'), link(o)]);
    }
    if (o.type === 'rate' && typeof r.recovery === 'number') rows.push(['Rate test: capacity recovered at the first rate', `${(100 * r.recovery).toFixed(1)} %`, link(o)]);
    if (o.type === 'cycling' && r.retention) rows.push([`Discharge retention (cycle ${r.retention.last} vs ${r.retention.reference})`, `${(100 * r.retention.value).toFixed(1)} %`, link(o)]);
    if (o.type === 'coordination') for (const s of r.samples ?? []) if (s.polyhedra?.[0]) rows.push([`${esc(s.label)}: most common ${esc(s.center)} polyhedron`, `${esc(s.polyhedra[0].label)} (${(100 * s.polyhedra[0].fraction).toFixed(0)} %)`, link(o)]);
  }
  return rows.length ? `<h2>Key results</h2>${table(['Quantity', 'Value (± 1 s.e.)', 'Analysis'], rows)}` : '';
}
