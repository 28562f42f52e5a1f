import type { Catalog } from '../core/codes/catalog.js';
import { diagnose, type Diagnosis } from '../core/logs/diagnose.js';
import {
  type AnalyserOptions,
  type AnalyserResult,
  LogAnalyser,
} from '../core/logs/log-analyser.js';
import { type LogRule, rulePatterns } from '../core/logs/log-rule-schema.js';
import type { FileAnalysis, RefusedFile } from '../core/logs/log-types.js';
import { redact } from '../core/logs/redact.js';

/**
 * One input file: its bytes as a stream (and, for a file on disk, its path, which lets a reader
 * read parts of it at offsets instead), or why it cannot be read at all (a .cab, a .zip).
 */
export type LogSource =
  | {
      name: string;
      chunks: AsyncIterable<Uint8Array>;
      size?: number | undefined;
      path?: string | undefined;
    }
  | { name: string; refused: string };

/**
 * Reads one file's chunks to its analysis, calling `onChunk` with the bytes read so far. The
 * default reads in this thread; adapters/logs/range-log-reading.ts spreads a large file on
 * disk over worker threads with the same answer.
 */
export type ReadLog = (
  source: Extract<LogSource, { chunks: unknown }>,
  options: AnalyserOptions,
  onChunk: (bytes: number) => void,
) => Promise<AnalyserResult>;

/** One file read in this thread, chunk by chunk; reading stops once the file is refused. */
export const readLogHere: ReadLog = async (source, options, onChunk) => {
  const analyser = new LogAnalyser(options);
  let bytes = 0;
  for await (const chunk of source.chunks) {
    bytes += chunk.length;
    onChunk(bytes);
    if (!analyser.push(chunk)) break;
  }
  return analyser.end();
};

export type AnalyzeOptions = {
  catalog: Catalog;
  rules: readonly LogRule[];
  since?: string | undefined;
  /** Called after each chunk with the bytes read so far of the current file. */
  onProgress?: ((file: string, bytes: number) => void) | undefined;
  /** How one file is read (default: in this thread). */
  readLog?: ReadLog | undefined;
};

/**
 * Reads every source one after the other (so memory stays bounded by one file's state) and
 * diagnoses them together: a DISM.log and a CBS.log of the same repair explain each other.
 */
export async function analyzeLogs(
  sources: AsyncIterable<LogSource> | Iterable<LogSource>,
  options: AnalyzeOptions,
): Promise<Diagnosis> {
  const patterns = rulePatterns(options.rules);
  const files: FileAnalysis[] = [];
  const refused: RefusedFile[] = [];
  for await (const source of sources) {
    if ('refused' in source) {
      refused.push({ file: redact(source.name), reason: source.refused });
      continue;
    }
    const result = await (options.readLog ?? readLogHere)(
      source,
      { file: source.name, catalog: options.catalog, patterns, since: options.since },
      (bytes) => options.onProgress?.(source.name, bytes),
    );
    if (result.ok) files.push(result.analysis);
    else refused.push({ file: redact(source.name), reason: result.reason });
  }
  return diagnose(files, refused, options.rules, options.catalog);
}
