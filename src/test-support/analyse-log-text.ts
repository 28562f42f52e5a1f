import { loadWindowsCatalog } from '../adapters/catalog/load-windows-tables.js';
import { diagnose, type Diagnosis } from '../core/logs/diagnose.js';
import { LogAnalyser, type AnalyserResult } from '../core/logs/log-analyser.js';
import { type LogRule, rulePatterns } from '../core/logs/log-rule-schema.js';
import type { AsciiText } from '../core/logs/text-decoding.js';

export const catalog = await loadWindowsCatalog();

/** Feeds bytes to a real analyser in chunks of `chunk` bytes (small, to cross every boundary). */
export function analyseBytes(
  file: string,
  bytes: Uint8Array,
  options: {
    chunk?: number;
    rules?: readonly LogRule[];
    since?: string | undefined;
    /** Read every line in full (the reference the fast path is held to). */
    everyLine?: boolean;
    /** ASCII read through this (as the CLI does, adapters/logs/buffer-ascii-text.ts). */
    ascii?: AsciiText | undefined;
  } = {},
): AnalyserResult {
  const analyser = new LogAnalyser({
    file,
    catalog,
    patterns: rulePatterns(options.rules ?? []),
    since: options.since,
    everyLine: options.everyLine,
    ascii: options.ascii,
  });
  const size = options.chunk ?? 7;
  for (let i = 0; i < bytes.length; i += size)
    if (!analyser.push(bytes.subarray(i, i + size))) break;
  return analyser.end();
}

/** One file through the analyser and the diagnosis, as the CLI does. */
export function diagnoseText(file: string, text: string, rules: readonly LogRule[]): Diagnosis {
  const result = analyseBytes(file, new TextEncoder().encode(text), { rules, chunk: 64 });
  if (!result.ok) throw new Error(result.reason);
  return diagnose([result.analysis], [], rules, catalog);
}
