/**
 * Recognises a file by content among every registered format (CONTRACT §1) and dispatches to
 * its reader. Each domain keeps its own list (formats/<domain>/index.ts); this file only ranks.
 */
import { InputError } from '../core/errors.js';
import { decodeText, looksBinary } from './text.js';
import type { DataKind, FileFormat, FileHead, InspectInfo } from './types.js';
import { impedanceFormats } from './impedance/index.js';
import { cyclingFormats } from './cycling/index.js';
import { structureFormats } from './structure/index.js';
import { patternFormats } from './pattern/index.js';

const HEAD_BYTES = 65536;
const latin1 = new TextDecoder('latin1');

export function fileHead(bytes: Uint8Array, name: string): FileHead {
  const head = bytes.subarray(0, HEAD_BYTES);
  const truncated = bytes.length > HEAD_BYTES;
  // UTF-16 text (Windows exports with a BOM) is text, not binary, despite its NUL bytes.
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { name, bytes: head, text: decodeText(head), binary: false, truncated };
  return { name, bytes: head, text: latin1.decode(head), binary: looksBinary(head), truncated };
}

export function allFormats(): FileFormat<unknown>[] {
  return [...impedanceFormats, ...cyclingFormats, ...structureFormats, ...patternFormats] as FileFormat<unknown>[];
}

/**
 * The best-scoring format for these bytes, optionally limited to some kinds. Throws an
 * InputError naming the file when nothing recognises it.
 */
export function detectFormat<T = unknown>(
  bytes: Uint8Array,
  file: string,
  kinds?: readonly DataKind[],
  formats: readonly FileFormat<unknown>[] = allFormats(),
): FileFormat<T> {
  if (bytes.length === 0) throw new InputError(file, undefined, 'the file is empty');
  const head = fileHead(bytes, file);
  let best: FileFormat<unknown> | undefined;
  let bestScore = 0;
  for (const f of formats) {
    if (kinds && !kinds.includes(f.kind)) continue;
    const s = f.sniff(head);
    if (s > bestScore) {
      best = f;
      bestScore = s;
    }
  }
  if (!best) {
    const what = kinds ? `${kinds.join(' or ')} ` : '';
    throw new InputError(file, undefined, `not a recognised ${what}file format (see \`superionic inspect --help\` for the list)`);
  }
  return best as FileFormat<T>;
}

/** Reads a file of one of the given kinds, by content. */
export function readAs<T>(bytes: Uint8Array, file: string, kinds: readonly DataKind[]): { format: FileFormat<T>; data: T } {
  const format = detectFormat<T>(bytes, file, kinds);
  return { format, data: format.read(bytes, file) };
}

/** What `superionic inspect` reports for a file. */
export function inspectBytes(bytes: Uint8Array, file: string): InspectInfo & { file: string } {
  const format = detectFormat(bytes, file);
  const data = format.read(bytes, file);
  const summary = format.summarize(data);
  return { file, format: format.id, kind: summary.kind ?? format.kind, ...summary };
}
