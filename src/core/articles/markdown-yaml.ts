import { formatCode } from '../codes/code-value.js';
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parse,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { toIssuePath } from '../issues.js';
import { type Line, MarkdownError } from './markdown-blocks.js';
import { SLUG } from './schema.js';

/** Where each field came from: a path such as `fixes.2.platforms.0` → its line in the file. */
export type SourceLines = Map<string, number>;

export interface YamlFields {
  /** The keys a mapping may have, in their canonical order. */
  readonly keys: readonly string[];
  /** Keys whose value (or each entry of whose list) must be a string to YAML. */
  readonly strings: readonly string[];
  /** Keys holding codes: an unquoted one is suggested back in canonical form. */
  readonly codes?: readonly string[];
}

/**
 * Reads a YAML mapping whose first line is line `firstLine` of the file, recording the line of
 * each key and list entry in `lines` under `prefix` + key. A value YAML reads as a number,
 * boolean or null where text is expected is refused with the quoted form to write instead:
 * `code: 0x80244001` is the number 2149859329 to YAML, never silently a code.
 */
export function readYamlMap(
  source: string,
  firstLine: number,
  fields: YamlFields,
  what: string,
  lines: SourceLines,
  prefix: string,
): Record<string, unknown> {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  const lineOf = (offset: number): number => firstLine - 1 + counter.linePos(offset).line;
  const error = doc.errors[0];
  if (error) {
    throw new MarkdownError(lineOf(error.pos[0]), `${what}: ${error.message}`, 'yaml_syntax');
  }
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) {
    throw new MarkdownError(firstLine, `${what}: expected "key: value" lines`, 'yaml_syntax');
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const keyLine = lineOf(isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0);
    if (typeof key !== 'string' || !fields.keys.includes(key)) {
      throw new MarkdownError(
        keyLine,
        `${what}: unknown key ${JSON.stringify(String(key))}; expected one of: ${fields.keys.join(', ')}`,
        'unknown_key',
        toIssuePath(`${prefix}${String(key)}`),
      );
    }
    lines.set(`${prefix}${key}`, keyLine);
    const isCode = fields.codes?.includes(key) ?? false;
    if (isSeq(pair.value)) {
      pair.value.items.forEach((item, index) => {
        const itemLine = lineOf((isScalar(item) || isMap(item) ? item.range?.[0] : 0) ?? 0);
        lines.set(`${prefix}${key}.${index}`, itemLine);
        if (isMap(item)) recordMapLines(item, `${prefix}${key}.${index}.`, lines, lineOf);
        else if (isScalar(item) && fields.strings.includes(key)) {
          const at = { line: itemLine, path: `${prefix}${key}.${index}` };
          checkString(item, `${key} entry`, '', isCode, at);
        }
      });
    } else if (isMap(pair.value)) {
      recordMapLines(pair.value, `${prefix}${key}.`, lines, lineOf);
    } else if (isScalar(pair.value) && fields.strings.includes(key)) {
      checkString(pair.value, key, `${key}: `, isCode, { line: keyLine, path: `${prefix}${key}` });
    }
  }
  const values: unknown = doc.toJS();
  return values as Record<string, unknown>;
}

/** The line of each key of a nested mapping (a source, a message, the retry advice). */
function recordMapLines(
  map: YAMLMap,
  prefix: string,
  lines: SourceLines,
  lineOf: (offset: number) => number,
): void {
  for (const pair of map.items) {
    if (isScalar(pair.key) && typeof pair.key.value === 'string') {
      lines.set(`${prefix}${pair.key.value}`, lineOf(pair.key.range?.[0] ?? 0));
    }
  }
}

function checkString(
  node: Scalar,
  label: string,
  lead: string,
  isCode: boolean,
  at: { line: number; path: string },
) {
  const { value } = node;
  const { line } = at;
  if (typeof value === 'string') return;
  if (value === null || value === undefined) {
    throw new MarkdownError(
      line,
      `${label} has no value; expected quoted text`,
      'missing_value',
      toIssuePath(at.path),
    );
  }
  const shown =
    typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
      ? String(value)
      : (JSON.stringify(value) ?? 'a value');
  const written = node.source ?? shown;
  const kind =
    typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'value';
  const suggested = isCode ? canonicalCode(written, value) : written;
  throw new MarkdownError(
    line,
    `${label} ${written} is not quoted, so YAML reads it as the ${kind} ${shown}; ` +
      `quote it: ${lead}${quoteYaml(suggested)}`,
    'unquoted_value',
    toIssuePath(at.path),
  );
}

/** `0x80244001`, `80244001`, 2149859329, -2145107967 → "0x80244001"; anything else as written. */
function canonicalCode(written: string, value: unknown): string {
  const hex = /^(?:0x)?([0-9a-f]{8})$/i.exec(written);
  if (hex) return formatCode(Number.parseInt(hex[1] ?? '', 16));
  if (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= -(2 ** 31) &&
    value < 2 ** 32
  ) {
    return formatCode(value);
  }
  return written;
}

/**
 * A YAML double-quoted scalar. Every character YAML could read differently (control characters,
 * line and paragraph separators, a byte order mark, a lone surrogate) is written as `\uXXXX`.
 */
export function quoteYaml(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const char = text[i] ?? '';
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += text.slice(i, i + 2);
      i++;
    } else if (char === '\\' || char === '"') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (
      unit < 0x20 ||
      (unit >= 0x7f && unit <= 0x9f) ||
      unit === 0x2028 ||
      unit === 0x2029 ||
      unit === 0xfeff ||
      (unit >= 0xd800 && unit <= 0xdfff)
    ) {
      out += `\\u${unit.toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return `${out}"`;
}

/** A slug as YAML reads it back: plain (`windows-10`) unless YAML would not read a string (`7`, `null`). */
export function writeSlug(slug: string): string {
  const read: unknown = parse(`[${slug}]`);
  return SLUG.test(slug) && Array.isArray(read) && read[0] === slug ? slug : quoteYaml(slug);
}

export const writeFlowList = (items: readonly string[], write: (item: string) => string): string =>
  `[${items.map(write).join(', ')}]`;

/**
 * Reads the front matter: line 1 is `---`, then YAML, then a line `---`. Returns its fields and
 * the index of the first body line.
 */
export function readFrontMatter(
  lines: readonly Line[],
  fields: YamlFields,
  sourceLines: SourceLines,
): { values: Record<string, unknown>; next: number } {
  if (lines[0]?.text !== '---') {
    throw new MarkdownError(
      1,
      'expected the front matter first: a line "---", the YAML fields, then a line "---"',
      'front_matter',
    );
  }
  const close = lines.findIndex((line, index) => index > 0 && line.text === '---');
  if (close === -1) {
    throw new MarkdownError(
      1,
      'the front matter opened here is not closed by a line "---"',
      'front_matter',
    );
  }
  const source = lines
    .slice(1, close)
    .map((line) => line.text)
    .join('\n');
  return {
    values: readYamlMap(source, 2, fields, 'front matter', sourceLines, ''),
    next: close + 1,
  };
}
