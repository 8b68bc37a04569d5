/**
 * Runs LAMMPS (`lmp`, Debian package `lammps`) on a deck in a folder, optionally under
 * `mpirun -np N` (as root with --allow-run-as-root), and returns the log text.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';

export interface LammpsRunOptions {
  executable?: string;
  /** MPI ranks; 1 runs `lmp` directly. */
  ranks?: number;
  /** Extra `-var name value` pairs. */
  vars?: Record<string, string>;
  /** Called with each chunk LAMMPS prints to its screen. */
  onOutput?: (chunk: string) => void;
}

export function lammpsCommand(opts: LammpsRunOptions, input: string): { cmd: string; args: string[] } {
  const lmp = opts.executable ?? process.env.SUPERIONIC_LMP ?? 'lmp';
  const lmpArgs = ['-in', input, '-log', 'log.lammps', '-echo', 'none'];
  for (const [k, v] of Object.entries(opts.vars ?? {})) lmpArgs.push('-var', k, v);
  const ranks = opts.ranks ?? 1;
  if (ranks <= 1) return { cmd: lmp, args: lmpArgs };
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return { cmd: 'mpirun', args: [...(root ? ['--allow-run-as-root'] : []), '-np', String(ranks), lmp, ...lmpArgs] };
}

/** Runs the deck `in.lmp` in `dir`; resolves with the log text, rejects with LAMMPS's ERROR line. */
export function runLammps(dir: string, opts: LammpsRunOptions = {}): Promise<string> {
  const { cmd, args } = lammpsCommand(opts, 'in.lmp');
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { cwd: dir, maxBuffer: 256 * 1024 * 1024 }, (err, stdout) => {
      let log = '';
      try {
        log = readFileSync(join(dir, 'log.lammps'), 'utf8');
      } catch {
        /* no log */
      }
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new UsageError(`${cmd} not found on PATH: install LAMMPS (Debian: apt-get install lammps openmpi-bin) or set SUPERIONIC_LMP`));
        return;
      }
      if (err) {
        const line = /ERROR[^\n]*/.exec(log + '\n' + stdout)?.[0] ?? err.message;
        reject(new Error(`LAMMPS failed: ${line}`));
      } else resolve(log);
    });
    if (opts.onOutput) child.stdout?.on('data', (d: Buffer) => opts.onOutput!(d.toString()));
  });
}

/** Writes files into a fresh temporary folder, runs, hands the folder to `read`, cleans up. */
export async function withLammps<T>(files: Record<string, string>, read: (dir: string, log: string) => T, opts: LammpsRunOptions = {}): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'superionic-lmp-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const log = await runLammps(dir, opts);
    return read(dir, log);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
