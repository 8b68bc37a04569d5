/**
 * BioLogic EC-Lab binary files (.mpr), any technique.
 *
 * Layout (reverse-engineered by galvani and yadg; verified on the fixtures):
 *  - magic "BIO-LOGIC MODULAR FILE\x1a" padded with spaces to 48 bytes + 4 NUL bytes;
 *  - modules, each "MODULE" + header + `length` bytes of content. Header v1: short name (10),
 *    long name (25), length u32, version u32, date (8) = 51 bytes. Header v2 (EC-Lab ≥ 11.50),
 *    recognised by FF FF FF FF after the long name: short (10), long (25), max length u32,
 *    length u32, version u32, new version u32, date (8) = 59 bytes.
 *  - "VMP Set" (settings; byte 0 = technique ID), "VMP data", "VMP LOG" (OLE start time),
 *    "VMP loop", "VMP ExtDev" … Only the data module is required.
 *  - data module: n_points u32, n_columns, column IDs, then fixed-size little-endian records.
 *    version 2: n_columns u8, IDs u16, records at byte 405; version 3: same, records at 406;
 *    version 0 with header v2 (EC-Lab ≥ 11.50): n_columns u16, IDs u16 from byte 6, records
 *    at 1007; version 0 with header v1 (very old): n_columns u8, IDs u8, records at 100.
 * An unknown column ID makes the record size unknown: InputError naming the ID.
 */
import { InputError } from '../../core/errors.js';
import { TECHNIQUE_IDS, unitOfName, type BiologicColumn, type BiologicTable } from './columns.js';
import { FLAG_COLUMNS, TYPE_SIZE, dataColumn, type MprType } from './mpr-columns.js';

const MAGIC = 'BIO-LOGIC MODULAR FILE\x1a';
const MAGIC_LENGTH = 52;
const latin1 = new TextDecoder('latin1');

export function hasMprMagic(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

interface Module {
  shortName: string;
  longName: string;
  version: number;
  newVersion?: number;
  date: string;
  headerV2: boolean;
  /** Content offset and length in the file. */
  offset: number;
  length: number;
}

function ascii(bytes: Uint8Array, start: number, n: number): string {
  return latin1.decode(bytes.subarray(start, start + n)).replace(/[\0 ]+$/, '');
}

/**
 * The module header at `pos` (which starts with "MODULE"), or undefined when the bytes end
 * inside it. Shared by the reader and by the sniffers that only have the head of a file.
 */
function moduleAt(bytes: Uint8Array, view: DataView, pos: number): Module | undefined {
  const h = pos + 6;
  if (h + 51 > bytes.length) return undefined;
  const v2 = view.getUint32(h + 35, true) === 0xffffffff;
  if (v2) {
    if (h + 59 > bytes.length) return undefined;
    return {
      shortName: ascii(bytes, h, 10),
      longName: ascii(bytes, h + 10, 25),
      length: view.getUint32(h + 39, true),
      version: view.getUint32(h + 43, true),
      newVersion: view.getUint32(h + 47, true),
      date: ascii(bytes, h + 51, 8),
      headerV2: true,
      offset: h + 59,
    };
  }
  return {
    shortName: ascii(bytes, h, 10),
    longName: ascii(bytes, h + 10, 25),
    length: view.getUint32(h + 35, true),
    version: view.getUint32(h + 39, true),
    date: ascii(bytes, h + 43, 8),
    headerV2: false,
    offset: h + 51,
  };
}

function readModules(bytes: Uint8Array, view: DataView, file: string): Module[] {
  const modules: Module[] = [];
  let pos = MAGIC_LENGTH;
  while (pos < bytes.length) {
    if (ascii(bytes, pos, 6) !== 'MODULE') {
      throw new InputError(file, `byte ${pos}`, 'expected the start of a "MODULE"; the file is damaged or truncated');
    }
    const m = moduleAt(bytes, view, pos);
    if (!m) throw new InputError(file, `byte ${pos}`, 'the file ends inside a module header (truncated)');
    if (m.offset + m.length > bytes.length) {
      throw new InputError(
        file,
        `module "${m.shortName}"`,
        `declares ${m.length} bytes but only ${bytes.length - m.offset} remain; the file is truncated`,
      );
    }
    modules.push(m);
    pos = m.offset + m.length;
  }
  return modules;
}

/** Where a data module keeps its column count, column IDs and records, by version (file comment). */
interface DataLayout {
  /** Bytes of the column count at content offset 4. */
  countSize: 1 | 2;
  /** Bytes of each column ID, from `idsAt`. */
  idSize: 1 | 2;
  idsAt: number;
  /** Content offset of the first record. */
  recordsAt: number;
  name: string;
}

function dataLayout(data: Module): DataLayout | undefined {
  if (data.version === 2 || data.version === 3) {
    return { countSize: 1, idSize: 2, idsAt: 5, recordsAt: data.version === 3 ? 406 : 405, name: `data v${data.version}` };
  }
  if (data.version === 0 && data.headerV2) return { countSize: 2, idSize: 2, idsAt: 6, recordsAt: 1007, name: 'data v0, EC-Lab >= 11.50' };
  if (data.version === 0) return { countSize: 1, idSize: 1, idsAt: 5, recordsAt: 100, name: 'data v0 (old)' };
  return undefined;
}

/** The column IDs of a data module, or undefined when `bytes` end before the list does. */
function columnIds(bytes: Uint8Array, view: DataView, data: Module, layout: DataLayout): number[] | undefined {
  const d = data.offset;
  if (d + 4 + layout.countSize > bytes.length) return undefined;
  const ncol = layout.countSize === 2 ? view.getUint16(d + 4, true) : bytes[d + 4]!;
  const first = d + layout.idsAt;
  if (first + layout.idSize * ncol > bytes.length) return undefined;
  return Array.from({ length: ncol }, (_, i) =>
    layout.idSize === 2 ? view.getUint16(first + 2 * i, true) : bytes[first + i]!,
  );
}

/**
 * What the head of an .mpr (its first bytes, possibly cut anywhere) says without reading the
 * records: the technique ID (byte 0 of "VMP Set") and the data column IDs, when they lie
 * within the head. For sniffing; never throws.
 */
export function mprHeadInfo(head: Uint8Array): { techniqueId?: number; columnIds?: number[] } {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const info: { techniqueId?: number; columnIds?: number[] } = {};
  let pos = MAGIC_LENGTH;
  while (ascii(head, pos, 6) === 'MODULE') {
    const m = moduleAt(head, view, pos);
    if (!m) break;
    if (m.shortName === 'VMP Set' && m.offset < head.length) info.techniqueId = head[m.offset];
    if (m.shortName === 'VMP data') {
      const layout = dataLayout(m);
      const ids = layout && columnIds(head, view, m, layout);
      if (ids) info.columnIds = ids;
      break;
    }
    pos = m.offset + m.length;
  }
  return info;
}

interface Field {
  name: string;
  type: MprType | 'flags';
  offset: number;
  mask?: number;
}

function fieldsFor(ids: number[], file: string): { fields: Field[]; recordSize: number } {
  const fields: Field[] = [];
  let offset = 0;
  let flagsOffset = -1;
  for (const id of ids) {
    const flag = FLAG_COLUMNS[id];
    if (flag) {
      if (flagsOffset < 0) {
        flagsOffset = offset;
        offset += 1;
      }
      fields.push({ name: flag[0], type: 'flags', offset: flagsOffset, mask: flag[1] });
      continue;
    }
    const col = dataColumn(id);
    if (!col) {
      const after = fields.length ? ` (after "${fields[fields.length - 1]!.name}")` : '';
      throw new InputError(
        file,
        `column ID ${id}`,
        `unknown BioLogic .mpr column ID ${id}${after}; its size is unknown so the records cannot be read (export the run as .mpt from EC-Lab instead)`,
      );
    }
    fields.push({ name: col[0], type: col[1], offset });
    offset += TYPE_SIZE[col[1]];
  }
  return { fields, recordSize: offset };
}

/** OLE automation date (days since 1899-12-30) → ISO 8601 without zone. */
function oleToIso(days: number): string {
  const ms = Date.UTC(1899, 11, 30) + days * 86400000;
  return new Date(Math.round(ms)).toISOString().replace('Z', '');
}

export function parseMpr(bytes: Uint8Array, file: string): BiologicTable {
  if (!hasMprMagic(bytes)) throw new InputError(file, undefined, 'not a BioLogic .mpr file (no "BIO-LOGIC MODULAR FILE" magic)');
  if (bytes.length < MAGIC_LENGTH) throw new InputError(file, undefined, 'the file is truncated after its magic bytes');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const modules = readModules(bytes, view, file);
  const data = modules.find((m) => m.shortName === 'VMP data');
  if (!data) throw new InputError(file, undefined, 'no "VMP data" module; the run may not have recorded any point');

  const d = data.offset;
  if (data.length < 6) throw new InputError(file, 'module "VMP data"', 'too short to hold its header');
  const npts = view.getUint32(d, true);
  const layout = dataLayout(data);
  if (!layout) throw new InputError(file, 'module "VMP data"', `unknown data-module version ${data.version}; expected 0, 2 or 3`);
  const ids = columnIds(bytes, view, data, layout);
  if (!ids) throw new InputError(file, 'module "VMP data"', 'too short to hold its column list');
  const start = layout.recordsAt;
  const { fields, recordSize } = fieldsFor(ids, file);
  const available = data.length - start;
  if (available < 0 || recordSize === 0) throw new InputError(file, 'module "VMP data"', 'too short to hold its column list');
  if (npts * recordSize > available) {
    throw new InputError(
      file,
      'module "VMP data"',
      `declares ${npts} points of ${recordSize} bytes but holds only ${Math.floor(available / recordSize)}; the file is truncated`,
    );
  }

  const base = d + start;
  const columns: BiologicColumn[] = fields.map((f) => {
    const v = new Float64Array(npts);
    let p = base + f.offset;
    switch (f.type) {
      case 'f4':
        for (let i = 0; i < npts; i++, p += recordSize) v[i] = view.getFloat32(p, true);
        break;
      case 'f8':
        for (let i = 0; i < npts; i++, p += recordSize) v[i] = view.getFloat64(p, true);
        break;
      case 'u1':
        for (let i = 0; i < npts; i++, p += recordSize) v[i] = bytes[p]!;
        break;
      case 'u2':
        for (let i = 0; i < npts; i++, p += recordSize) v[i] = view.getUint16(p, true);
        break;
      case 'u4':
        for (let i = 0; i < npts; i++, p += recordSize) v[i] = view.getUint32(p, true);
        break;
      case 'i2':
        for (let i = 0; i < npts; i++, p += recordSize) v[i] = view.getInt16(p, true);
        break;
      case 'i4':
        for (let i = 0; i < npts; i++, p += recordSize) v[i] = view.getInt32(p, true);
        break;
      case 'flags': {
        const mask = f.mask!;
        const shift = 31 - Math.clz32(mask & -mask); // lowest set bit
        for (let i = 0; i < npts; i++, p += recordSize) v[i] = (bytes[p]! & mask) >> shift;
        break;
      }
    }
    return { name: f.name, unit: unitOfName(f.name), values: v };
  });

  const meta: Record<string, unknown> = {
    software: 'EC-Lab',
    dataVersion: layout.name,
    columnIds: ids,
    modules: modules.map((m) => m.shortName),
  };
  let technique: string | undefined;
  const settings = modules.find((m) => m.shortName === 'VMP Set');
  if (settings && settings.length > 0) {
    const id = bytes[settings.offset]!;
    meta.techniqueId = id;
    technique = TECHNIQUE_IDS[id];
  }
  const log = modules.find((m) => m.shortName === 'VMP LOG');
  if (log) {
    // The OLE start time sits at 0x249 in the log module (yadg); older files at 465/469/473.
    for (const off of [0x249, 465, 469, 473]) {
      if (off + 8 > log.length) continue;
      const days = view.getFloat64(log.offset + off, true);
      if (days > 30000 && days < 80000) {
        meta.startTime = oleToIso(days);
        break;
      }
    }
  }
  if (log && log.length > 0x3b7 + 1) {
    // EC-Lab's version as a Pascal string at 0x3B7 of the log module (yadg); kept only if it looks like one.
    const n = bytes[log.offset + 0x3b7]!;
    const version = ascii(bytes, log.offset + 0x3b8, Math.min(n, 16));
    if (/^\d+\.\d+/.test(version)) meta.ecLabVersion = version;
  }
  const loop = modules.find((m) => m.shortName === 'VMP loop');
  if (loop && loop.version === 0 && loop.length >= 4) {
    // Row index where each loop starts: u32 values after a 4-byte header (galvani), the
    // trailing zeros being padding.
    const starts: number[] = [];
    for (let p = loop.offset + 4; p + 4 <= loop.offset + loop.length; p += 4) starts.push(view.getUint32(p, true));
    while (starts.length > 1 && starts[starts.length - 1] === 0) starts.pop();
    meta.loopStarts = starts;
  }
  return { columns, ...(technique ? { technique } : {}), meta };
}
