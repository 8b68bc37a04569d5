/**
 * CONTRACT §0 and §9 across the whole command tree: every contract command and option exists,
 * `--help` works on every level, `--version`, unknown commands/options are usage errors (2),
 * stubs say "not built yet" with exit 2, warnings reach stderr under --json only on a terminal,
 * and `run` writes report.html, results.json and figures/ for a study folder.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, packageVersion } from '../../src/cli/main.js';
import { CliContext } from '../../src/cli/context.js';
import { runCli } from '../helpers/cli.js';
import { sharedData } from '../helpers/paths.js';
import { tinyStudy } from '../study/helpers.js';
import { expectBadInput, expectUsage, jsonOk, parseOne, scratch, scratchFile } from './contract-helpers.js';

/** Every command and option CONTRACT.md names (options by their long name; -o by its short one). */
const CONTRACT: Record<string, string[]> = {
  inspect: ['--json'],
  'eis fit': ['--circuit', '--initial', '--bulk', '--thickness-cm', '--diameter-cm', '--area-cm2', '--fmin', '--fmax', '--weighting', '--json'],
  'eis kk': ['--json'],
  'eis drt': ['--lambda', '--derivative', '--json'],
  'eis simulate': ['--circuit', '--params', '--fmin', '--fmax', '--points-per-decade', '--noise', '--seed', '-o'],
  arrhenius: ['--form', '--json'],
  polarization: ['--thickness-cm', '--diameter-cm', '--area-cm2', '--json'],
  'cycling summary': ['--mass-mg', '--json'],
  'cycling rate': ['--mass-mg', '--one-c-ma-g', '--json'],
  gitt: ['--mass-mg', '--molar-mass', '--molar-volume', '--area-cm2', '--json'],
  window: ['--area-cm2', '--threshold-ma-cm2', '--method', '--json'],
  'structure info': ['--json'],
  'structure rdf': ['--pairs', '--r-max', '--bin', '--frames', '--json'],
  'structure coordination': ['--center', '--ligands', '--frames', '--json'],
  'structure network': ['--formers', '--ligands', '--json'],
  'structure build': ['--formula', '--units', '--density', '--min-distance', '--seed', '-o'],
  xrd: ['--wavelength', '--two-theta', '--json'],
  pdf: ['--r-max', '--bin', '--q-max', '--json'],
  diffusion: ['--species', '--timestep-fs', '--temperature', '--fit-start-ps', '--fit-end-ps', '--json'],
  'md energy': ['--potential', '--json'],
  'md run': ['--engine', '--resume', '--out'],
  'md melt-quench': [],
  demo: ['--out'],
  run: ['--out'],
  serve: ['--port'],
};

function commandTree(): Map<string, Command> {
  const program = buildProgram(new CliContext({ stdout: () => {}, stderr: () => {}, stderrIsTTY: false }));
  const all = new Map<string, Command>();
  const walk = (c: Command, path: string[]) => {
    for (const sub of c.commands) {
      const p = [...path, sub.name()];
      all.set(p.join(' '), sub);
      walk(sub, p);
    }
  };
  walk(program, []);
  return all;
}

const tree = commandTree();

describe('the command tree (CONTRACT §0–9)', () => {
  it('has every contract command with every contract option', () => {
    for (const [name, options] of Object.entries(CONTRACT)) {
      const cmd = tree.get(name);
      expect(cmd, `superionic ${name}`).toBeDefined();
      const have = new Set(cmd!.options.flatMap((o) => [o.long, o.short]).filter(Boolean));
      for (const o of options) expect(have.has(o), `superionic ${name} ${o}`).toBe(true);
    }
  });

  it('documents the contract’s choices: fit weightings, Arrhenius forms, 1C default', () => {
    const opt = (cmd: string, long: string) => tree.get(cmd)!.options.find((o) => o.long === long)!;
    expect(opt('eis fit', '--weighting').argChoices).toEqual(expect.arrayContaining(['modulus', 'unit', 'proportional']));
    expect(opt('cycling rate', '--one-c-ma-g').defaultValue).toBe(120);
  });

  it('prints the version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(packageVersion());
  });

  it('--help works on every level and for every command (exit 0, usage on stdout, nothing on stderr)', async () => {
    for (const path of [[], ...[...tree.keys()].map((k) => k.split(' '))]) {
      const r = await runCli([...path, '--help']);
      const cmd = ['superionic', ...path].join(' ');
      expect(r.code, `${cmd} --help`).toBe(0);
      expect(r.stderr, `${cmd} --help`).toBe('');
      expect(r.stdout, `${cmd} --help`).toContain(`Usage: ${cmd}`);
    }
    for (const top of ['eis', 'cycling', 'structure', 'md']) {
      const r = await runCli(['help', top]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: superionic ${top}`);
    }
  });

  it('the help states the conventions the contract asks for', async () => {
    const help = async (...p: string[]) => (await runCli([...p, '--help'])).stdout.replace(/\s+/g, ' ');
    expect(await help('eis', 'drt')).toMatch(/γ\(ln τ\)/);
    expect(await help('eis', 'drt')).toMatch(/∫ γ d ln τ = polarisation resistance/);
    expect(await help('gitt')).toMatch(/D = 4\/\(π·τ\) · \(m_B·V_M \/ \(M_B·S\)\)² · \(ΔE_s \/ ΔE_τ\)²/);
    const rdf = await help('structure', 'rdf');
    for (const s of ['[k·dr, (k+1)·dr)', '4π/3 (r_hi³ − r_lo³)', 'N_A(N_A − 1)', 'running coordination number']) expect(rdf).toContain(s);
    expect(await help('eis', 'simulate')).toContain('frequency_Hz,real_Ohm,imag_Ohm');
    expect(await help('pdf')).toMatch(/G\(r\) = 4π r ρ0 \[g_X\(r\) − 1\]/);
  });
});

describe('usage errors and stubs (CONTRACT §0)', () => {
  it('unknown commands and options exit 2 with an error line (and maybe a suggestion)', async () => {
    for (const args of [['no-such-command'], ['inspect', 'x', '--no-such-option'], ['eis', 'nope'], ['structure', 'info', 'x', '--jsn']]) {
      const r = await expectUsage(args);
      expect(r.stderr, args.join(' ')).toMatch(/^superionic: error: (unknown|too many)/);
    }
  });

  it('a group without its subcommand exits 2 and shows what it has', async () => {
    for (const g of ['eis', 'cycling', 'structure', 'md']) await expectUsage([g], /Usage: superionic /);
  });

  it('a command that is not built yet exits 2 and says so', async () => {
    const stubs = [...tree.entries()].filter(([, c]) => /not built yet/.test(c.description()));
    for (const [name] of stubs) {
      expect(Object.keys(CONTRACT), `${name} is a contract command`).toContain(name);
      const r = await runCli(name.split(' '));
      expect(r.code, name).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`superionic: \`superionic ${name}\` is not built yet\n`);
    }
  });
});

describe('bad input files (CONTRACT §0)', () => {
  const P = sharedData('potentials', 'nhoc-fm-xtb-v0.json');
  /** Every command that reads FILE, with the options it needs to get as far as reading it. */
  const commands: string[][] = [
    ['inspect'],
    ['eis', 'fit', '--circuit', 'R0-p(R1,C1)'],
    ['eis', 'kk'],
    ['eis', 'drt'],
    ['arrhenius'],
    ['polarization', '--thickness-cm', '0.1', '--area-cm2', '1'],
    ['cycling', 'summary'],
    ['cycling', 'rate', '--mass-mg', '5'],
    ['gitt', '--mass-mg', '5', '--molar-mass', '100', '--molar-volume', '30', '--area-cm2', '1'],
    ['window'],
    ['structure', 'info'],
    ['structure', 'rdf'],
    ['structure', 'coordination', '--center', 'Hf', '--ligands', 'O:2.4'],
    ['structure', 'network', '--formers', 'Hf', '--ligands', 'O:2.4'],
    ['xrd'],
    ['pdf'],
    ['diffusion', '--species', 'Na', '--timestep-fs', '2'],
    ['md', 'energy', '--potential', P],
    ['md', 'run', '--out', join(scratch, 'md-never')],
    ['md', 'melt-quench', '--potential', P, '--out', join(scratch, 'mq-never')],
  ];
  const garbage = scratchFile('garbage.txt', 'hello world\nthis is not data\n');
  const empty = scratchFile('empty-input.csv', '');
  const missing = join(scratch, 'missing-input.csv');
  const folder = join(scratch, 'a-folder');
  mkdirSync(folder, { recursive: true });

  it('unreadable, empty, unrecognised or a folder: exit 1, one line `superionic: error: <file>…`, nothing on stdout', async () => {
    for (const c of commands) {
      const sub = c[0] === 'eis' || c[0] === 'cycling' || c[0] === 'structure' || c[0] === 'md' ? 2 : 1;
      for (const f of [garbage, empty, missing, folder]) await expectBadInput([...c.slice(0, sub), f, ...c.slice(sub), '--json'], f);
    }
  });
});

describe('warnings (CONTRACT §0)', () => {
  // without cutoffs, coordination picks them from g(r) and warns which it used
  const args = ['structure', 'coordination', sharedData('structure', 'nhoc_32fu.extxyz'), '--center', 'Hf', '--ligands', 'O,Cl'];

  it('under --json, nothing on stderr when it is not a terminal', async () => {
    const doc = await jsonOk([...args, '--json']);
    expect(Object.keys(doc.cutoffs).sort()).toEqual(['Cl', 'O']);
  });

  it('under --json on a terminal, and always without --json, the warning is shown', async () => {
    const tty = await runCli([...args, '--json'], { tty: true });
    expect(tty.code).toBe(0);
    parseOne(tty, 'coordination --json on a terminal');
    expect(tty.stderr).toMatch(/^superionic: warning: .*first minimum/);
    const human = await runCli(args);
    expect(human.code).toBe(0);
    expect(human.stderr).toMatch(/^superionic: warning: /);
  });
});

describe('run STUDY_DIR (CONTRACT §9)', () => {
  it('writes DIR/report.html, DIR/results.json and DIR/figures/*.svg|png', async () => {
    const dir = tinyStudy([
      { id: 'fits', type: 'eis-fit', measurements: ['a', 'b'], circuit: 'R0-p(R1,CPE1)-CPE2' },
      { id: 'arrhenius', type: 'arrhenius', from: 'fits', form: 'sigmaT' },
    ]);
    const out = join(scratch, 'study-out');
    const r = await runCli(['run', dir, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.analyses.map((a: any) => a.id)).toEqual(['fits', 'arrhenius']);
    const figures = readdirSync(join(out, 'figures'));
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((f) => /\.(svg|png)$/.test(f))).toBe(true);
  });

  it('a folder without study.json is exit 1 with one line naming it', async () => {
    const r = await runCli(['run', join(scratch, 'no-study-here')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^superionic: error: .*no-study-here/);
  });
});
