/**
 * Strict well-formedness: every tag closed in order, attributes quoted, no stray '<' or bare '&'.
 * (linkedom's parser is lenient, so this checks the serialised text itself.)
 */
export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const text = xml.slice(last, m.index);
    if (text.includes('<')) throw new Error(`stray '<' or malformed tag near: ${text.slice(text.indexOf('<'), text.indexOf('<') + 60)}`);
    if (/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/.test(text)) throw new Error(`bare '&' in text near: ${text.slice(0, 60)}`);
    last = m.index + m[0].length;
    if (!m[2]) continue; // comment or CDATA
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[2]) throw new Error(`</${m[2]}> closes <${open}>`);
    } else if (!m[4]) stack.push(m[2]);
  }
  if (xml.slice(last).trim()) throw new Error('text after the root element');
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
}

