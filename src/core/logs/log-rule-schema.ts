import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CANONICAL_CODE } from '../codes/code-value.js';

/**
 * A diagnosis rule (content/log-rules/*.yaml): a pattern of findings → a cause, the article and
 * the fix step. Help desks add their own with `erratlas logs --rules <dir>`; the same schema
 * checks both. Every rule carries its own fixture, in a real layout, that it must match.
 */
const code = z
  .string()
  .regex(CANONICAL_CODE, 'a code as 0x + 8 upper-case hex digits, e.g. 0x800F081F');

const validRegex = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'a JavaScript regular expression (it does not compile)' },
);

export const CONDITION = z.union([
  z.object({ code }).strict(),
  z.object({ codes: z.array(code).min(1) }).strict(),
  z.object({ text: validRegex }).strict(),
  z
    .object({
      setupResult: code,
      /** First hex digit of the extend code (LOG-FORMATS.md §6, [S9]). */
      phase: z.number().int().min(0).max(15).optional(),
      /** Last two hex digits of the extend code. */
      operation: z.number().int().min(0).max(255).optional(),
    })
    .strict(),
]);
export type Condition = z.infer<typeof CONDITION>;

export const LOG_RULE = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case, e.g. cbs-source-missing'),
    title: z.string().min(5),
    /** Where the rule comes from: a document, a section of LOG-FORMATS.md, an article. */
    source: z.string().min(5),
    when: z
      .object({
        all: z.array(CONDITION).min(1),
        none: z.array(CONDITION).optional(),
      })
      .strict(),
    cause: z.string().min(10),
    fix: z.string().min(10),
    /** The code whose article (content/windows-update/<code>.md or the code page) explains it. */
    article: code.optional(),
    /** The fix step's anchor in that article (`{#restart-twice}`). */
    step: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an anchor id such as restart-twice')
      .optional(),
    fixture: z.object({ file: z.string().min(1), text: z.string().min(1) }).strict(),
  })
  .strict();
export type LogRule = z.infer<typeof LOG_RULE>;

export type RuleFileResult =
  { ok: true; rule: LogRule } | { ok: false; file: string; problems: string[] };

/** Parses and validates one rule file's text; every problem names its field. */
export function readLogRule(file: string, text: string): RuleFileResult {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    return {
      ok: false,
      file,
      problems: [`not valid YAML: ${(error as Error).message.split('\n')[0]}`],
    };
  }
  const parsed = LOG_RULE.safeParse(data);
  if (parsed.success) return { ok: true, rule: parsed.data };
  return {
    ok: false,
    file,
    problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(rule)'}: ${i.message}`),
  };
}

/** Every text pattern of the rules, for the analyser to count as it reads. */
export const rulePatterns = (rules: readonly LogRule[]): string[] =>
  rules.flatMap((r) =>
    [...r.when.all, ...(r.when.none ?? [])].flatMap((c) => ('text' in c ? [c.text] : [])),
  );
