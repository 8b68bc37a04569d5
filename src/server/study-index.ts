/**
 * The file list of a study folder with what each file is (`inspectBytes`, the same answer as
 * `superionic inspect`). Hidden entries, caches and node_modules are skipped; symbolic links are
 * followed only when they stay inside the folder. Inspections are cached by (size, mtime), so a
 * reload of the workbench only re-reads files that changed.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inspectBytes } from '../formats/detect.js';
import type { InspectInfo } from '../formats/types.js';
import { isInside } from './safe-path.js';

/** One file of the study as the API lists it. */
export interface StudyFile {
  /** Path relative to the study folder, with forward slashes. */
  path: string;
  /** Size in bytes. */
  size: number;
  /** What the file is, when a reader recognised it. */
  inspect?: InspectInfo;
  /** Why it could not be read (one line), when no reader accepted it. */
  error?: string;
  /** Set for the study manifest (study.json). */
  role?: 'manifest';
}

export interface StudyIndexOptions {
  /** Files larger than this (bytes) are listed but not opened for inspection. */
  maxInspectBytes: number;
  /** At most this many files are listed. */
  maxFiles: number;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.superionic-cache']);
/** Text that belongs to the study but is not data (README, licences, scripts). */
const NOT_DATA = /\.(md|ts|js|py|html|svg|png|pdf|json)$/i;

interface CacheEntry {
  size: number;
  mtimeMs: number;
  file: StudyFile;
}

export class StudyIndex {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    readonly realRoot: string,
    readonly options: StudyIndexOptions,
  ) {}

  list(): { files: StudyFile[]; truncated: boolean } {
    const out: StudyFile[] = [];
    const truncated = this.walk(this.realRoot, out, new Set([this.realRoot]));
    out.sort((a, b) => a.path.localeCompare(b.path));
    return { files: out, truncated };
  }

  /**
   * Depth-first walk; returns true when maxFiles stopped it. `seen` holds the real paths of the
   * folders entered, so a link back to a parent (a cycle) or a second link to one folder is
   * walked once, not until the path grows too long.
   */
  private walk(dir: string, out: StudyFile[], seen: Set<string>): boolean {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return false;
    }
    for (const name of entries) {
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      const full = join(dir, name);
      let st;
      try {
        st = lstatSync(full);
        if (st.isSymbolicLink()) {
          const real = realpathSync(full);
          if (!isInside(this.realRoot, real)) continue; // links out of the study are invisible
          st = statSync(real);
        }
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        const real = realpathOf(full);
        if (real === undefined || seen.has(real)) continue;
        seen.add(real);
        if (this.walk(full, out, seen)) return true;
      } else if (st.isFile()) {
        if (out.length >= this.options.maxFiles) return true;
        out.push(this.describe(full, st.size, st.mtimeMs));
      }
    }
    return false;
  }

  private describe(full: string, size: number, mtimeMs: number): StudyFile {
    const path = relative(this.realRoot, full).split(sep).join('/');
    const hit = this.cache.get(path);
    if (hit && hit.size === size && hit.mtimeMs === mtimeMs) return hit.file;
    const file = this.inspect(full, path, size);
    this.cache.set(path, { size, mtimeMs, file });
    return file;
  }

  private inspect(full: string, path: string, size: number): StudyFile {
    if (path === 'study.json') return { path, size, role: 'manifest' };
    if (size > this.options.maxInspectBytes) return { path, size, error: `larger than ${this.options.maxInspectBytes} bytes; not inspected` };
    if (NOT_DATA.test(path)) return { path, size };
    try {
      const { file: _file, ...info } = inspectBytes(new Uint8Array(readFileSync(full)), path);
      return { path, size, inspect: info };
    } catch (e) {
      return { path, size, error: e instanceof Error ? e.message : String(e) };
    }
  }
}

function realpathOf(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}
