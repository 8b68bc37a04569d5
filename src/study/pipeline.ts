/**
 * `superionic run STUDY`: reads the manifest, runs every analysis in manifest order through the
 * content-hash cache, and collects JSON-ready outcomes. A broken input file never stops the
 * study: the analysis that needed it records the error (and uses the files that did read), and
 * the report lists it.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError, NotBuiltError } from '../core/errors.js';
import { issueOf } from './issues.js';
import type { ProgressCallback } from '../core/progress.js';
import { readInputFile } from '../io/files.js';
import { ResultCache, sha256, stableJson } from './cache.js';
import type { Analysis, StudyManifest } from './manifest.js';
import { runners } from './runners/index.js';
import type { AnalysisOutcome, AnalysisRunner, RunContext } from './types.js';
import { parseManifest } from './validate.js';

export const MANIFEST_NAME = 'study.json';

export interface StudyRun {
  dir: string;
  manifest: StudyManifest;
  outcomes: AnalysisOutcome[];
  cache: { hits: number; misses: number };
}

export interface RunOptions {
  /** folder for cached outcomes; undefined disables the cache */
  cacheDir?: string;
  onProgress?: ProgressCallback;
  /** the software version, part of every cache key so an upgrade recomputes everything */
  codeVersion?: string;
}

/** Reads and validates `DIR/study.json`. */
export function loadManifest(dir: string): StudyManifest {
  const file = join(dir, MANIFEST_NAME);
  return parseManifest(readInputFile(file), file);
}

export async function runStudy(dirIn: string, opts: RunOptions = {}): Promise<StudyRun> {
  const dir = resolve(dirIn);
  const manifest = loadManifest(dir);
  const cache = new ResultCache(opts.cacheDir);
  const outcomes = new Map<string, AnalysisOutcome>();
  const fileHashes = new Map<string, string>();

  const safePath = (file: string): string => {
    const p = resolve(dir, file);
    const rel = relative(dir, p);
    // ".." as the first segment leaves the folder; a file named "..x" does not.
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new InputError(file, undefined, 'lies outside the study folder; files must be inside it');
    return p;
  };
  const ctx: RunContext = {
    manifest,
    read: (file) => readInputFile(safePath(file)),
    measurement: (id) => manifest.measurements.find((m) => m.id === id)!,
    simulation: (id) => manifest.simulations.find((m) => m.id === id)!,
    sample: (id) => (id === undefined ? undefined : manifest.samples.find((s) => s.id === id)),
    outcome: (id) => outcomes.get(id),
  };
  const hashFile = (file: string): string => {
    let h = fileHashes.get(file);
    if (h === undefined) {
      try {
        h = sha256(readFileSync(safePath(file)));
      } catch {
        h = 'missing';
      }
      fileHashes.set(file, h);
    }
    return h;
  };

  const list = manifest.analyses;
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    opts.onProgress?.(i, list.length, `${a.type} ${a.id}`);
    const outcome = await runOne(a, ctx, cache, hashFile, opts.codeVersion ?? '');
    outcomes.set(a.id, outcome);
  }
  opts.onProgress?.(list.length, list.length, 'done');
  return { dir, manifest, outcomes: [...outcomes.values()], cache: { hits: cache.hits, misses: cache.misses } };
}

async function runOne(a: Analysis, ctx: RunContext, cache: ResultCache, hashFile: (f: string) => string, codeVersion: string): Promise<AnalysisOutcome> {
  const runner = runners[a.type] as AnalysisRunner | undefined;
  const title = a.title ?? runner?.title(a) ?? a.type;
  if (!runner || !runner.built) {
    return { id: a.id, type: a.type, title, status: 'not-built', inputs: [], errors: [], results: {}, methods: '', cached: false };
  }
  const deps = runner.dependencies(a, ctx);
  const key = sha256(
    stableJson({
      type: a.type,
      code: codeVersion,
      version: runner.version,
      analysis: a,
      entries: deps.entries,
      files: deps.files.map((f) => [f, hashFile(f)]),
      upstream: deps.upstream.map((u) => ctx.outcome(u)?.results ?? null),
    }),
  );
  const methods = runner.methods(a);
  const hit = cache.get<AnalysisOutcome>(key);
  if (hit) {
    cache.hits++;
    return { ...hit, title, methods, cached: true };
  }
  cache.misses++;
  let outcome: AnalysisOutcome;
  try {
    const out = await runner.run(a, ctx);
    const hasResults = Object.keys(out.results).length > 0;
    const status = out.status ?? (out.errors.length === 0 ? 'ok' : hasResults ? 'partial' : 'error');
    outcome = { id: a.id, type: a.type, title, status, inputs: deps.files, errors: out.errors, results: out.results, methods, cached: false };
  } catch (e) {
    if (e instanceof NotBuiltError) return { id: a.id, type: a.type, title, status: 'not-built', inputs: deps.files, errors: [], results: {}, methods: '', cached: false };
    outcome = { id: a.id, type: a.type, title, status: 'error', inputs: deps.files, errors: [issueOf(e)], results: {}, methods, cached: false };
  }
  // Outcomes with errors are not cached: the user is expected to fix the file and re-run.
  if (outcome.errors.length === 0) cache.put(key, outcome);
  return outcome;
}
