/**
 * CIF 1.1 lexical analysis (IUCr CIF 1.1 syntax): tags `_name`, reserved words `data_`, `loop_`,
 * `save_`, `global_`, `stop_`, unquoted values, 'single' and "double" quoted strings (a quote
 * closes only when followed by whitespace or the end of the line, so 'O'Brien' is one value),
 * semicolon text fields (a line starting with `;` opens, the next line starting with `;` closes)
 * and `#` comments. Every token keeps its 1-based line number for error messages.
 */
import { InputError } from '../../core/errors.js';

export type CifTokenKind = 'tag' | 'value' | 'data' | 'loop' | 'save' | 'global' | 'stop';

export interface CifToken {
  kind: CifTokenKind;
  /** The text: a tag name, a value (quotes removed), or the block name after `data_`. */
  text: string;
  /** 1-based line where the token starts. */
  line: number;
  /** True for quoted strings and text fields: a quoted '?' or '.' is a literal, not unknown. */
  quoted: boolean;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === undefined;
}

function classify(word: string, line: number): CifToken {
  const lower = word.toLowerCase();
  if (word.startsWith('_')) return { kind: 'tag', text: word, line, quoted: false };
  if (lower.startsWith('data_')) return { kind: 'data', text: word.slice(5), line, quoted: false };
  if (lower === 'loop_') return { kind: 'loop', text: word, line, quoted: false };
  if (lower.startsWith('save_')) return { kind: 'save', text: word.slice(5), line, quoted: false };
  if (lower === 'global_') return { kind: 'global', text: word, line, quoted: false };
  if (lower === 'stop_') return { kind: 'stop', text: word, line, quoted: false };
  return { kind: 'value', text: word, line, quoted: false };
}

/** Splits CIF text into tokens. Throws InputError for unterminated text fields and quotes. */
export function tokenizeCif(text: string, file: string): CifToken[] {
  const lines = text.split(/\r\n|\n|\r/);
  const tokens: CifToken[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (raw.startsWith(';')) {
      // Text field: runs until a line that begins with ';'.
      const body: string[] = [raw.slice(1)];
      let j = i + 1;
      while (j < lines.length && !lines[j]!.startsWith(';')) body.push(lines[j++]!);
      if (j >= lines.length) {
        throw new InputError(file, lineNo, 'text field opened with ";" is never closed; expected a line starting with ";"');
      }
      const value = body.join('\n').replace(/^\n/, '').replace(/\s+$/, '');
      tokens.push({ kind: 'value', text: value, line: lineNo, quoted: true });
      // Anything after the closing ';' on its line is ordinary tokens.
      lines[j] = ' ' + lines[j]!.slice(1);
      i = j - 1;
      continue;
    }
    let p = 0;
    const n = raw.length;
    while (p < n) {
      const c = raw[p]!;
      if (c === ' ' || c === '\t') {
        p++;
        continue;
      }
      if (c === '#') break;
      if (c === "'" || c === '"') {
        let q = p + 1;
        while (q < n && !(raw[q] === c && isSpace(raw[q + 1]))) q++;
        if (q >= n) throw new InputError(file, lineNo, `quoted string opened with ${c} is not closed on this line`);
        tokens.push({ kind: 'value', text: raw.slice(p + 1, q), line: lineNo, quoted: true });
        p = q + 1;
        continue;
      }
      let q = p;
      while (q < n && raw[q] !== ' ' && raw[q] !== '\t') q++;
      tokens.push(classify(raw.slice(p, q), lineNo));
      p = q;
    }
  }
  return tokens;
}
