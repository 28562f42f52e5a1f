// The Windows tables ship as a copy of ../shared/data/windows/ under data/windows/
// (DESIGN.md, "Code intelligence"): every shared file byte for byte, SOURCES.md only
// extended. Where ../shared is not next to the project, the check says why it did not run.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHARED_DIR = join(PROJECT_ROOT, '..', 'shared', 'data', 'windows');
const PROJECT_DIR = join(PROJECT_ROOT, 'data', 'windows');
const EXTENDABLE = 'SOURCES.md';

const sharedExists = existsSync(SHARED_DIR) && statSync(SHARED_DIR).isDirectory();

/** Every regular file under `dir`, as '/'-separated paths relative to it, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/** What is wrong with `copyDir` as a copy of `sharedDir`; empty when it is a faithful copy. */
function copyProblems(sharedDir: string, copyDir: string): string[] {
  const problems: string[] = [];
  for (const rel of listFiles(sharedDir)) {
    const copyPath = join(copyDir, ...rel.split('/'));
    if (!existsSync(copyPath)) {
      problems.push(`${rel}: missing from the project copy`);
      continue;
    }
    const shared = readFileSync(join(sharedDir, ...rel.split('/')));
    const copy = readFileSync(copyPath);
    if (rel === EXTENDABLE) {
      const head = copy.subarray(0, shared.length);
      if (!head.equals(shared)) {
        problems.push(
          `${rel}: does not start with the shared text (first difference at byte ${firstDifference(head, shared)}); it may only be extended`,
        );
      }
    } else if (!copy.equals(shared)) {
      problems.push(
        `${rel}: differs from the shared file (sizes ${copy.length} vs ${shared.length}, first difference at byte ${firstDifference(copy, shared)})`,
      );
    }
  }
  return problems;
}

const notRunReason = `../shared/data/windows is not here (looked for ${SHARED_DIR})`;
if (!sharedExists) {
  console.warn(
    `shared-copy.test: the byte-for-byte check of data/windows did not run: ${notRunReason}`,
  );
}

describe('data/windows is a copy of ../shared/data/windows', () => {
  it.skipIf(!sharedExists)(
    sharedExists
      ? 'every shared file (recursively) is in data/windows byte for byte; SOURCES.md is only extended'
      : `every shared file is in data/windows byte for byte (not run: ${notRunReason})`,
    () => {
      const files = listFiles(SHARED_DIR);
      expect(files.length).toBeGreaterThan(0);
      expect(files).toContain(EXTENDABLE);
      expect(copyProblems(SHARED_DIR, PROJECT_DIR)).toEqual([]);
    },
  );
});

describe('the copy check itself', () => {
  const base = mkdtempSync(join(tmpdir(), 'error-atlas-shared-copy-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  let n = 0;
  function pair(
    files: Record<string, string>,
    copyFiles: Record<string, string>,
  ): [string, string] {
    n += 1;
    const shared = join(base, `shared-${n}`);
    const copy = join(base, `copy-${n}`);
    for (const [dir, content] of [
      [shared, files],
      [copy, copyFiles],
    ] as const) {
      for (const [rel, text] of Object.entries(content)) {
        const path = join(dir, ...rel.split('/'));
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      }
      mkdirSync(dir, { recursive: true });
    }
    return [shared, copy];
  }

  const shared = {
    'SOURCES.md': '# Sources\n',
    'a.tsv': 'hex\tname\n0x1\tA\n',
    'crosscheck/pairs.tsv': 'x\n',
  };

  it.each([
    ['an exact copy', 0, shared],
    [
      'a copy with SOURCES.md extended and an extra file',
      0,
      { ...shared, 'SOURCES.md': '# Sources\n\n## More\n', 'b.tsv': 'y\n' },
    ],
    ['one byte changed in a nested file', 1, { ...shared, 'crosscheck/pairs.tsv': 'z\n' }],
    ['one byte changed in a table', 1, { ...shared, 'a.tsv': 'hex\tname\n0x1\tB\n' }],
    ['a missing nested file', 1, { 'SOURCES.md': shared['SOURCES.md'], 'a.tsv': shared['a.tsv'] }],
    ['SOURCES.md changed, not extended', 1, { ...shared, 'SOURCES.md': '# Source\n\n## More\n' }],
    ['SOURCES.md shortened', 1, { ...shared, 'SOURCES.md': '# Sources' }],
  ])('%s gives %i problem(s)', (_name, expected, copyFiles) => {
    const [s, c] = pair(shared, copyFiles);
    expect(copyProblems(s, c)).toHaveLength(expected);
  });
});
