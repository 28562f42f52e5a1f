import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { lineOf } from '../articles/markdown-issues.js';
import { checkRegistry, registrySchema, type ProductRegistry } from './registry.js';

/** A problem of products.yaml at its line: a bad date, a missing source, an unknown platform. */
export interface RegistryProblem {
  code: 'registry-invalid';
  level: 'error';
  path: (string | number)[];
  line: number;
  message: string;
}

/** Records the line of every key and list entry, as `platforms.4.support.ends` → its line. */
function recordLines(
  node: unknown,
  prefix: string,
  lines: Map<string, number>,
  at: (offset: number) => number,
): void {
  const child = (key: string): string => (prefix === '' ? key : `${prefix}.${key}`);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const path = child(String(pair.key.value));
      lines.set(path, at(pair.key.range?.[0] ?? 0));
      recordLines(pair.value, path, lines, at);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const path = child(String(index));
      lines.set(path, at((item as Node | null)?.range?.[0] ?? 0));
      recordLines(item, path, lines, at);
    });
  }
}

/**
 * `content/products.yaml` checked as lint checks articles: each problem with the line of its
 * field, so `erratlas lint content/` names `products.yaml:31` for a platform's bad end date.
 */
export function lintRegistrySource(text: string): {
  registry?: ProductRegistry;
  problems: RegistryProblem[];
} {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const at = (offset: number): number => counter.linePos(offset).line;
  const problem = (path: (string | number)[], line: number, message: string): RegistryProblem => ({
    code: 'registry-invalid',
    level: 'error',
    path,
    line,
    message,
  });
  const [error] = doc.errors;
  if (error)
    return { problems: [problem([], at(error.pos[0]), `not valid YAML: ${error.message}`)] };
  const lines = new Map<string, number>();
  recordLines(doc.contents, '', lines, at);
  const data: unknown = doc.toJS();
  const parsed = registrySchema.safeParse(data);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
        const message = /received undefined$/.test(issue.message) ? 'is required' : issue.message;
        return problem(
          path,
          lineOf(path.map(String), lines, 1),
          `${path.join('.') || '(top)'}: ${message}`,
        );
      }),
    };
  }
  const checked = checkRegistry(data);
  if (!checked.ok)
    return { problems: [problem(['products'], lines.get('products') ?? 1, checked.reason)] };
  return { registry: checked.value, problems: [] };
}
