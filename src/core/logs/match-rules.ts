import type { Catalog } from '../codes/catalog.js';
import { formatCode } from '../codes/code-value.js';
import type { Condition, LogRule } from './log-rule-schema.js';
import type { CodeGroup, FileAnalysis, Finding } from './log-types.js';

export type RuleMatch = {
  rule: string;
  title: string;
  cause: string;
  fix: string;
  source: string;
  article?: string | undefined;
  step?: string | undefined;
  /** The findings and lines that made the rule match, first of each. */
  evidence: { file: string; line: number; text: string }[];
  /** For a setup result: the phase and operation its extend code names. */
  setup?:
    | {
        result: string;
        extend?: string | undefined;
        phase?: string | undefined;
        operation?: string | undefined;
      }
    | undefined;
};

type Seen = {
  groups: Map<number, { group: CodeGroup; finding: Finding }>;
  signals: Map<string, { file: string; line: number; text: string; subject?: string | undefined }>;
  setup?: { value: number; extend?: number | undefined; file: string; line: number } | undefined;
};

/** Everything the rules can test, across all the files of one diagnosis. */
function collect(files: readonly FileAnalysis[]): Seen {
  const seen: Seen = { groups: new Map(), signals: new Map() };
  for (const file of files) {
    for (const group of file.groups) {
      if (group.count - group.noiseCount <= 0) continue;
      const finding = group.first.noise ? group.last : group.first;
      if (!seen.groups.has(group.first.value))
        seen.groups.set(group.first.value, { group, finding });
    }
    for (const [source, s] of file.signals) {
      // The subject named last before the failure is the one setup acted on ([S8]: the last occurrence).
      seen.signals.set(source, {
        file: file.file,
        line: s.line,
        text: s.text,
        subject: s.lastSubject ?? s.subject,
      });
    }
    if (file.setupResult) seen.setup = { ...file.setupResult, file: file.file };
  }
  return seen;
}

function holds(
  c: Condition,
  seen: Seen,
): { file: string; line: number; text: string } | undefined | false {
  if ('code' in c) {
    const g = seen.groups.get(Number.parseInt(c.code.slice(2), 16));
    return g ? { file: g.finding.file, line: g.finding.line, text: g.finding.text } : false;
  }
  if ('codes' in c) {
    for (const code of c.codes) {
      const g = seen.groups.get(Number.parseInt(code.slice(2), 16));
      if (g) return { file: g.finding.file, line: g.finding.line, text: g.finding.text };
    }
    return false;
  }
  if ('text' in c) {
    const s = seen.signals.get(c.text);
    return s ? { file: s.file, line: s.line, text: s.text } : false;
  }
  const setup = seen.setup;
  if (!setup || formatCode(setup.value) !== c.setupResult) return false;
  const extend = setup.extend;
  if (c.phase !== undefined && (extend === undefined || extend >> 16 !== c.phase)) return false;
  if (c.operation !== undefined && (extend === undefined || (extend & 0xffff) !== c.operation))
    return false;
  return { file: setup.file, line: setup.line, text: '' };
}

/** The rules whose every `all` condition holds and no `none` condition does, most specific first. */
export function matchRules(
  rules: readonly LogRule[],
  files: readonly FileAnalysis[],
  catalog: Catalog,
): RuleMatch[] {
  const seen = collect(files);
  const matches: { match: RuleMatch; weight: number }[] = [];
  for (const rule of rules) {
    const evidence: RuleMatch['evidence'] = [];
    let ok = true;
    for (const c of rule.when.all) {
      const e = holds(c, seen);
      if (e === false) {
        ok = false;
        break;
      }
      if (e && !evidence.some((x) => x.file === e.file && x.line === e.line)) evidence.push(e);
    }
    if (!ok) continue;
    if ((rule.when.none ?? []).some((c) => holds(c, seen) !== false)) continue;
    const subject = [...rule.when.all]
      .map((c) => ('text' in c ? seen.signals.get(c.text)?.subject : undefined))
      .find((s) => s !== undefined);
    const fill = (s: string): string =>
      s.replace(/\{subject\}/g, subject ?? 'the item named before it');
    const match: RuleMatch = {
      rule: rule.id,
      title: rule.title,
      cause: fill(rule.cause),
      fix: fill(rule.fix),
      source: rule.source,
      article: rule.article,
      step: rule.step,
      evidence: evidence.filter((e) => e.text !== '' || e.line > 0),
    };
    if (rule.when.all.some((c) => 'setupResult' in c) && seen.setup) {
      const extend = seen.setup.extend;
      match.setup = {
        result: formatCode(seen.setup.value),
        extend: extend === undefined ? undefined : `0x${extend.toString(16).toUpperCase()}`,
        phase: extend === undefined ? undefined : catalog.setupPhaseName(extend >> 16),
        operation: extend === undefined ? undefined : catalog.setupOperationName(extend & 0xffff),
      };
    }
    matches.push({ match, weight: rule.when.all.length });
  }
  return matches.sort((a, b) => b.weight - a.weight).map((m) => m.match);
}
