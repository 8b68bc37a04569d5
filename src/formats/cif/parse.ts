/**
 * CIF 1.1 data blocks: single items `_tag value` and `loop_` tables. Tags are matched
 * case-insensitively (CIF tags are case-insensitive), so they are stored lower-cased.
 * Save frames (dictionaries) are skipped; STAR `global_`/`stop_` are rejected as not CIF.
 */
import { InputError } from '../../core/errors.js';
import { tokenizeCif, type CifToken } from './tokenize.js';

export interface CifLoop {
  /** Lower-cased tags in column order. */
  tags: string[];
  /** rows[r][c] is the value of column c in row r. */
  rows: CifToken[][];
  /** Line of `loop_`. */
  line: number;
}

export interface CifBlock {
  name: string;
  /** Line of `data_`. */
  line: number;
  /** Single-valued items by lower-cased tag. */
  items: Map<string, CifToken>;
  loops: CifLoop[];
}

/** Parses every data block of a CIF file. */
export function parseCif(text: string, file: string): CifBlock[] {
  const tokens = tokenizeCif(text, file);
  const blocks: CifBlock[] = [];
  let block: CifBlock | undefined;
  let i = 0;
  const need = (t: CifToken): CifBlock => {
    if (!block) throw new InputError(file, t.line, `"${t.text}" appears before any data_ block header; expected data_NAME first`);
    return block;
  };
  while (i < tokens.length) {
    const t = tokens[i]!;
    switch (t.kind) {
      case 'data':
        block = { name: t.text, line: t.line, items: new Map(), loops: [] };
        blocks.push(block);
        i++;
        break;
      case 'save': {
        // Skip a save frame: save_NAME … save_
        i++;
        if (t.text !== '') {
          while (i < tokens.length && !(tokens[i]!.kind === 'save' && tokens[i]!.text === '')) i++;
          i++;
        }
        break;
      }
      case 'global':
      case 'stop':
        throw new InputError(file, t.line, `"${t.text}" is STAR syntax that CIF 1.1 does not allow`);
      case 'tag': {
        const b = need(t);
        const v = tokens[i + 1];
        if (!v || v.kind !== 'value') {
          throw new InputError(file, t.line, `tag ${t.text} has no value; expected a value after it`);
        }
        b.items.set(t.text.toLowerCase(), v);
        i += 2;
        break;
      }
      case 'loop': {
        const b = need(t);
        const tags: string[] = [];
        i++;
        while (i < tokens.length && tokens[i]!.kind === 'tag') tags.push(tokens[i++]!.text.toLowerCase());
        if (tags.length === 0) throw new InputError(file, t.line, 'loop_ without tags; expected _tag names after loop_');
        const values: CifToken[] = [];
        while (i < tokens.length && tokens[i]!.kind === 'value') values.push(tokens[i++]!);
        if (values.length % tags.length !== 0) {
          const last = values[values.length - 1];
          throw new InputError(
            file,
            last?.line ?? t.line,
            `loop_ with ${tags.length} columns has ${values.length} values (not a multiple); a row is incomplete`,
          );
        }
        const rows: CifToken[][] = [];
        for (let r = 0; r < values.length; r += tags.length) rows.push(values.slice(r, r + tags.length));
        b.loops.push({ tags, rows, line: t.line });
        break;
      }
      case 'value':
        throw new InputError(file, t.line, `value "${t.text}" without a tag; expected _tag value or a loop_ row`);
    }
  }
  if (blocks.length === 0) throw new InputError(file, 1, 'no data_ block; expected a CIF with data_NAME');
  return blocks;
}

/** The loop that holds `tag` (lower-case), if any. */
export function findLoop(block: CifBlock, tag: string): CifLoop | undefined {
  return block.loops.find((l) => l.tags.includes(tag));
}

/** A single item, or the only row of a one-row loop. */
export function findItem(block: CifBlock, tag: string): CifToken | undefined {
  const item = block.items.get(tag);
  if (item) return item;
  const loop = findLoop(block, tag);
  if (loop && loop.rows.length === 1) return loop.rows[0]![loop.tags.indexOf(tag)];
  return undefined;
}

/** True for CIF's "unknown" (?) and "inapplicable" (.) when unquoted. */
export function isNull(t: CifToken | undefined): boolean {
  return !t || (!t.quoted && (t.text === '?' || t.text === '.'));
}

/**
 * A CIF number: `5.6402(3)` → 5.6402 (the standard uncertainty in brackets is dropped; use
 * cifUncertainty to read it). Returns undefined if the token is not a number.
 */
export function cifNumber(t: CifToken): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(?:\((\d+)\))?$/.exec(t.text.trim());
  if (!m) return undefined;
  return Number(m[1]);
}

/** The standard uncertainty of `5.6402(3)` → 0.0003, or undefined when none is given. */
export function cifUncertainty(t: CifToken): number | undefined {
  const m = /^[+-]?(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?\((\d+)\)$/.exec(t.text.trim());
  if (!m) return undefined;
  const decimals = m[2]!.length;
  const exp = m[3] ? Number(m[3]) : 0;
  return Number(m[4]) * 10 ** (exp - decimals);
}
