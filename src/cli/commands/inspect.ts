import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { forEachFile } from '../files.js';
import { allFormats, inspectBytes } from '../../formats/detect.js';
import type { InspectInfo } from '../../formats/types.js';
import { readInputFile } from '../../io/files.js';

type InspectDoc = InspectInfo & { file: string };

/** The contract's keys first, in the contract's order; anything a reader adds after them. */
const ORDER = ['file', 'format', 'kind', 'rows', 'points', 'atoms', 'frames', 'columns'];

function ordered(doc: InspectDoc): InspectDoc {
  const out: Record<string, unknown> = {};
  for (const k of ORDER) if (doc[k] !== undefined) out[k] = doc[k];
  for (const [k, v] of Object.entries(doc)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as InspectDoc;
}

function formatValue(v: unknown): string {
  if (Array.isArray(v)) {
    const items = v.map((x) => (typeof x === 'number' ? formatNumber(x) : String(x)));
    const text = items.join(', ');
    return text.length > 100 ? `${text.slice(0, 97)}…` : text;
  }
  if (typeof v === 'number') return formatNumber(v);
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : Number(x.toPrecision(6)).toString();
}

/** A two-column "key  value" table. */
function human(doc: InspectDoc): string {
  const name = (allFormats().find((f) => f.id === doc.format && f.kind === doc.kind) ?? allFormats().find((f) => f.id === doc.format))?.name;
  const rows: [string, string][] = Object.entries(doc).map(([k, v]) => [
    k,
    k === 'format' && name ? `${formatValue(v)} (${name})` : formatValue(v),
  ]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

function formatList(): string {
  const lines = allFormats().map((f) => `  ${f.id.padEnd(16)} ${f.kind.padEnd(11)} ${f.name}`);
  return lines.length ? `\nRecognised formats (by content, not extension):\n${lines.join('\n')}\n` : '';
}

/** `superionic inspect FILE…` (CONTRACT §1). */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('inspect')
    .description('recognise files by content and report format, kind and size')
    .argument('<files...>', 'input files (any supported format; several files → one JSON array)')
    .option('--json', 'print JSON: {file, format, kind, rows?, points?, atoms?, frames?, columns?}')
    .addHelpText('after', () => formatList())
    .action(async (files: string[], opts: { json?: boolean }) => {
      const json = Boolean(opts.json);
      await forEachFile<InspectDoc>(ctx, files, json, (file) => ordered(inspectBytes(readInputFile(file), file)), human);
    });
}
