import { z } from 'zod';

/** The answer of a search, shared by `GET /api/v1/search` and `erratlas search --json`. */

const snippetSchema = z
  .array(z.object({ text: z.string(), hit: z.boolean() }))
  .meta({ description: 'Plain text pieces; `hit` marks matched words. Escape when rendering.' });

const facetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const searchResponseSchema = z
  .object({
    query: z.string(),
    filters: z.object({
      product: z.string().optional(),
      severity: z.string().optional(),
      family: z.string().optional(),
      platform: z.string().optional(),
    }),
    codes: z
      .array(
        z.object({
          code: z.string(),
          names: z.array(z.string()),
          known: z.boolean(),
          reason: z.string(),
          url: z.string(),
        }),
      )
      .meta({ description: 'Exact readings of a code in the query: always first.' }),
    didYouMean: z
      .array(
        z.object({
          code: z.string(),
          names: z.array(z.string()),
          reason: z.string(),
          lookups: z.number().int(),
          url: z.string(),
        }),
      )
      .meta({ description: 'Codes the query probably meant (not read exactly).' }),
    articles: z.array(
      z.object({
        product: z.string(),
        code: z.string(),
        title: z.string(),
        severity: z.string().optional(),
        url: z.string(),
        score: z.number(),
        snippet: snippetSchema,
      }),
    ),
    codesByMeaning: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        families: z.array(z.string()),
        url: z.string(),
        score: z.number(),
        snippet: snippetSchema,
      }),
    ),
    facets: z.object({
      product: facetSchema,
      severity: facetSchema,
      family: facetSchema,
      platform: facetSchema,
    }),
    total: z.object({ articles: z.number().int(), codes: z.number().int() }),
    quality: z.enum(['good', 'weak', 'zero']).meta({
      description:
        '`zero`: nothing found; `weak`: no code read exactly and no result matched half of the words. Such searches are recorded (normalised, nothing personal) for editors.',
    }),
    nextCursor: z.string().optional().meta({ description: 'Pass as `cursor` for the next page.' }),
  })
  .meta({ id: 'SearchResponse' });

export type SearchResponse = z.infer<typeof searchResponseSchema>;

/** `GET /api/v1/search/suggest`: what the search box offers while a person types. */
export const searchSuggestionsSchema = z
  .object({
    query: z.string(),
    suggestions: z.array(
      z.object({
        kind: z.enum(['code', 'did-you-mean', 'article', 'code-by-meaning']),
        label: z.string().meta({ description: 'What the option shows (plain text).' }),
        detail: z.string().meta({ description: 'A second line: a name, a code, a reason.' }),
        url: z.string(),
      }),
    ),
  })
  .meta({ id: 'SearchSuggestions' });

export type SearchSuggestions = z.infer<typeof searchSuggestionsSchema>;

/** `GET /api/v1/search/misses` (operator only). */
export const searchMissListSchema = z
  .object({
    misses: z.array(
      z.object({
        query: z.string().meta({ description: 'Normalised: folded words, single spaces.' }),
        kind: z.enum(['zero', 'weak']),
        count: z.number().int(),
        lastResults: z.number().int(),
        lastSeen: z.string(),
      }),
    ),
  })
  .meta({ id: 'SearchMissList' });
