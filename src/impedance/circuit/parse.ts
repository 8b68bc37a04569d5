/**
 * Circuit strings (CONTRACT §2) → a described circuit tree. Grammar (spaces ignored):
 *
 *   circuit  := series
 *   series   := term ('-' term)*
 *   term     := 'p(' series (',' series)+ ')' | element
 *   element  := TYPE IDENT      e.g. R0, CPE1, Wo1, Zarc2, R_bulk
 *
 * The element type is the longest known type name the token starts with (`Wo1` is a Wo,
 * `Ws1` a Ws, `W1` a W), and the identifier (letters, digits, `_`) must not be empty.
 * Names must be unique. Errors name the character position.
 */
import { InputError } from '../../core/errors.js';
import { ELEMENTS, type ElementDef } from './elements.js';

export type CircuitNode = ElementNode | SeriesNode | ParallelNode;

export interface ElementNode {
  kind: 'element';
  name: string;
  def: ElementDef;
}
export interface SeriesNode {
  kind: 'series';
  children: CircuitNode[];
}
export interface ParallelNode {
  kind: 'parallel';
  children: CircuitNode[];
}

/** Where circuit errors are attributed (the CLI option that carries the string). */
export const CIRCUIT_FIELD = '--circuit';

export function parseCircuit(text: string): CircuitNode {
  const src = text.replace(/\s+/g, '');
  let pos = 0;
  const fail = (what: string, at = pos): never => {
    throw new InputError(CIRCUIT_FIELD, undefined, `${what} at character ${at + 1} of "${src}"`);
  };
  if (src === '') fail('empty circuit; expected e.g. R0-p(R1,C1)');
  const names = new Set<string>();

  function series(): CircuitNode {
    const children = [term()];
    while (src[pos] === '-') {
      pos++;
      children.push(term());
    }
    return children.length === 1 ? children[0]! : { kind: 'series', children };
  }

  function term(): CircuitNode {
    if (src[pos] === 'p' && src[pos + 1] === '(') {
      const open = pos;
      pos += 2;
      const children = [series()];
      while (src[pos] === ',') {
        pos++;
        children.push(series());
      }
      if (pos >= src.length) fail('unclosed "p("', open);
      if (src[pos] !== ')') fail(`expected "," or ")" but found "${src[pos]}"`);
      pos++;
      if (children.length < 2) fail('p(…) needs at least two branches separated by ","', open);
      return { kind: 'parallel', children };
    }
    return element();
  }

  function element(): ElementNode {
    const start = pos;
    const m = /^[A-Za-z][A-Za-z0-9_]*/.exec(src.slice(pos));
    if (!m) fail(pos >= src.length ? 'expected an element (e.g. R1) but the circuit ended' : `expected an element (e.g. R1) but found "${src[pos]}"`);
    const token = m![0];
    const def = ELEMENTS.find((e) => token.startsWith(e.type));
    if (!def) {
      const known = ELEMENTS.map((e) => e.type).sort().join(', ');
      throw new InputError(CIRCUIT_FIELD, undefined, `unknown element type in "${token}" at character ${start + 1} of "${src}"; known types: ${known}`);
    }
    if (token.length === def!.type.length) fail(`element "${token}" needs an identifier after its type, e.g. ${token}1`, start);
    if (names.has(token)) fail(`duplicate element name "${token}"; every element needs its own name`, start);
    names.add(token);
    pos += token.length;
    return { kind: 'element', name: token, def: def! };
  }

  const root = series();
  if (pos < src.length) fail(src[pos] === ')' ? 'unmatched ")"' : `expected "-" or the end but found "${src[pos]}"`);
  return root;
}

/** The canonical string of a tree (spaces removed), e.g. for the `circuit` key of results. */
export function formatCircuit(node: CircuitNode): string {
  switch (node.kind) {
    case 'element':
      return node.name;
    case 'series':
      return node.children.map(formatCircuit).join('-');
    case 'parallel':
      return `p(${node.children.map(formatCircuit).join(',')})`;
  }
}

/** Elements in string order. */
export function circuitElements(node: CircuitNode, out: ElementNode[] = []): ElementNode[] {
  if (node.kind === 'element') out.push(node);
  else for (const c of node.children) circuitElements(c, out);
  return out;
}
