import { z } from 'zod';
import { articleSchema } from '../core/articles/schema.js';

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
      'hresults',
      'win32',
      'winhttp',
      'wininet',
      'ntstatus',
    ]),
    scheme: z.enum(['hresult', 'win32', 'ntstatus']),
    win32Code: z.number().int().optional(),
    aliasOf: z.string().optional(),
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
        }),
        z.object({ scheme: z.literal('ntstatus'), value: z.number().int() }),
        z.object({ scheme: z.literal('http'), status: z.number().int() }),
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
    decode: decodedSchema,
    articles: z.array(articleLinkSchema),
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

export const articleResponseSchema = z
  .object({
    article: articleSchema,
    revision: z.number().int().min(1),
    updatedAt: z.string(),
    url: z.string(),
  })
  .meta({ id: 'ArticleResponse', description: 'An article as the schema has it.' });

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable: clients may switch on it.' }),
      message: z.string(),
      suggestions: z.array(z.string()).optional(),
    }),
  })
  .meta({ id: 'Error' });

export type CodeLookup = z.infer<typeof codeLookupSchema>;
export type ReadingView = z.infer<typeof readingSchema>;
export type ArticleLink = z.infer<typeof articleLinkSchema>;
export type ArticleResponse = z.infer<typeof articleResponseSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
