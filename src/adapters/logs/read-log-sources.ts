import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { LogSource } from '../../app/analyze-logs.js';
import { type LogRule, readLogRule } from '../../core/logs/log-rule-schema.js';

/** 1 MiB reads: large enough for a fast scan, small enough for flat memory. */
export const CHUNK_BYTES = 1024 * 1024;
/** A directory walk stops this deep and after this many files (a stray `C:\` stays bounded). */
const MAX_DEPTH = 4;
const MAX_FILES = 500;

/** Thrown for a path that does not exist or cannot be read: the CLI says so with exit 2. */
export class LogInputError extends Error {
  override readonly name = 'LogInputError';
}

const CAB =
  'a .cab archive (such as a rotated CbsPersist_*.cab) is not read here: expand it first, e.g. `expand CbsPersist_20240305140500.cab -F:* <folder>`, then pass the .log inside';
const ZIP =
  'a .zip archive is not read yet (no zip reader is installed): unzip it and pass the folder';

/** What a path holds, by its first bytes (a renamed archive is still an archive). */
async function archiveKind(path: string): Promise<'cab' | 'zip' | undefined> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (head.toString('latin1') === 'MSCF') return 'cab';
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
    return undefined;
  } finally {
    await handle.close();
  }
}

async function* fileSource(path: string, shownName: string): AsyncGenerator<LogSource> {
  const kind = /\.cab$/i.test(path)
    ? 'cab'
    : /\.zip$/i.test(path)
      ? 'zip'
      : await archiveKind(path);
  if (kind === 'cab') yield { name: shownName, refused: CAB };
  else if (kind === 'zip') yield { name: shownName, refused: ZIP };
  else yield { name: shownName, chunks: createReadStream(path, { highWaterMark: CHUNK_BYTES }) };
}

async function* walk(dir: string, depth: number, count: { files: number }): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth < MAX_DEPTH) yield* walk(path, depth + 1, count);
    } else if (entry.isFile() && count.files < MAX_FILES) {
      count.files++;
      yield path;
    }
  }
}

/** Every file named, and every file under every directory named, as sources; in name order. */
export async function* readLogSources(
  paths: readonly string[],
  cwd: string,
): AsyncGenerator<LogSource> {
  for (const given of paths) {
    const path = resolve(cwd, given);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new LogInputError(`no such file or directory: ${given}`);
    // Names are shown as given (relative stays relative), files under a directory below it.
    if (info.isDirectory()) {
      for await (const file of walk(path, 1, { files: 0 }))
        yield* fileSource(file, join(given, file.slice(path.length + 1)));
    } else yield* fileSource(path, given);
  }
}

/** The rule files of a directory (`*.yaml`/`*.yml`), each validated; problems name the file. */
export async function readLogRules(dir: string): Promise<{ rules: LogRule[]; problems: string[] }> {
  const names = (
    await readdir(dir).catch(() => {
      throw new LogInputError(`rules: cannot read the directory ${dir}`);
    })
  )
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort();
  const rules: LogRule[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const result = readLogRule(name, await readFile(join(dir, name), 'utf8'));
    if (result.ok) rules.push(result.rule);
    else problems.push(...result.problems.map((p) => `${basename(name)}: ${p}`));
  }
  return { rules, problems };
}
