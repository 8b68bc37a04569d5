/** What the pipeline passes to each analysis runner and what a runner gives back. */
import type { Analysis, AnalysisType, Measurement, Sample, Simulation, StudyManifest } from './manifest.js';

export type AnalysisStatus = 'ok' | 'partial' | 'error' | 'not-built';

/** A problem with one input that did not stop the rest of the analysis (or the study). */
export interface StudyIssue {
  file?: string;
  message: string;
}

/** One analysis after running: JSON-ready (numbers as Quantity objects, curves as number arrays). */
export interface AnalysisOutcome {
  id: string;
  type: AnalysisType;
  title: string;
  status: AnalysisStatus;
  /** input files, relative to the study folder */
  inputs: string[];
  errors: StudyIssue[];
  /** the analysis' numbers and curves; shape documented by each runner */
  results: Record<string, unknown>;
  /** methods text: formulas, conventions, software */
  methods: string;
  /** true when taken from the content-hash cache */
  cached: boolean;
}

export interface RunContext {
  manifest: StudyManifest;
  /** reads a study file (path relative to the study folder); throws InputError naming the file */
  read(file: string): Uint8Array;
  measurement(id: string): Measurement;
  simulation(id: string): Simulation;
  sample(id: string | undefined): Sample | undefined;
  /** an earlier analysis' outcome (analyses run in manifest order) */
  outcome(id: string): AnalysisOutcome | undefined;
}

export interface RunnerOutput {
  results: Record<string, unknown>;
  errors: StudyIssue[];
  /** defaults to 'ok' without errors, 'partial' with errors and results, 'error' with nothing */
  status?: AnalysisStatus;
}

export interface AnalysisRunner<A extends Analysis = Analysis> {
  type: A['type'];
  /** bump when the runner's output changes, so cached results are recomputed */
  version: number;
  /** false while the domain code is not built: the report says "not built yet" */
  built: boolean;
  title(a: A): string;
  /** files (relative) and manifest entries the result depends on — the cache key is made of these */
  dependencies(a: A, ctx: RunContext): { files: string[]; entries: unknown[]; upstream: string[] };
  run(a: A, ctx: RunContext): Promise<RunnerOutput>;
  methods(a: A): string;
}
