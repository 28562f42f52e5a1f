import { z } from 'zod';
import { CANONICAL_CODE, CANONICAL_CODE_RULE } from '../codes/code-value.js';

/**
 * The article model (DESIGN.md, "Article model"): one schema behind the Markdown source, the
 * page-text importer, storage and the JSON API. The schema requires only what every article
 * must have; `lint` enforces the rest of CONTENT.md.
 */

export const SLUG = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = z.string().trim().min(1, 'must not be empty');

/** The pattern and message are code-value.ts's: the one owner of the canonical form. */
export const codeSchema = z.string().regex(CANONICAL_CODE, CANONICAL_CODE_RULE);
export const slugSchema = z
  .string()
  .regex(SLUG, 'must be lower-case letters, digits, "." and "-", e.g. "reset-components"');
export const platformIdSchema = slugSchema;

export const severitySchema = z.enum(['low', 'moderate', 'high', 'critical']);
export const shellSchema = z.enum(['cmd', 'powershell']);
export const riskSchema = z.enum(['safe', 'moderate', 'destructive']);

export const stepActionSchema = z.strictObject({ step: text });
export const commandActionSchema = z.strictObject({
  command: text,
  shell: shellSchema,
  /** As the page wrote it: "or on Windows 10 and later". */
  condition: text.optional(),
});
export const actionSchema = z.union([stepActionSchema, commandActionSchema]);

export const shellCommandSchema = z.strictObject({ command: text, shell: shellSchema });
export const verifySchema = z.strictObject({ text, command: shellCommandSchema.optional() });

/** What a person needs to know before starting a fix. */
export const fixAttributesShape = {
  admin: z.boolean().optional(),
  restart: z.boolean().optional(),
  risk: riskSchema.optional(),
  reversible: z.boolean().optional(),
  undo: text.optional(),
  platforms: z.array(platformIdSchema).optional(),
  minutes: z.number().int().positive().optional(),
};

export const inlineFixSchema = z.strictObject({
  id: slugSchema,
  title: text,
  actions: z.array(actionSchema).min(1, 'a fix needs at least one action'),
  why: text.optional(),
  verify: verifySchema.optional(),
  ...fixAttributesShape,
});

/** A fix written once in `content/procedures/<id>.md`, used here by id; fields given here override. */
export const procedureFixSchema = z.strictObject({
  id: slugSchema,
  use: slugSchema,
  title: text.optional(),
  why: text.optional(),
  verify: verifySchema.optional(),
  ...fixAttributesShape,
});

export const fixSchema = z.union([inlineFixSchema, procedureFixSchema]);

export const procedureSchema = inlineFixSchema;

export const causeSchema = z.strictObject({
  text,
  /** Ids of the fixes that address this cause. */
  fixes: z.array(slugSchema).default([]),
});

export const faqEntrySchema = z.strictObject({ question: text, answer: text });

/** A public address: http(s) only, so a source link can never run script or open a file. */
export const httpUrlSchema = z
  .string()
  .regex(
    /^https?:\/\/[^\s/?#]+[^\s]*$/,
    'must be an http(s) address, e.g. "https://learn.microsoft.com/…"',
  );

/** A public document the article relies on: its title, and its address where it has one. */
export const sourceSchema = z.union([
  text,
  z.strictObject({ title: text, url: httpUrlSchema.optional() }),
]);

export const MESSAGE_PLACES = ['settings', 'dism', 'sfc', 'setup', 'event-log', 'other'] as const;

/**
 * A text Windows itself shows with the code, word for word, in one language: people paste
 * these, often without the code. `lang` is a BCP 47 tag (`en`, `de`, `pt-BR`).
 */
export const messageSchema = z.strictObject({
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'must be a language tag such as "en", "de" or "pt-BR"'),
  where: z.enum(MESSAGE_PLACES),
  text,
});

export const RETRY_WHEN = ['transient', 'after-restart', 'after-fix', 'permanent'] as const;

/**
 * What a script should do with the code: retry later unchanged (`transient`), after a restart,
 * only after a fix, or never (`permanent`); with a short reason and the first safe fix to try.
 */
export const retryAdviceSchema = z.strictObject({
  when: z.enum(RETRY_WHEN),
  reason: text,
  /** The id of the first safe fix (an article's own fix id; a family's procedure id). */
  firstFix: slugSchema.optional(),
});

export const meaningSchema = z.strictObject({
  /** Plain words first: what the error means for the person. Markdown. */
  summary: text,
  /** What the code's definition says, kept apart from causes seen in practice. Markdown. */
  official: text.optional(),
  detail: text.optional(),
});

export const articleSchema = z
  .strictObject({
    code: codeSchema,
    product: slugSchema,
    title: text,
    severity: severitySchema,
    appliesTo: z.array(platformIdSchema).default([]),
    meaning: meaningSchema,
    causes: z.array(causeSchema).default([]),
    fixes: z.array(fixSchema).default([]),
    /** Markdown: when to stop, what to try last, what to hand over. */
    escalation: text.optional(),
    faq: z.array(faqEntrySchema).default([]),
    related: z.array(codeSchema).default([]),
    /** Where it differs from the family's: what a script should do with the code. */
    retry: retryAdviceSchema.optional(),
    /** The public documents the article relies on. */
    sources: z.array(sourceSchema).default([]),
    messages: z.array(messageSchema).default([]),
    /** Absent: awaiting review. */
    reviewedAt: z.string().regex(ISO_DATE, 'must be a date written YYYY-MM-DD').optional(),
  })
  .superRefine((article, ctx) => {
    const ids = new Set<string>();
    article.fixes.forEach((fix, index) => {
      if (ids.has(fix.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fixes', index, 'id'],
          message: `fix id "${fix.id}" is used twice; each fix needs its own id`,
        });
      }
      ids.add(fix.id);
    });
    const firstFix = article.retry?.firstFix;
    if (firstFix !== undefined && !ids.has(firstFix)) {
      ctx.addIssue({
        code: 'custom',
        path: ['retry', 'firstFix'],
        message: `retry names fix "${firstFix}", which the article does not have (fixes: ${[...ids].join(', ') || 'none'})`,
      });
    }
    article.causes.forEach((cause, index) => {
      for (const id of cause.fixes) {
        if (!ids.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['causes', index, 'fixes'],
            message: `cause names fix "${id}", which the article does not have (fixes: ${[...ids].join(', ') || 'none'})`,
          });
        }
      }
    });
  });

export type Severity = z.infer<typeof severitySchema>;
export type Shell = z.infer<typeof shellSchema>;
export type Risk = z.infer<typeof riskSchema>;
export type StepAction = z.infer<typeof stepActionSchema>;
export type CommandAction = z.infer<typeof commandActionSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Verify = z.infer<typeof verifySchema>;
export type InlineFix = z.infer<typeof inlineFixSchema>;
export type ProcedureFix = z.infer<typeof procedureFixSchema>;
export type Fix = z.infer<typeof fixSchema>;
export type Procedure = z.infer<typeof procedureSchema>;
export type Cause = z.infer<typeof causeSchema>;
export type FaqEntry = z.infer<typeof faqEntrySchema>;
export type Meaning = z.infer<typeof meaningSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Message = z.infer<typeof messageSchema>;
export type RetryAdvice = z.infer<typeof retryAdviceSchema>;
export type Article = z.infer<typeof articleSchema>;
/** What a writer may hand in: defaults (empty lists) not yet filled. */
export type ArticleInput = z.input<typeof articleSchema>;

export const isCommandAction = (action: Action): action is CommandAction => 'command' in action;
export const isProcedureFix = (fix: Fix): fix is ProcedureFix => 'use' in fix;

/** A source as title and optional address, whichever way the file wrote it. */
export const sourceParts = (source: Source): { title: string; url?: string | undefined } =>
  typeof source === 'string' ? { title: source } : source;

/** Zod's issues as one line a person can act on: "fixes.0.id: must be …; …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(article)'}: ${issue.message}`,
    )
    .join('; ');
}
