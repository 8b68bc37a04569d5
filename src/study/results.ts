/** results.json: every number of the study with its unit (Quantity objects), per analysis, plus status and errors. */
import type { StudyRun } from './pipeline.js';

export function resultsDocument(run: StudyRun, software: Record<string, string>): unknown {
  return {
    study: { name: run.manifest.name, reference: run.manifest.reference ?? null },
    software,
    cache: run.cache,
    analyses: run.outcomes.map((o) => ({ id: o.id, type: o.type, title: o.title, status: o.status, cached: o.cached, inputs: o.inputs, errors: o.errors, results: o.results })),
  };
}
