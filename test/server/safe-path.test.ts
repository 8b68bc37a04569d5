import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInside, PathRefused, resolveFileInside } from '../../src/server/safe-path.js';
import { StudyIndex } from '../../src/server/study-index.js';

let dir: string;
let root: string;

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'superionic-safe-path-')));
  root = join(dir, 'study');
  mkdirSync(join(root, 'data', 'eis'), { recursive: true });
  writeFileSync(join(root, '..notes.csv'), 'a,b\n1,2\n');
  writeFileSync(join(root, 'data', 'eis', 'x.csv'), 'a,b\n1,2\n');
  writeFileSync(join(dir, 'outside.csv'), 'SECRET');
  // A link back to an ancestor: a cycle the listing must not follow forever.
  symlinkSync(root, join(root, 'data', 'loop'));
  // A second name for a folder already listed.
  symlinkSync(join(root, 'data', 'eis'), join(root, 'eis-again'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isInside', () => {
  it('tells a ".." segment from a name that starts with two dots', () => {
    expect(isInside(root, join(root, '..notes.csv'))).toBe(true);
    expect(isInside(root, join(root, 'a', '..b'))).toBe(true);
    expect(isInside(root, root)).toBe(true);
    expect(isInside(root, dir)).toBe(false);
    expect(isInside(root, join(dir, 'outside.csv'))).toBe(false);
    expect(isInside(root, `${root}-sibling`)).toBe(false);
  });
});

describe('resolveFileInside', () => {
  it('serves a file whose name starts with ".." and still refuses a ".." segment', () => {
    expect(resolveFileInside(root, '..notes.csv')).toBe(join(root, '..notes.csv'));
    expect(() => resolveFileInside(root, '../outside.csv')).toThrow(PathRefused);
    expect(() => resolveFileInside(root, 'data/../../outside.csv')).toThrow(PathRefused);
  });
});

describe('StudyIndex', () => {
  it('walks a link cycle and a second link to a folder once', () => {
    const { files, truncated } = new StudyIndex(root, { maxInspectBytes: 1 << 20, maxFiles: 100 }).list();
    // Without the record of folders entered, data/loop/data/loop/… repeats x.csv until maxFiles.
    expect(truncated).toBe(false);
    expect(files.map((f) => f.path)).toEqual(['data/eis/x.csv']);
  });
});
