import { z } from 'zod';
import { codeSchema, type RetryAdvice, retryAdviceSchema, slugSchema } from '../articles/schema.js';
import type { CbsFamily, CodeTable } from '../codes/code-name.js';
import type { Wrapped } from '../codes/decode-hresult.js';

/**
 * A family (docs/FAMILY-FORMAT.md): codes that share a cause domain, with our own words on what
 * they mean and what generally helps, and for Windows Update families a line per code.
 */

export type WrappedScheme = Wrapped['scheme'];

/** Which codes belong: exactly one rule (FAMILY-FORMAT.md, "Front matter"). */
export type FamilyMatch =
  | { wuComponent: string }
  | { table: CodeTable }
  | { cbsFamily: CbsFamily }
  | { wrapped: WrappedScheme }
  | { facility: number };

/** One line of a family's `## Codes`: a code, one of its names, our one-line description. */
export type FamilyCode = { code: string; name: string; text: string };

export type Family = {
  id: string;
  title: string;
  match: FamilyMatch;
  /** Lower is more specific; a code's primary family is its matching family with the lowest. */
  priority: number;
  /** What a script should do with a code of this family (an article may say otherwise). */
  retry: RetryAdvice;
  /** Markdown: everything before the first `##`. */
  description: string;
  /** Markdown: the body of `## What generally helps`. */
  helps: string;
  /** The `## Codes` list in file order; [] when the file has none. */
  codes: FamilyCode[];
};

/** Typed so that a table added to CodeTable must be added here too. */
const TABLES: { readonly [T in CodeTable]: T } = {
  wu: 'wu',
  bits: 'bits',
  do: 'do',
  cbs: 'cbs',
  hresults: 'hresults',
  win32: 'win32',
  winhttp: 'winhttp',
  wininet: 'wininet',
  ntstatus: 'ntstatus',
  setup: 'setup',
};
const CBS_FAMILIES: { readonly [F in CbsFamily]: F } = { CBS: 'CBS', PSFX: 'PSFX', SPAPI: 'SPAPI' };
const WRAPPED: { readonly [W in WrappedScheme]: W } = {
  win32: 'win32',
  http: 'http',
  ntstatus: 'ntstatus',
};

/** The rule keys, in the order messages list them. */
export const MATCH_KEYS = ['wuComponent', 'table', 'cbsFamily', 'wrapped', 'facility'] as const;

const matchFields = z.strictObject({
  wuComponent: z
    .string()
    .regex(/^[A-Z][A-Z0-9]*$/, 'must be a component_prefix of wu-errors.tsv, e.g. PT')
    .optional(),
  table: z.enum(TABLES).optional(),
  cbsFamily: z.enum(CBS_FAMILIES).optional(),
  wrapped: z.enum(WRAPPED).optional(),
  facility: z.int().min(0).max(0x1fff, 'must be a 13-bit facility number (0 … 8191)').optional(),
});

type MatchFields = z.output<typeof matchFields>;

function toMatch(fields: MatchFields): FamilyMatch {
  if (fields.wuComponent !== undefined) return { wuComponent: fields.wuComponent };
  if (fields.table !== undefined) return { table: fields.table };
  if (fields.cbsFamily !== undefined) return { cbsFamily: fields.cbsFamily };
  if (fields.wrapped !== undefined) return { wrapped: fields.wrapped };
  if (fields.facility !== undefined) return { facility: fields.facility };
  throw new Error('toMatch: no rule (the refinement lets none through)');
}

const ruleCount = (fields: MatchFields): number =>
  MATCH_KEYS.filter((key) => fields[key] !== undefined).length;

/**
 * Written as one object with optional keys (not a union) so a bad value names its key
 * (`match.table: Invalid option …`) instead of a union's "Invalid input".
 */
export const familyMatchSchema = matchFields
  .refine((fields) => ruleCount(fields) === 1, {
    message: `must have exactly one of: ${MATCH_KEYS.join(', ')}`,
  })
  .transform(toMatch);

const oneLine = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .regex(/^[^\n]*$/, 'must be one line');

export const familyCodeSchema = z.strictObject({
  code: codeSchema,
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a symbolic name'),
  text: oneLine,
});

export const familySchema = z.strictObject({
  id: slugSchema,
  title: oneLine,
  match: familyMatchSchema,
  priority: z.int(),
  retry: retryAdviceSchema,
  description: z.string().trim().min(1, 'must not be empty'),
  helps: z.string().trim().min(1, 'must not be empty'),
  codes: z.array(familyCodeSchema),
}) satisfies z.ZodType<Family>;

/** How a rule is shown in messages: `wuComponent: PT`. */
export function describeMatch(match: FamilyMatch): string {
  if ('wuComponent' in match) return `wuComponent: ${match.wuComponent}`;
  if ('table' in match) return `table: ${match.table}`;
  if ('cbsFamily' in match) return `cbsFamily: ${match.cbsFamily}`;
  if ('wrapped' in match) return `wrapped: ${match.wrapped}`;
  return `facility: ${match.facility}`;
}
