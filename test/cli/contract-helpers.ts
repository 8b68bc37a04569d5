/**
 * Assertions shared by the contract tests (CONTRACT §0): one JSON document on stdout and nothing
 * else, Quantity objects with the contract's units, one-line errors naming the file, batches in
 * order. Each helper fails with the command line in the message so a violation is easy to place.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';

export const scratch = mkdtempSync(join(tmpdir(), 'superionic-contract-'));

/** Writes a small file for a test into the scratch folder and returns its path. */
export function scratchFile(name: string, text: string): string {
  const p = join(scratch, name);
  writeFileSync(p, text);
  return p;
}

/**
 * Runs a `--json` command line that must succeed: exit 0, stdout exactly one JSON document
 * (JSON.parse rejects anything before or after it), and stderr empty because the test's
 * stderr is not a terminal (no progress, no warnings).
 */
export async function jsonOk(args: string[]): Promise<any> {
  expect(args, 'test bug: jsonOk needs --json').toContain('--json');
  const r = await runCli(args);
  const cmd = args.join(' ');
  expect(r.stderr, `${cmd}: stderr must be empty under --json when stderr is not a terminal`).toBe('');
  expect(r.code, `${cmd}: exit status`).toBe(0);
  const doc = parseOne(r, cmd);
  expectQuantitiesWellFormed(doc, cmd);
  return doc;
}

/**
 * Every object in a document that looks like a Quantity (has "value" and "unit") is one:
 * a finite number, a unit string, a numeric stderr if any (a NaN printed as null is not).
 */
export function expectQuantitiesWellFormed(doc: unknown, cmd: string, path = ''): void {
  if (Array.isArray(doc)) {
    // a curve is a plain number array: a null among numbers is a NaN or ∞ that slipped through
    // (eis fit's "correlation" matrix documents null for parameters without a stderr)
    if (!/(^|\.)correlation\[/.test(path) && doc.some((x) => typeof x === 'number')) expect(doc.includes(null), `${cmd}: ${path} has null among its numbers`).toBe(false);
    doc.forEach((x, i) => typeof x === 'object' && x !== null && expectQuantitiesWellFormed(x, cmd, `${path}[${i}]`));
    return;
  }
  if (typeof doc !== 'object' || doc === null) return;
  const o = doc as Record<string, unknown>;
  if ('value' in o && 'unit' in o) {
    expect(typeof o.value === 'number' && Number.isFinite(o.value), `${cmd}: ${path || '(top)'}.value is a finite number, got ${JSON.stringify(o.value)}`).toBe(true);
    expect(typeof o.unit, `${cmd}: ${path}.unit`).toBe('string');
    if ('stderr' in o) expect(typeof o.stderr, `${cmd}: ${path}.stderr is a number when present, got ${JSON.stringify(o.stderr)}`).toBe('number');
    return;
  }
  for (const [k, v] of Object.entries(o)) expectQuantitiesWellFormed(v, cmd, path ? `${path}.${k}` : k);
}

/** stdout is exactly one JSON document followed by at most a newline. */
export function parseOne(r: CliRun, cmd: string): any {
  expect(r.stdout.trim().length, `${cmd}: nothing on stdout`).toBeGreaterThan(0);
  let doc: unknown;
  expect(() => (doc = JSON.parse(r.stdout)), `${cmd}: stdout is not exactly one JSON document`).not.toThrow();
  expectQuantitiesWellFormed(doc, cmd);
  return doc;
}

/** A physical quantity `{value: number, unit: string, stderr?: number}` in `unit`. */
export function expectQuantity(q: unknown, unit: string | RegExp, where: string, opts: { stderr?: boolean } = {}): void {
  expect(q, `${where}: a Quantity object`).toBeTypeOf('object');
  expect(q, `${where}: a Quantity object`).not.toBeNull();
  const o = q as Record<string, unknown>;
  expect(Object.keys(o).filter((k) => !['value', 'unit', 'stderr'].includes(k)), `${where}: only value, unit, stderr`).toEqual([]);
  expect(typeof o.value, `${where}.value is a number`).toBe('number');
  expect(Number.isFinite(o.value), `${where}.value is finite`).toBe(true);
  if (typeof unit === 'string') expect(o.unit, `${where}.unit`).toBe(unit);
  else expect(o.unit, `${where}.unit`).toMatch(unit);
  if ('stderr' in o) expect(typeof o.stderr, `${where}.stderr is a number when present`).toBe('number');
  if (opts.stderr) expect(o.stderr, `${where}.stderr required`).toBeTypeOf('number');
}

export function expectNumberArray(a: unknown, where: string, length?: number): asserts a is number[] {
  expect(Array.isArray(a), `${where} is an array`).toBe(true);
  const arr = a as unknown[];
  if (length !== undefined) expect(arr.length, `${where}.length`).toBe(length);
  expect(arr.every((x) => typeof x === 'number'), `${where}: plain numbers`).toBe(true);
}

/** Bad input: exit 1 and exactly one stderr line `superionic: error: <file>…`. */
export async function expectBadInput(args: string[], file: string, pattern?: RegExp): Promise<CliRun> {
  const r = await runCli(args);
  const cmd = args.join(' ');
  expect(r.code, `${cmd}: exit status for bad input`).toBe(1);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, `${cmd}: exactly one stderr line`).toHaveLength(1);
  expect(lines[0]!.startsWith(`superionic: error: ${file}`), `${cmd}: "${lines[0]}" starts with "superionic: error: ${file}"`).toBe(true);
  if (pattern) expect(lines[0]).toMatch(pattern);
  expect(r.stdout, `${cmd}: nothing on stdout for a single bad file`).toBe('');
  return r;
}

/** Usage error: exit 2, something on stderr, nothing on stdout. */
export async function expectUsage(args: string[], pattern?: RegExp): Promise<CliRun> {
  const r = await runCli(args);
  const cmd = args.join(' ');
  expect(r.code, `${cmd}: exit status for a usage error`).toBe(2);
  expect(r.stdout, `${cmd}: nothing on stdout`).toBe('');
  // one "superionic: error: …" line, or the group's help when a subcommand is missing
  expect(r.stderr, `${cmd}: says what is wrong`).toMatch(/^(superionic: |Usage: superionic )/);
  if (pattern) expect(r.stderr).toMatch(pattern);
  return r;
}

/** Drops keys that legitimately differ between two runs of the same input (wall-clock times). */
export function stable(doc: any): any {
  return JSON.parse(JSON.stringify(doc, (k, v) => (/^(wall|elapsed|seconds|atomStepsPerSecond|timing)/i.test(k) ? undefined : v)));
}

/**
 * Several files → one JSON array with one document per file, in order, each equal to the
 * document the file gives alone (CONTRACT §0).
 */
export async function expectBatch(before: string[], files: string[], after: string[]): Promise<any[]> {
  const singles = [];
  for (const f of files) singles.push(stable(await jsonOk([...before, f, ...after])));
  const batch = await jsonOk([...before, ...files, ...after]);
  expect(Array.isArray(batch), `${before.join(' ')} with ${files.length} files prints an array`).toBe(true);
  expect(batch).toHaveLength(files.length);
  expect(stable(batch)).toEqual(singles);
  return batch;
}

/** The first `n` frames of an (extended) XYZ trajectory, as text. */
export function firstXyzFrames(text: string, n: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  for (let f = 0; f < n && i < lines.length; f++) {
    const atoms = Number(lines[i]);
    out.push(...lines.slice(i, i + atoms + 2));
    i += atoms + 2;
  }
  return out.join('\n') + '\n';
}
