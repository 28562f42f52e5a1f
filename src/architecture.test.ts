import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** DESIGN.md's dependency rule, checked on the import lines of every source file. */
const SRC = fileURLToPath(new URL('./', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^import[^;]*?from '([^']+)'/gms)].map((m) => m[1] ?? '');

const layerOf = (file: string): string => relative(SRC, file).split('/')[0] ?? '';

const violations = (layer: string, forbidden: RegExp): string[] =>
  sourceFiles(join(SRC, layer)).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.test(target))
      .map((target) => `${relative(SRC, file)} imports ${target}`),
  );

describe('the dependency rule', () => {
  it('keeps core pure: no I/O packages, no outer layer', () => {
    expect(
      violations('core', /^(node:|better-sqlite3|hono|@hono|pg$)|\/(app|http|cli|adapters)\//),
    ).toEqual([]);
  });

  it('keeps app free of http, cli and adapters', () => {
    expect(violations('app', /\/(http|cli|adapters)\//)).toEqual([]);
  });

  it('keeps adapters and http from importing the CLI', () => {
    expect([...violations('adapters', /\/cli\//), ...violations('http', /\/cli\//)]).toEqual([]);
  });

  it('finds source files in every layer (the check is not vacuous)', () => {
    const layers = new Set(sourceFiles(SRC).map(layerOf));
    for (const layer of ['core', 'app', 'adapters', 'http', 'cli']) expect(layers).toContain(layer);
  });
});
