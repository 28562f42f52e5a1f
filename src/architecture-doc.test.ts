import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * docs/ARCHITECTURE.md names every source file of src/ once, under the heading of its own
 * folder (`### src/core/codes/`), and names no file that is gone. The rule is strict on
 * purpose: merges by union duplicate blocks and put lines under the wrong folder, and a file
 * named anywhere in the document would pass a looser check.
 *
 * In a folder's section, an entry is a line of a fenced block that starts (no indentation)
 * with one or more file names separated by ", ", then two spaces or the end of the line.
 * Indented lines continue the entry above; `#` lines caption a group. Any other `x.ts` in the
 * section must be a file of that folder; a name with a `/` anywhere in the document is a path
 * from `src/` (or from the project root) and must exist.
 */
const SRC = fileURLToPath(new URL('./', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DOC = join(ROOT, 'docs/ARCHITECTURE.md');

const isSource = (name: string): boolean =>
  /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts');

/** Every non-test source file, as `src/`-relative paths with `/` (`core/codes/catalog.ts`). */
function sourceFiles(dir: string = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return isSource(entry.name) ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

/** The folder of a `src/`-relative path, as the headings write it: `src/core/codes/`. */
const folderOf = (path: string): string => `src/${path.slice(0, path.lastIndexOf('/') + 1)}`;
const nameOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** A file name or path ending in .ts or .tsx, not part of a longer word (`.tsv` is not one). */
const FILE_TOKEN = /(?<![\w./-])[\w./-]*[\w-]\.tsx?(?![\w-])/g;
const FOLDER_HEADING = /^### (src\/(?:[\w.-]+\/)*)\s*$/;
const ENTRY_NAMES = /^([\w.-]+\.tsx?(?:, [\w.-]+\.tsx?)*)(?: {2,}\S|$)/;

interface FolderSection {
  folder: string;
  /** 1-based line of the heading. */
  line: number;
  /** Names at the start of entry lines, in order (duplicates kept). */
  entries: string[];
  /** Every file token in the section other than the entries. */
  mentions: string[];
  /** Lines in a fenced block that are neither entries, continuations, captions nor blank. */
  malformed: string[];
}

interface ParsedDoc {
  sections: FolderSection[];
  /** Headings that start like a folder section but are not one (`### src/core` without `/`). */
  badHeadings: string[];
  /** Tokens with a `/`, anywhere in the document. */
  paths: string[];
}

function parseArchitectureDoc(text: string): ParsedDoc {
  const sections: FolderSection[] = [];
  const badHeadings: string[] = [];
  const paths: string[] = [];
  let current: FolderSection | undefined;
  let inFence = false;
  text.split('\n').forEach((line, index) => {
    for (const [token] of line.matchAll(FILE_TOKEN)) if (token.includes('/')) paths.push(token);
    if (!inFence && /^#{1,6} /.test(line)) {
      const heading = FOLDER_HEADING.exec(line);
      if (/^#{1,6} `?src\b/.test(line) && !heading) badHeadings.push(line);
      current = heading?.[1]
        ? { folder: heading[1], line: index + 1, entries: [], mentions: [], malformed: [] }
        : undefined;
      if (current) sections.push(current);
      return;
    }
    if (line.startsWith('```')) {
      inFence = !inFence;
      return;
    }
    if (!current) return;
    const tokens = [...line.matchAll(FILE_TOKEN)].map(([token]) => token);
    const names = inFence ? ENTRY_NAMES.exec(line)?.[1]?.split(', ') : undefined;
    if (names) current.entries.push(...names);
    else if (inFence && /^[^\s#]/.test(line)) current.malformed.push(line);
    const rest = names ? tokens.slice(names.length) : tokens;
    current.mentions.push(...rest.filter((token) => !token.includes('/')));
  });
  return { sections, badHeadings, paths };
}

/**
 * What is wrong with the document for these source files (`src/`-relative paths); `exists`
 * answers for paths named with a `/`. Each problem is one line naming the file and what to do.
 */
function docProblems(
  doc: ParsedDoc,
  files: readonly string[],
  exists: (path: string) => boolean,
): string[] {
  const problems: string[] = [];
  const byFolder = new Map<string, Set<string>>();
  for (const file of files) {
    const names = byFolder.get(folderOf(file)) ?? new Set<string>();
    names.add(nameOf(file));
    byFolder.set(folderOf(file), names);
  }
  for (const heading of doc.badHeadings)
    problems.push(`heading "${heading}" is not a folder heading: write "### src/<folder>/"`);

  const sectionOf = new Map<string, FolderSection>();
  for (const section of doc.sections) {
    if (sectionOf.has(section.folder)) {
      problems.push(`${section.folder} has a second section at line ${section.line}: merge them`);
      continue;
    }
    sectionOf.set(section.folder, section);
    const here = byFolder.get(section.folder);
    if (!here) {
      problems.push(`${section.folder} (line ${section.line}) holds no source file: remove it`);
      continue;
    }
    const seen = new Set<string>();
    for (const name of section.entries) {
      if (!here.has(name)) problems.push(`${section.folder}${name} is listed but does not exist`);
      else if (seen.has(name)) problems.push(`${section.folder}${name} is listed twice`);
      seen.add(name);
    }
    for (const name of section.mentions)
      if (!here.has(name))
        problems.push(
          `${section.folder} names ${name}, which is not a file of that folder ` +
            "(name another folder's file by its path from src/)",
        );
    for (const line of section.malformed)
      problems.push(`${section.folder}: "${line}" is not an entry ("name.ts  what it is")`);
  }

  for (const file of files) {
    const section = sectionOf.get(folderOf(file));
    if (!section) problems.push(`src/${file}: its folder has no "### ${folderOf(file)}" section`);
    else if (!section.entries.includes(nameOf(file)))
      problems.push(`src/${file} is not listed under ### ${folderOf(file)}`);
  }

  for (const path of doc.paths)
    if (!exists(path)) problems.push(`${path} is named but does not exist`);
  return [...new Set(problems)];
}

const existsInProject = (path: string): boolean =>
  existsSync(join(SRC, path)) || existsSync(join(ROOT, path));

describe('docs/ARCHITECTURE.md', () => {
  it('lists every source file once under its folder, and nothing that does not exist', () => {
    const doc = parseArchitectureDoc(readFileSync(DOC, 'utf8'));
    expect(docProblems(doc, sourceFiles(), existsInProject)).toEqual([]);
  });

  it('is read as expected: a section per folder, files in the hundreds', () => {
    const doc = parseArchitectureDoc(readFileSync(DOC, 'utf8'));
    const folders = doc.sections.map((s) => s.folder);
    for (const folder of ['src/', 'src/core/', 'src/core/codes/', 'src/app/', 'src/cli/commands/'])
      expect(folders).toContain(folder);
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(250);
    expect(files).toContain('core/codes/catalog.ts');
    expect(files).toContain('http/web/web-app.tsx');
    expect(files.some((file) => file.endsWith('.test.ts'))).toBe(false);
  });
});

describe('the document check', () => {
  const files = ['compose.ts', 'core/errors.ts', 'core/codes/catalog.ts', 'core/codes/reading.ts'];
  const doc = (body: string): ParsedDoc => parseArchitectureDoc(body);
  const good = [
    '# Architecture',
    'See `core/ports.ts`.',
    '### src/',
    '```',
    'compose.ts      the wiring',
    '```',
    '### src/core/',
    '```',
    '# errors',
    'errors.ts       DomainError',
    '                a second line',
    '```',
    '### src/core/codes/',
    'Read with reading.ts in mind.',
    '```',
    'catalog.ts, reading.ts   names and readings',
    '```',
  ].join('\n');
  const existing = new Set(['core/ports.ts']);
  const problemsOf = (text: string): string[] =>
    docProblems(doc(text), files, (path) => existing.has(path));

  it('accepts a document that lists each file once in its folder', () => {
    expect(problemsOf(good)).toEqual([]);
  });

  it('names a file that is not listed', () => {
    expect(problemsOf(good.replace('catalog.ts, reading.ts', 'reading.ts'))).toEqual([
      'src/core/codes/catalog.ts is not listed under ### src/core/codes/',
    ]);
  });

  it('names a file listed under the wrong folder, and the one it is missing from', () => {
    const moved = good
      .replace('catalog.ts, reading.ts', 'reading.ts')
      .replace('errors.ts       DomainError', 'errors.ts       DomainError\ncatalog.ts  names');
    expect(problemsOf(moved)).toEqual([
      'src/core/catalog.ts is listed but does not exist',
      'src/core/codes/catalog.ts is not listed under ### src/core/codes/',
    ]);
  });

  it('names a file listed that no longer exists, and one listed twice', () => {
    const stale = good.replace(
      'compose.ts      the wiring',
      'compose.ts      the wiring\nold-wiring.ts   gone\ncompose.ts      again',
    );
    expect(problemsOf(stale)).toEqual([
      'src/old-wiring.ts is listed but does not exist',
      'src/compose.ts is listed twice',
    ]);
  });

  it('names a duplicated section (a union merge) and a folder without a section', () => {
    const twice = `${good}\n### src/core/\n\`\`\`\nerrors.ts  again\n\`\`\``;
    expect(problemsOf(twice)).toEqual(['src/core/ has a second section at line 18: merge them']);
    const missing = good.replace('### src/core/\n', '## Elsewhere\n');
    expect(problemsOf(missing)).toEqual([
      'src/core/errors.ts: its folder has no "### src/core/" section',
    ]);
  });

  it('names a mention of another folder’s file by bare name, and a path that is gone', () => {
    const loose = good
      .replace('Read with reading.ts in mind.', 'Read with errors.ts in mind.')
      .replace('See `core/ports.ts`.', 'See `core/ports.ts` and `core/gone.ts`.');
    expect(problemsOf(loose)).toEqual([
      "src/core/codes/ names errors.ts, which is not a file of that folder (name another folder's file by its path from src/)",
      'core/gone.ts is named but does not exist',
    ]);
  });

  it('refuses lines that are not entries and headings that are not folders', () => {
    const odd = good
      .replace('compose.ts      the wiring', 'compose.ts the wiring')
      .replace('### src/core/codes/', '### src/core/codes');
    expect(problemsOf(odd)).toEqual([
      'heading "### src/core/codes" is not a folder heading: write "### src/<folder>/"',
      'src/: "compose.ts the wiring" is not an entry ("name.ts  what it is")',
      'src/compose.ts is not listed under ### src/',
      'src/core/codes/catalog.ts: its folder has no "### src/core/codes/" section',
      'src/core/codes/reading.ts: its folder has no "### src/core/codes/" section',
    ]);
  });

  it('does not take .tsv or a name inside a longer word for a source file', () => {
    const tsv = good.replace(
      'names and readings',
      'from update-endpoints.tsv and xcatalog.tsx-ish',
    );
    expect(problemsOf(tsv)).toEqual([]);
  });
});
