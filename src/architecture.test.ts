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

/** Static imports, re-exports, side-effect imports and dynamic `import('…')`. */
const IMPORT =
  /^(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|^import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gms;

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');

/** What the CLI gets from the wiring instead: the HTTP app, adapters, the wiring itself. */
const CLI_FORBIDDEN = /\/(http|adapters)\/|\/compose\.js$|^(better-sqlite3|hono|@hono\/)/;

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

  it('keeps the CLI from importing http, adapters or compose (it gets them from the wiring)', () => {
    expect(violations('cli', CLI_FORBIDDEN)).toEqual([]);
  });

  it('would see such imports: the wiring has them, and every CLI command imports something', () => {
    // The same reader and pattern flag the wiring's own imports of adapters and the HTTP app…
    const wiring = ['compose.ts', 'compose-cli.ts']
      .flatMap((file) => importsOf(join(SRC, file)))
      .filter((target) => CLI_FORBIDDEN.test(target));
    expect(wiring).toEqual(
      expect.arrayContaining([
        './http/create-http-app.js',
        './adapters/content/read-content-dir.js',
      ]),
    );
    // …and the CLI's files are read, not skipped: each command imports the use cases it runs.
    const commands = sourceFiles(join(SRC, 'cli/commands'));
    expect(commands.length).toBeGreaterThanOrEqual(6);
    for (const file of commands) expect(importsOf(file).length).toBeGreaterThan(0);
    expect(CLI_FORBIDDEN.test('../../compose.js')).toBe(true);
    expect(CLI_FORBIDDEN.test('../../http/create-http-app.js')).toBe(true);
  });

  it('has the CLI print only through terminal-output.ts, the one place that escapes', () => {
    const writers = sourceFiles(join(SRC, 'cli'))
      .filter((file) => !/\/(terminal-output|process-io)\.ts$/.test(file))
      .filter((file) =>
        /\b(io\.(stdout|stderr)|process\.(stdout|stderr)|console\.\w+)\b/.test(
          readFileSync(file, 'utf8'),
        ),
      )
      .map((file) => relative(SRC, file));
    expect(writers).toEqual([]);
    expect(sourceFiles(join(SRC, 'cli')).length).toBeGreaterThan(10);
  });

  it('reads re-exports as imports too (index.ts is all `export … from`)', () => {
    const file = join(SRC, 'index.ts');
    expect(importsOf(file)).toContain('./core/errors.js');
  });

  it('finds source files in every layer (the check is not vacuous)', () => {
    const layers = new Set(sourceFiles(SRC).map(layerOf));
    for (const layer of ['core', 'app', 'adapters', 'http', 'cli']) expect(layers).toContain(layer);
  });
});
