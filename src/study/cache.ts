/**
 * Content-hash cache of analysis outcomes: the key is a SHA-256 of the runner version, the
 * analysis entry, the manifest entries it reads, the bytes of its input files and the results
 * of the analyses it builds on. A changed file, option or upstream result gives a new key, so a
 * re-run only redoes what changed. One JSON file per key under the cache folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/files.js';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Stable JSON (sorted keys) so the same content always hashes the same. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export class ResultCache {
  hits = 0;
  misses = 0;

  constructor(readonly dir: string | undefined) {}

  get<T>(key: string): T | undefined {
    if (!this.dir) return undefined;
    const f = join(this.dir, `${key}.json`);
    if (!existsSync(f)) return undefined;
    try {
      return JSON.parse(readFileSync(f, 'utf8')) as T;
    } catch {
      return undefined; // a damaged cache entry is recomputed, never trusted
    }
  }

  put(key: string, value: unknown): void {
    if (!this.dir) return;
    try {
      writeFileAtomic(join(this.dir, `${key}.json`), JSON.stringify(value));
    } catch {
      /* a read-only cache folder only costs time */
    }
  }
}
