/**
 * A minimal ZIP reader (enough for Neware .ndax): the central directory at the end of the file
 * lists the entries; stored (0) and deflated (8) entries are returned as bytes (deflate via
 * node:zlib's raw inflate — synchronous, no copy of the archive). ZIP64 size fields in the
 * entries' extra data are honoured; a ZIP64 directory and encryption are refused clearly.
 */
import { InputError } from '../../core/errors.js';

type InflateRaw = (data: Uint8Array) => Uint8Array;
let inflateRaw: InflateRaw | undefined;

/**
 * Node's zlib, looked up at run time (process.getBuiltinModule, Node ≥ 20.16) rather than
 * imported, so this pure-bytes module still bundles for the browser workbench.
 */
function nodeInflateRaw(): InflateRaw | undefined {
  if (inflateRaw) return inflateRaw;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = proc?.getBuiltinModule?.('node:zlib') as { inflateRawSync?: (d: Uint8Array) => Uint8Array } | undefined;
  if (zlib?.inflateRawSync) inflateRaw = (d) => zlib.inflateRawSync!(d);
  return inflateRaw;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** offset of the local file header */
  offset: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;
}

export function zipEntries(b: Uint8Array, file: string): ZipEntry[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let e = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === EOCD) {
      e = i;
      break;
    }
  }
  if (e < 0) throw new InputError(file, undefined, 'no ZIP end-of-directory record; the file is truncated or not a ZIP archive');
  const count = v.getUint16(e + 10, true);
  let p = v.getUint32(e + 16, true);
  if (p === 0xffffffff) throw new InputError(file, undefined, 'ZIP64 archives are not supported');
  const out: ZipEntry[] = [];
  const dec = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || v.getUint32(p, true) !== CEN) throw new InputError(file, `zip directory entry ${k}`, 'damaged ZIP directory');
    const flags = v.getUint16(p + 8, true);
    if (flags & 1) throw new InputError(file, undefined, 'encrypted ZIP entries are not supported');
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const entry: ZipEntry = {
      name: dec.decode(b.subarray(p + 46, p + 46 + nameLen)),
      method: v.getUint16(p + 10, true),
      compressedSize: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      offset: v.getUint32(p + 42, true),
    };
    // ZIP64 extra field (id 1): 8-byte values for those fields that read 0xFFFFFFFF, in order
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = v.getUint16(x, true);
      const len = v.getUint16(x + 2, true);
      if (id === 1) {
        let q = x + 4;
        const big = () => {
          const lo = v.getUint32(q, true);
          const hi = v.getUint32(q + 4, true);
          q += 8;
          return hi * 2 ** 32 + lo;
        };
        if (entry.size === 0xffffffff) entry.size = big();
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = big();
        if (entry.offset === 0xffffffff) entry.offset = big();
      }
      x += 4 + len;
    }
    out.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export function zipRead(b: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const o = entry.offset;
  if (o + 30 > b.length || v.getUint32(o, true) !== LOC) throw new InputError(file, entry.name, 'damaged ZIP entry header');
  const start = o + 30 + v.getUint16(o + 26, true) + v.getUint16(o + 28, true);
  const end = start + entry.compressedSize;
  if (end > b.length) throw new InputError(file, entry.name, 'the archive is truncated inside this entry');
  const raw = b.subarray(start, end);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new InputError(file, entry.name, `ZIP compression method ${entry.method} is not supported (expected stored or deflate)`);
  const inflate = nodeInflateRaw();
  if (!inflate) throw new InputError(file, entry.name, 'deflated ZIP entries need Node.js (zlib) in this build');
  try {
    const out = inflate(raw);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (err) {
    throw new InputError(file, entry.name, `cannot inflate (${(err as Error).message}); the archive is damaged`);
  }
}
