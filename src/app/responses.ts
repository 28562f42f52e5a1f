import { z } from 'zod';
import { articleSchema, RETRY_WHEN, retryAdviceSchema } from '../core/articles/schema.js';

/**
 * Response shapes shared by the JSON API and the CLI's `--json` (they print the same thing
 * for the same question), and the source of the OpenAPI document.
 */

export const codeNameSchema = z
  .object({
    name: z.string(),
    table: z.enum([
      'wu',
      'bits',
      'do',
      'cbs',
      'setup',
      'hresults',
      'win32',
      'winhttp',
      'wininet',
      'ntstatus',
    ]),
    scheme: z.enum(['hresult', 'win32', 'ntstatus']),
    win32Code: z.number().int().optional(),
    aliasOf: z.string().optional(),
    component: z.string().optional().meta({
      description: 'Windows Update names: the component (wu-errors.tsv component_prefix).',
    }),
    cbsFamily: z.enum(['CBS', 'PSFX', 'SPAPI']).optional(),
  })
  .meta({
    id: 'CodeName',
    description: 'One symbolic name of a code and the table it comes from.',
  });

export const decodedSchema = z
  .object({
    hex: z.string(),
    unsigned: z.number().int(),
    signed: z.number().int(),
    severity: z.enum(['success', 'failure']),
    flags: z.object({
      S: z.boolean(),
      R: z.boolean(),
      C: z.boolean(),
      N: z.boolean(),
      X: z.boolean(),
    }),
    facility: z.object({ number: z.number().int(), name: z.string().optional() }),
    code: z.number().int(),
    wrapped: z
      .union([
        z.object({
          scheme: z.literal('win32'),
          code: z.number().int(),
          via: z.enum(['hresult', 'ntstatus']),
          names: z.array(z.string()),
        }),
        z.object({
          scheme: z.literal('ntstatus'),
          value: z.number().int(),
          names: z.array(z.string()),
        }),
        z.object({
          scheme: z.literal('http'),
          status: z.number().int(),
          reasonPhrase: z.string().optional(),
        }),
      ])
      .optional(),
  })
  .meta({ id: 'Decoded', description: 'The bits of the code read as an HRESULT (MS-ERREF).' });

export const articleLinkSchema = z
  .object({
    product: z.string(),
    code: z.string(),
    title: z.string(),
    /** The page for people. */
    url: z.string(),
    /** The same article as JSON. */
    apiUrl: z.string(),
  })
  .meta({ id: 'ArticleLink' });

export const setupExtendSchema = z
  .object({
    value: z.number().int(),
    hex: z.string().meta({ description: 'As setup writes it: 0x + 5 hex digits.' }),
    phase: z.object({ number: z.number().int(), name: z.string().optional() }),
    operation: z.object({ number: z.number().int(), name: z.string().optional() }),
  })
  .meta({
    id: 'SetupExtend',
    description: 'The extend code of a Windows setup result: phase and operation.',
  });

export const retryViewSchema = z
  .object({
    when: z.enum(RETRY_WHEN).meta({
      description:
        'transient: retry later unchanged; after-restart: retry after a restart; after-fix: apply a fix first; permanent: retrying never helps.',
    }),
    reason: z.string(),
    firstFix: z.string().optional().meta({
      description:
        "The first safe fix: a fix id of the article, or a procedure id for a family's advice.",
    }),
    firstFixUrl: z.string().optional().meta({ description: 'Where that fix is shown.' }),
    from: z.enum(['article', 'family']).meta({ description: 'Whose advice this is.' }),
    source: z.string().meta({ description: 'The article path or the family id it comes from.' }),
  })
  .meta({
    id: 'RetryAdvice',
    description:
      'What a script should do with a failure code. Absent for success codes and codes no family covers.',
  });

export const readingSchema = z
  .object({
    code: z.string().meta({ description: 'Canonical form: 0x + 8 upper-case hex digits.' }),
    value: z.number().int(),
    notation: z.enum([
      'hex',
      'bare-hex',
      'signed-decimal',
      'unsigned-decimal',
      'win32-decimal',
      'name',
      'name-tail',
    ]),
    known: z.boolean(),
    rank: z.number().int().min(1),
    reason: z.string(),
    names: z.array(codeNameSchema),
    label: z.string().optional().meta({
      description: 'Short words for a setup result code the documentation gives no name.',
    }),
    knownVia: z.string().optional().meta({
      description: 'Why a value no table names is known: the code wrapped inside it.',
    }),
    extend: setupExtendSchema.optional(),
    suggestions: z.array(z.string()).optional().meta({
      description: 'Unknown readings only: known codes a digit or two away, nearest first.',
    }),
    decode: decodedSchema,
    families: z.array(z.string()).meta({
      description: 'Ids of the families the code belongs to, primary first (see /api/v1/families).',
    }),
    note: z.string().optional().meta({ description: 'One line on what this code means.' }),
    plainMeaning: z.string().optional().meta({
      description:
        'What the code means for a person, in one or two sentences: the family’s note on the code, a meaning written for the common codes, or its name read as words. Absent only when nothing names the value.',
    }),
    articles: z.array(articleLinkSchema),
    retry: retryViewSchema.optional(),
    url: z.string().meta({ description: 'The code page for people.' }),
  })
  .meta({ id: 'Reading', description: 'One interpretation of the input, most likely first.' });

export const codeLookupSchema = z
  .object({
    input: z.string(),
    /** True when the best reading is a code the bundled tables know. */
    known: z.boolean(),
    readings: z.array(readingSchema).min(1),
  })
  .meta({ id: 'CodeLookup' });

const supportSourceView = z.object({ title: z.string(), url: z.string() });

export const platformStatusSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    label: z.string().meta({
      description: 'As pages show it: "Windows 7 - support ended January 14, 2020", else the name.',
    }),
    supportEnded: z.boolean().meta({ description: 'Whether support had ended on the day asked.' }),
    support: z
      .object({
        ends: z.string().meta({ description: 'Last day of (extended) support, YYYY-MM-DD.' }),
        source: supportSourceView,
        esu: z
          .object({
            ends: z.string().optional().meta({ description: 'Where a Microsoft page gives it.' }),
            source: supportSourceView,
          })
          .optional(),
      })
      .optional()
      .meta({ description: 'Absent when no end of support is known (Windows 11: per version).' }),
  })
  .meta({ id: 'PlatformStatus', description: 'A platform an article lists, with its support.' });

export const articleResponseSchema = z
  .object({
    article: articleSchema,
    platforms: z.array(platformStatusSchema),
    revision: z.number().int().min(1),
    updatedAt: z.string(),
    url: z.string(),
  })
  .meta({ id: 'ArticleResponse', description: 'An article as the schema has it.' });

export const issueSchema = z
  .object({
    code: z.string().meta({ description: 'Stable: clients may switch on it (e.g. too_large).' }),
    path: z.array(z.union([z.string(), z.number().int()])).meta({
      description: 'The field concerned, as zod names it: ["fixes", 2, "verify"]; [] is the file.',
    }),
    line: z.number().int().min(1).optional().meta({ description: 'Line of the file, from 1.' }),
    file: z.string().optional().meta({ description: 'The file, when several were sent.' }),
    message: z.string(),
  })
  .meta({ id: 'Issue', description: 'One problem found in content (Markdown, page text).' });

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable: clients may switch on it.' }),
      message: z.string(),
      suggestions: z.array(z.string()).optional(),
      issues: z.array(issueSchema).optional().meta({
        description: 'Content that was refused: every problem found, with its line and path.',
      }),
      requestId: z
        .string()
        .optional()
        .meta({ description: 'Names the request in the server logs; quote it when reporting.' }),
    }),
  })
  .meta({ id: 'Error' });

export const familySummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    priority: z.number().int(),
    members: z.number().int().meta({ description: 'How many catalogued codes belong to it.' }),
    url: z.string(),
    apiUrl: z.string(),
  })
  .meta({ id: 'FamilySummary' });

export const familyDetailSchema = familySummarySchema
  .extend({
    match: z.string().meta({ description: 'Which codes belong, e.g. "wuComponent: PT".' }),
    description: z.string().meta({ description: 'Markdown, in the project’s own words.' }),
    helps: z.string().meta({ description: 'Markdown: what generally helps.' }),
    retry: retryAdviceSchema.meta({
      description:
        "What a script should do with a code of this family, unless the code's article says otherwise.",
    }),
    codes: z.array(z.object({ code: z.string(), name: z.string(), text: z.string() })),
  })
  .meta({ id: 'Family' });

export const familyListSchema = z
  .object({ families: z.array(familySummarySchema) })
  .meta({ id: 'FamilyList' });

export const codeDetailsSchema = z
  .object({
    families: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        helps: z.string(),
        url: z.string(),
      }),
    ),
    note: z.string().optional(),
    related: z.array(
      z.object({
        code: z.string(),
        why: z.enum(['named-together', 'same-family', 'neighbour']).meta({
          description:
            'named-together: an article names both; same-family: in its primary family, nearest first; neighbour: next to it among all catalogued codes.',
        }),
        names: z.array(z.string()),
        hasArticle: z.boolean(),
        url: z.string(),
      }),
    ),
    requests: z.number().int(),
  })
  .meta({ id: 'CodeDetails' });

export const suggestionsSchema = z
  .object({
    input: z.string(),
    suggestions: z.array(
      z.object({
        code: z.string(),
        distance: z
          .number()
          .meta({ description: 'Edits from what was typed (a look-alike letter costs 0).' }),
        lookups: z
          .number()
          .int()
          .meta({ description: 'How often the code has been looked up here.' }),
        names: z.array(z.string()),
        url: z.string(),
      }),
    ),
  })
  .meta({
    id: 'Suggestions',
    description: 'Real codes near what was typed, nearest and most looked-up first.',
  });

export const requestOutcomeSchema = z
  .object({
    code: z.string(),
    recorded: z.boolean().meta({ description: 'False when this address already asked today.' }),
    requests: z.number().int(),
  })
  .meta({ id: 'RequestOutcome' });

export const requestListSchema = z
  .object({
    requests: z.array(
      z.object({ code: z.string(), requests: z.number().int(), lastAt: z.string() }),
    ),
  })
  .meta({ id: 'RequestList' });

export type CodeDetails = z.infer<typeof codeDetailsSchema>;
export type FamilySummary = z.infer<typeof familySummarySchema>;
export type FamilyDetail = z.infer<typeof familyDetailSchema>;
export type Suggestions = z.infer<typeof suggestionsSchema>;
export type CodeLookup = z.infer<typeof codeLookupSchema>;
export type ReadingView = z.infer<typeof readingSchema>;
export type RetryView = z.infer<typeof retryViewSchema>;
export type ArticleLink = z.infer<typeof articleLinkSchema>;
export type ArticleResponse = z.infer<typeof articleResponseSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type IssueView = z.infer<typeof issueSchema>;
