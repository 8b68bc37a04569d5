/**
 * `superionic serve [STUDY_DIR] [--port N]` (CONTRACT §9): the local workbench on
 * http://127.0.0.1:N only. Prints the URL and runs until Ctrl-C (SIGINT) or SIGTERM.
 */
import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { InputError, UsageError } from '../../core/errors.js';
import { DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_PORT, startServer, type RunningServer } from '../../server/server.js';
import type { CliContext } from '../context.js';
import { integer, positiveInteger } from '../options.js';

export interface ServeOptions {
  port: number;
  maxUploadMib: number;
}

/** Starts the server for the command; resolves with it once it listens and the URL is printed. */
export async function startServe(ctx: CliContext, study: string | undefined, opts: ServeOptions): Promise<RunningServer> {
  if (study !== undefined) {
    if (!existsSync(study)) throw new InputError(study, undefined, 'no such study folder');
    if (!statSync(study).isDirectory()) throw new InputError(study, undefined, 'not a folder; give the study folder (the one with study.json and its data)');
  }
  if (opts.port > 65535) throw new UsageError(`--port must be 0–65535, got ${opts.port}`);
  let running: RunningServer;
  try {
    running = await startServer({ studyDir: study, port: opts.port, maxUploadBytes: Math.round(opts.maxUploadMib * 1024 * 1024) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${opts.port} is in use; choose another with --port N (0 = any free port)`);
    throw e;
  }
  ctx.print(running.url);
  ctx.io.stderr(`superionic: workbench${study ? ` for ${study}` : ''} at ${running.url} (127.0.0.1 only; Ctrl-C stops)\n`);
  return running;
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM). */
function stopRequested(): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function register(program: Command, ctx: CliContext, stop: () => Promise<void> = stopRequested): void {
  program
    .command('serve')
    .description(
      'the local workbench in the browser, on http://127.0.0.1:PORT only: open a study folder (listed with what each file is) or drop files; fit impedance with a circuit editor (pellet σ), Lin-KK, DRT; the study temperature series as an Arrhenius plot; cycling dashboards (V–t, capacity/CE, profiles, dQ/dV); structures and trajectories in 3D (polyhedra, bridging ligands) beside g(r). The server answers only to 127.0.0.1/localhost Host headers, serves study files read-only and nothing outside STUDY_DIR.',
    )
    .argument('[study]', 'study folder to open (optional; files can also be dropped into the page)')
    .option('--port <n>', `TCP port on 127.0.0.1 (0 = any free port)`, integer, DEFAULT_PORT)
    .option('--max-upload-mib <n>', 'largest accepted upload (MiB, ≥ 1)', positiveInteger, DEFAULT_MAX_UPLOAD_BYTES / 1024 / 1024)
    .action(async (study: string | undefined, opts: ServeOptions) => {
      const running = await startServe(ctx, study, opts);
      await stop();
      await running.close();
    });
}
