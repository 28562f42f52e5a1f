import { createReadStream } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { type LogRule, readLogRule } from '../../core/logs/log-rule-schema.js';
import { kindOfName, NOT_READ } from './log-file-names.js';
import { LogInputError } from './log-input-error.js';
import type { SizedLogSource } from './sized-log-source.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits, zipSources } from './zip-sources.js';

/** 1 MiB reads: large enough for a fast scan, small enough for flat memory. */
export const CHUNK_BYTES = 1024 * 1024;
/** A directory walk stops this deep and after this many files (a stray `C:\` stays bounded). */
const MAX_DEPTH = 4;
const MAX_FILES = 500;

export { LogInputError };

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

async function* fileSource(
  path: string,
  shownName: string,
  zipLimits: ZipLimits,
): AsyncGenerator<SizedLogSource> {
  const byName = kindOfName(path);
  const kind = byName === 'cab' || byName === 'zip' ? byName : await archiveKind(path);
  if (kind === 'cab') yield { name: shownName, refused: NOT_READ.cab };
  else if (kind === 'zip') yield* zipSources(path, shownName, zipLimits);
  else if (byName === 'etl' || byName === 'evtx')
    yield { name: shownName, refused: NOT_READ[byName] };
  else {
    const { size } = await stat(path);
    yield {
      name: shownName,
      size,
      path,
      chunks: createReadStream(path, { highWaterMark: CHUNK_BYTES }),
    };
  }
}

const isInside = (root: string, path: string): boolean =>
  path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * The log files under a directory, in name order. A symbolic link is followed only when its
 * target lies inside the directory given (so a link to `/etc` or `C:\Users` is never read);
 * a folder or file already reached (a loop of links, a second link to the same log) is not
 * read again.
 */
async function* walk(
  dir: string,
  root: string,
  depth: number,
  seen: { files: number; real: Set<string> },
): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let directory = entry.isDirectory();
    let file = entry.isFile();
    const real = await realpath(path).catch(() => undefined);
    if (real === undefined || seen.real.has(real)) continue;
    if (entry.isSymbolicLink()) {
      if (!isInside(root, real)) continue;
      const info = await stat(real);
      directory = info.isDirectory();
      file = info.isFile();
    }
    if (directory) {
      seen.real.add(real);
      if (depth < MAX_DEPTH) yield* walk(path, root, depth + 1, seen);
    } else if (file && kindOfName(entry.name) !== 'other' && seen.files < MAX_FILES) {
      seen.real.add(real);
      seen.files++;
      yield path;
    }
  }
}

/** Every file named, and every file under every directory named, as sources; in name order. */
export async function* readLogSources(
  paths: readonly string[],
  cwd: string,
  zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS,
): AsyncGenerator<SizedLogSource> {
  for (const given of paths) {
    const path = resolve(cwd, given);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new LogInputError(`no such file or directory: ${given}`);
    // Names are shown as given (relative stays relative), files under a directory below it.
    if (info.isDirectory()) {
      const root = await realpath(path);
      for await (const file of walk(path, root, 1, { files: 0, real: new Set([root]) }))
        yield* fileSource(file, join(given, file.slice(path.length + 1)), zipLimits);
    } else yield* fileSource(path, given, zipLimits);
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
