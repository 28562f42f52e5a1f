/**
 * A strict reader for the small XML we write (sitemaps): an XML declaration, then elements with
 * quoted attributes, text and the five predefined entities only. Anything else — an unclosed or
 * crossed tag, a raw `&` or `<` in text, a second root — throws, so a test that parses our
 * output proves it well-formed for this subset. No package for it is installed here.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /&(amp|lt|gt|quot|apos);/g;
const DECODED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(raw: string, where: string): string {
  if (/<|&(?!(amp|lt|gt|quot|apos);)/.test(raw)) throw new Error(`bad character data ${where}`);
  return raw.replace(ENTITY, (_, name: string) => DECODED[name] ?? '');
}

export function parseXml(xml: string): XmlElement {
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/.exec(xml);
  if (!declaration) throw new Error('no XML declaration with version 1.0 and UTF-8');
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  token.lastIndex = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at offset ${at}: ${xml.slice(at, at + 40)}`);
    const [, closing, name, attrs, selfClosing, text] = m;
    const top = stack.at(-1);
    if (text !== undefined) {
      if (top) top.text += decodeText(text, `at offset ${at}`);
      else if (text.trim() !== '') throw new Error(`text outside the root at offset ${at}`);
      continue;
    }
    if (closing) {
      if (top?.name !== name) throw new Error(`</${name}> closes <${top?.name}> at ${at}`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attrs ?? '').matchAll(/([A-Za-z_:][\w:.-]*)="([^"]*)"/g)) {
      if (a[1]! in attributes) throw new Error(`attribute ${a[1]} twice at ${at}`);
      attributes[a[1]!] = decodeText(a[2]!, `in an attribute at ${at}`);
    }
    const element: XmlElement = { name: name!, attributes, children: [], text: '' };
    if (top) top.children.push(element);
    else if (root) throw new Error(`a second root element at offset ${at}`);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}
