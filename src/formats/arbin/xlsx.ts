/**
 * Arbin Excel exports (.xlsx, MITS Pro "Channel_…" sheets). An .xlsx is a ZIP of XML parts; we
 * read the workbook's sheet list, pick the first sheet named `Channel…` (else the first whose
 * header names time, voltage and current), resolve shared strings and map the header with the
 * same unit-aware column table as the CSV readers. No spreadsheet package is needed for this
 * read-only, values-only use (formulas' cached values `<v>` are read as stored).
 */
import type { FileFormat, FileHead } from '../types.js';
import type { CyclerRecord } from '../../cycling/record.js';
import { InputError } from '../../core/errors.js';
import { isZip, zipEntries, zipRead } from '../neware/zip.js';
import { mapColumns, looksLikeCyclerHeader, type Role } from '../csv-cycling/columns.js';
import { summarizeRecord } from '../csv-cycling/summary.js';
import { counterColumn } from '../csv-cycling/table.js';

const utf8 = new TextDecoder('utf-8');

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d)))
    .replace(/&amp;/g, '&');
}

/** Column letters → 0-based index ("A" → 0, "AA" → 26). */
function colIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

interface Sheet {
  name: string;
  rows: (string | number)[][];
}

function readSheets(bytes: Uint8Array, file: string): { name: string; load: () => Sheet }[] {
  const entries = zipEntries(bytes, file);
  const part = (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e ? utf8.decode(zipRead(bytes, e, file)) : undefined;
  };
  const wb = part('xl/workbook.xml');
  if (!wb) throw new InputError(file, undefined, 'no xl/workbook.xml; expected an .xlsx workbook');
  const rels = part('xl/_rels/workbook.xml.rels') ?? '';
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)) target.set(m[1]!, m[2]!);
  for (const m of rels.matchAll(/<Relationship\b[^>]*\bTarget="([^"]+)"[^>]*\bId="([^"]+)"/g)) target.set(m[2]!, m[1]!);
  const shared: string[] = [];
  const ss = part('xl/sharedStrings.xml');
  if (ss) {
    for (const m of ss.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
      shared.push(unescapeXml([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
    }
  }
  const sheets: { name: string; load: () => Sheet }[] = [];
  for (const m of wb.matchAll(/<sheet\b[^>]*\bname="([^"]+)"[^>]*\br:id="([^"]+)"/g)) {
    const name = unescapeXml(m[1]!);
    const t = target.get(m[2]!);
    if (!t) continue;
    const path = t.startsWith('/') ? t.slice(1) : `xl/${t}`;
    sheets.push({
      name,
      load: () => {
        const xml = part(path);
        if (!xml) throw new InputError(file, name, `sheet part ${path} is missing`);
        const rows: (string | number)[][] = [];
        for (const r of xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
          const row: (string | number)[] = [];
          for (const c of r[1]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
            const attrs = c[1]!;
            const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1];
            const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
            const inner = c[2] ?? '';
            const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
            let value: string | number = '';
            if (type === 's' && v !== undefined) value = shared[Number(v)] ?? '';
            else if (type === 'inlineStr') value = unescapeXml(/<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1] ?? '');
            else if (type === 'str') value = unescapeXml(v ?? '');
            else if (v !== undefined) value = Number(v);
            const k = ref ? colIndex(ref) : row.length;
            row[k] = value;
          }
          rows.push(row);
        }
        return { name, rows };
      },
    });
  }
  return sheets;
}

export function readArbinXlsx(bytes: Uint8Array, file: string): CyclerRecord {
  const sheets = readSheets(bytes, file);
  const ordered = [...sheets.filter((s) => /^Channel/i.test(s.name)), ...sheets.filter((s) => !/^Channel/i.test(s.name))];
  for (const s of ordered) {
    const sheet = s.load();
    const header = (sheet.rows[0] ?? []).map((x) => String(x ?? ''));
    if (!looksLikeCyclerHeader(header)) continue;
    const cols = mapColumns(header, file, `${s.name}!1`);
    const n = sheet.rows.length - 1;
    const col = (role: Role): Float64Array | undefined => {
      const c = cols[role];
      if (!c) return undefined;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = sheet.rows[i + 1]![c.index];
        const x = typeof v === 'number' ? v : v === undefined || v === '' ? NaN : Number(v);
        out[i] = x * c.scale;
      }
      return out;
    };
    const time = col('time')!;
    const voltage = col('voltage')!;
    const current = col('current')!;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(time[i]!) || !Number.isFinite(voltage[i]!) || !Number.isFinite(current[i]!)) {
        throw new InputError(file, `${s.name}!row ${i + 2}`, 'time, voltage or current is not a number');
      }
    }
    const rec: CyclerRecord = { time, voltage, current, meta: { source: file, format: 'arbin-xlsx', sheet: s.name, columns: header } };
    const step = counterColumn(col('step'));
    if (step) rec.step = step;
    const cycle = counterColumn(col('cycle'));
    if (cycle) rec.cycle = cycle;
    const ch = col('chargeCapacity');
    if (ch) rec.chargeCapacity = ch;
    const dis = col('dischargeCapacity');
    if (dis) rec.dischargeCapacity = dis;
    return rec;
  }
  throw new InputError(file, undefined, 'no sheet whose first row names time, voltage and current columns');
}

export const arbinXlsxFormat: FileFormat<CyclerRecord> = {
  id: 'arbin-xlsx',
  name: 'Arbin Excel export (.xlsx, Channel sheets)',
  kind: 'cycling',
  sniff(head: FileHead): number {
    if (!isZip(head.bytes)) return 0;
    return head.text.includes('xl/') || head.text.includes('[Content_Types].xml') ? 50 : 0;
  },
  read: readArbinXlsx,
  summarize: summarizeRecord,
};
