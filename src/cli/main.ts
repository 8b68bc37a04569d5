/**
 * The `superionic` command (CONTRACT §0). Thin: builds the commander tree from one file per
 * command, runs it in-process against injected I/O, and maps errors to exit codes:
 * 0 ok, 1 bad input, 2 usage / not built, 3 numerical failure, 70 internal error (a bug).
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConvergenceError, InputError, NotBuiltError, UsageError } from '../core/errors.js';
import { CliContext, type CliIO } from './context.js';
import * as inspect from './commands/inspect.js';
import * as eisFit from './commands/eis-fit.js';
import * as eisSimulate from './commands/eis-simulate.js';
import * as eisKk from './commands/eis-kk.js';
import * as eisDrt from './commands/eis-drt.js';
import * as arrhenius from './commands/arrhenius.js';
import * as polarization from './commands/polarization.js';
import * as cycling from './commands/cycling.js';
import * as gitt from './commands/gitt.js';
import * as window from './commands/window.js';
import * as structure from './commands/structure.js';
import * as xrd from './commands/xrd.js';
import * as pdf from './commands/pdf.js';
import * as diffusion from './commands/diffusion.js';
import * as md from './commands/md.js';
import * as study from './commands/study.js';
import * as serve from './commands/serve.js';

export function packageVersion(): string {
  const pkgUrl = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(fileURLToPath(pkgUrl), 'utf8')) as { version: string }).version;
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('superionic');
  program
    .description('superionic — impedance, cycling, structures, dynamics and MD for solid-state ion conductors')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
      outputError: (s, write) => write(`superionic: error: ${s.replace(/^error: /, '')}`),
    });

  inspect.register(program, ctx);
  const eis = program.command('eis').description('impedance: fit, Kramers–Kronig, DRT, simulate');
  eisFit.register(eis, ctx);
  eisKk.register(eis, ctx);
  eisDrt.register(eis, ctx);
  eisSimulate.register(eis, ctx);
  arrhenius.register(program, ctx);
  polarization.register(program, ctx);
  cycling.register(program.command('cycling').description('galvanostatic cycling: capacity, CE, retention, rate'), ctx);
  gitt.register(program, ctx);
  window.register(program, ctx);
  structure.register(program.command('structure').description('atomic structures: info, g(r), coordination, network, build'), ctx);
  xrd.register(program, ctx);
  pdf.register(program, ctx);
  diffusion.register(program, ctx);
  md.register(program.command('md').description('molecular dynamics: energy, run, melt-quench'), ctx);
  study.register(program, ctx);
  serve.register(program, ctx);
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const ctx = new CliContext(io);
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    return Math.max(ctx.exitCode, report(ctx, e));
  }
}

function report(ctx: CliContext, e: unknown): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
    // `superionic help [command]` shows help and succeeds (exitCode 0); a group run without its
    // subcommand shows the help on stderr as a usage error (exitCode 1 from commander → 2)
    if (e.code === 'commander.help') return e.exitCode === 0 ? 0 : 2;
    return 2; // commander has already printed its one line (unknown option, missing argument, group without subcommand)
  }
  if (e instanceof InputError) {
    ctx.error(e.message);
    return 1;
  }
  if (e instanceof UsageError) {
    ctx.error(e.message);
    return 2;
  }
  if (e instanceof NotBuiltError) {
    ctx.io.stderr(`superionic: ${e.message}\n`);
    return 2;
  }
  if (e instanceof ConvergenceError) {
    ctx.error(`did not converge: ${e.message}`);
    return 3;
  }
  const msg = e instanceof Error ? e.message : String(e);
  ctx.io.stderr(`superionic: internal error: ${msg} (please report it; SUPERIONIC_DEBUG=1 shows the stack)\n`);
  if (process.env.SUPERIONIC_DEBUG && e instanceof Error && e.stack) ctx.io.stderr(e.stack + '\n');
  return 70;
}

/** Entry point of the installed command. */
export function runFromProcess(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
  const io: CliIO = {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`superionic: internal error: ${String(e)}\n`);
      process.exitCode = 70;
    },
  );
}

// `tsx src/cli/main.ts …` (development) runs the CLI directly.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runFromProcess();
