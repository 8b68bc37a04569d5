/**
 * Where the shared fixtures are: `../shared/data` beside the checkout (as in CI), or
 * $SUPERIONIC_SHARED if set. Tests read them in place; nothing is copied into the repo.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedRoot = process.env.SUPERIONIC_SHARED ?? resolve(repoRoot, '../shared');

/** Absolute path of a file under shared/data. */
export function sharedData(...parts: string[]): string {
  return resolve(sharedRoot, 'data', ...parts);
}

/** Absolute path of a file under shared/ (anchors, research). */
export function shared(...parts: string[]): string {
  return resolve(sharedRoot, ...parts);
}

export const haveShared = existsSync(resolve(sharedRoot, 'data'));

/** Absolute path of a fixture committed under test/. */
export function fixture(...parts: string[]): string {
  return resolve(repoRoot, 'test', ...parts);
}
