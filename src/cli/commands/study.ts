/**
 * `superionic demo|run` (CONTRACT §9; `serve` is in serve.ts). `run` executes a study folder (study.json + files)
 * through the cached pipeline and writes DIR/report.html, DIR/results.json and
 * DIR/figures/*.svg|png; `demo` does the same for the bundled NHOC study.
 */
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svgToPng } from '../../figures/png.js';
import { writeFileAtomic } from '../../io/files.js';
import { buildReport } from '../../report/build.js';
import { runStudy } from '../../study/pipeline.js';
import { resultsDocument } from '../../study/results.js';
import type { CliContext } from '../context.js';
import { progressBar } from '../progress.js';

/** The bundled study, at the same depth from src/cli/commands and dist/cli/commands. */
export function demoStudyDir(): string {
  return fileURLToPath(new URL('../../../examples/nhoc/', import.meta.url));
}

/** The package version (read here rather than from main.ts, which imports this module). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8')) as { version: string }).version;
}

/** Installed version of a dependency, for the report's software list (walks up from its entry point). */
function dependencyVersion(name: string): string {
  const req = createRequire(import.meta.url);
  try {
    let dir = dirname(req.resolve(name));
    for (let i = 0; i < 6; i++) {
      const f = join(dir, 'package.json');
      if (existsSync(f)) {
        const pkg = JSON.parse(readFileSync(f, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) return pkg.version;
      }
      dir = dirname(dir);
    }
  } catch {
    /* not resolvable: reported as unknown */
  }
  return 'unknown';
}

export interface StudyOutputSummary {
  out: string;
  figures: number;
  analyses: number;
  cache: { hits: number; misses: number };
}

/** Runs a study and writes the report; shared by `run` and `demo`. */
export async function runAndWrite(ctx: CliContext, studyDir: string, outDir: string, cacheDir: string): Promise<StudyOutputSummary> {
  const version = packageVersion();
  const bar = progressBar(ctx, false);
  const run = await runStudy(studyDir, { cacheDir, onProgress: bar, codeVersion: version });
  bar.done();
  const software: Record<string, string> & { superionic: string; node: string } = { superionic: version, node: process.versions.node };
  for (const dep of ['@observablehq/plot', '@resvg/resvg-js', 'linkedom', 'zod', 'ml-matrix', 'quadprog']) software[dep] = dependencyVersion(dep);
  const report = buildReport(run, software);
  const out = resolve(outDir);
  for (const f of report.figures) {
    writeFileAtomic(join(out, 'figures', `${f.id}.svg`), f.svg);
    try {
      writeFileAtomic(join(out, 'figures', `${f.id}.png`), svgToPng(f.svg));
    } catch (e) {
      // the SVG and the report are complete without the PNG; say why it is missing
      ctx.warn(`figures/${f.id}.png not written: ${(e as Error).message}`, false);
    }
  }
  writeFileAtomic(join(out, 'results.json'), JSON.stringify(resultsDocument(run, software), null, 2) + '\n');
  writeFileAtomic(join(out, 'report.html'), report.html);
  const problems = run.outcomes.reduce((n, o) => n + o.errors.length, 0);
  const notBuiltCount = run.outcomes.filter((o) => o.status === 'not-built').length;
  ctx.io.stderr(
    `superionic: ${run.outcomes.length} analyses (${run.cache.misses} computed, ${run.cache.hits} from cache${notBuiltCount ? `, ${notBuiltCount} not built yet` : ''}${problems ? `, ${problems} problem${problems > 1 ? 's' : ''} listed in the report` : ''}); ${report.figures.length} figures\n`,
  );
  ctx.print(join(out, 'report.html'));
  return { out, figures: report.figures.length, analyses: run.outcomes.length, cache: run.cache };
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('run the bundled NHOC study end to end: DIR/report.html, DIR/results.json, DIR/figures/*.svg|png (the impedance data in it are generated from the paper\'s reported values and labelled so)')
    .option('--out <dir>', 'output folder', 'superionic-demo')
    .action(async (opts: { out: string }) => {
      await runAndWrite(ctx, demoStudyDir(), opts.out, join(resolve(opts.out), '.superionic-cache'));
    });
  program
    .command('run')
    .description('run a study folder (STUDY_DIR/study.json + its files; schema in schemas/study.schema.json) with a content-hash cache in STUDY_DIR/.superionic-cache, so a re-run only redoes what changed')
    .argument('<study>', 'study folder containing study.json')
    .option('--out <dir>', 'output folder (default STUDY_DIR/report)')
    .addHelpText(
      'after',
      `
Writes OUT/report.html (self-contained: inline SVG figures, tables with ± one standard error,
methods text per analysis; no network needed to view it), OUT/results.json (every number as
{"value","unit","stderr"?}, per analysis with its status and errors) and OUT/figures/*.svg|png.
Analysis types: eis-fit, eis-kk, eis-drt, arrhenius, cycling, rate, gitt, window, rdf,
coordination, pdf, xrd, diffusion, melt-quench (see examples/nhoc/README.md).
A file that cannot be read or analysed does not stop the study: the report lists it.
Exit 1 only when study.json itself is missing or invalid (the message names the field).`,
    )
    .action(async (study: string, opts: { out?: string }) => {
      await runAndWrite(ctx, study, opts.out ?? join(study, 'report'), join(resolve(study), '.superionic-cache'));
    });
}
