/**
 * Maps a client-supplied relative path onto a file inside one folder, refusing everything that
 * could reach outside it: absolute paths, drive letters, backslashes, NUL bytes, `..` segments
 * (the URL parser has already decoded `%2e%2e` to `..`, so they are caught here too) and
 * symbolic links whose target lies outside the folder (checked on the real path).
 */
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Why a path was refused; the server maps it to an HTTP status. */
export class PathRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'PathRefused';
  }
}

/** True when `child` is `root` itself or lies below it (both absolute, normalised). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  // A first segment of exactly ".." leaves the root; a name that merely starts with ".." does not.
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/**
 * The real path of `relPath` inside `realRoot` (which must itself be a real path). Throws
 * PathRefused(400) for a malformed or escaping path, 403 for a symlink that leaves the folder,
 * 404 when nothing is there.
 */
export function resolveInside(realRoot: string, relPath: string): string {
  if (relPath.includes('\0')) throw new PathRefused(400, 'path contains a NUL byte');
  if (relPath.includes('\\')) throw new PathRefused(400, 'path contains a backslash; use forward slashes');
  if (relPath.startsWith('/') || isAbsolute(relPath) || /^[A-Za-z]:/.test(relPath)) {
    throw new PathRefused(400, 'absolute paths are refused; give a path relative to the study folder');
  }
  const segments = relPath.split('/');
  if (segments.some((s) => s === '..')) throw new PathRefused(400, '".." segments are refused');
  const candidate = resolve(realRoot, relPath);
  if (!isInside(realRoot, candidate)) throw new PathRefused(400, 'path leaves the study folder');
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    throw new PathRefused(404, 'no such file');
  }
  if (!isInside(realRoot, real)) throw new PathRefused(403, 'path resolves (through a link) outside the study folder');
  return real;
}

/** Like resolveInside, and the target must be a regular file. */
export function resolveFileInside(realRoot: string, relPath: string): string {
  const real = resolveInside(realRoot, relPath);
  if (!statSync(real).isFile()) throw new PathRefused(404, 'not a regular file');
  return real;
}
