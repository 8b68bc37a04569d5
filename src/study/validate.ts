/** Manifest parsing with errors that name the field: `study.json:samples[0].pellet.thicknessCm: …`. */
import { InputError } from '../core/errors.js';
import { decodeText } from '../formats/text.js';
import { StudyManifest } from './manifest.js';

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(root)';
}

/** Parses and validates manifest bytes; the first problem becomes an InputError(file, field, message). */
export function parseManifest(bytes: Uint8Array, file: string): StudyManifest {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes));
  } catch (e) {
    throw new InputError(file, undefined, `not valid JSON (${(e as Error).message}); expected a study manifest`);
  }
  const r = StudyManifest.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InputError(file, fieldPath(issue.path), issue.message);
  }
  const m = r.data;
  // Cross references: every id a measurement or analysis names must exist.
  const known = (kind: string, list: Array<{ id: string }>) => {
    const ids = new Set<string>();
    list.forEach((x, i) => {
      if (ids.has(x.id)) throw new InputError(file, `${kind}[${i}].id`, `duplicate id "${x.id}"`);
      ids.add(x.id);
    });
    return ids;
  };
  const samples = known('samples', m.samples);
  const meas = known('measurements', m.measurements);
  const sims = known('simulations', m.simulations);
  const analyses = known('analyses', m.analyses);
  const need = (set: Set<string>, v: string | undefined, field: string, what: string) => {
    if (v !== undefined && !set.has(v)) throw new InputError(file, field, `unknown ${what} "${v}"`);
  };
  m.measurements.forEach((x, i) => need(samples, x.sample, `measurements[${i}].sample`, 'sample'));
  m.simulations.forEach((x, i) => need(samples, x.sample, `simulations[${i}].sample`, 'sample'));
  m.analyses.forEach((a, i) => {
    const f = `analyses[${i}]`;
    if ('measurements' in a) a.measurements.forEach((v, k) => need(meas, v, `${f}.measurements[${k}]`, 'measurement'));
    if ('measurement' in a) need(meas, a.measurement, `${f}.measurement`, 'measurement');
    if ('simulation' in a) need(sims, a.simulation, `${f}.simulation`, 'simulation');
    if ('simulations' in a) a.simulations.forEach((v, k) => need(sims, v, `${f}.simulations[${k}]`, 'simulation'));
    if (a.type === 'arrhenius') need(analyses, a.from, `${f}.from`, 'analysis');
    if (a.type === 'xrd') {
      need(meas, a.pattern, `${f}.pattern`, 'measurement');
      need(sims, a.model, `${f}.model`, 'simulation');
    }
  });
  return m;
}
